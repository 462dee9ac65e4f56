package io.github.courtside.models.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.courtside.models.catboost.CatBoostPredictor;
import io.github.courtside.models.catboost.CatBoostPredictorSetup;
import io.github.courtside.models.catboost.ModelMetadata;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.prediction.ModelLoadException;
import io.github.courtside.models.prediction.PredictionPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Models by id, loaded from files or the classpath, validated against a feature schema when they
 * are registered, and kept loaded in a bounded Caffeine cache.
 *
 * <p>{@link #register} loads the model at once: a model that cannot be loaded, or that needs
 * features the registry's schema lacks, is refused with {@link ModelLoadException} right there (the
 * contract check of spec-ml §6 #3, #31), never at the first prediction. Later {@link #predictor}
 * calls serve the cached model, reloading it if it was evicted. Evicted models are not closed (a
 * caller may still hold them); CatBoost frees them when they become unreachable. {@link #close()}
 * closes the models still cached.
 *
 * <pre>{@code
 * try (ModelRegistry registry = ModelRegistry.builder().schema(FeatureSchema.V9_33).build()) {
 *   registry.register(ModelSource.file("v9_a1", Path.of("catboost_v9_exp_A1.cbm"))
 *       .withMetadata("catboost_v9_exp_A1.metadata.json"));
 *   CatBoostPredictor predictor = registry.predictor("v9_a1");
 * }
 * }</pre>
 */
public final class ModelRegistry implements AutoCloseable {
  private final FeatureSchema schema;
  private final PredictionPolicy policy;
  private final ClassLoader classLoader;
  private final Map<String, ModelSource> sources = new ConcurrentHashMap<>();
  private final Cache<String, CatBoostPredictor> loaded;

  private ModelRegistry(ModelRegistrySetup setup) {
    this.schema = setup.schema();
    this.policy = setup.policy();
    this.classLoader = setup.classLoader();
    this.loaded = Caffeine.newBuilder().maximumSize(setup.maximumLoaded()).recordStats().build();
  }

  /**
   * A builder ({@code ModelRegistrySetup.builder()}); the schema defaults to {@link
   * FeatureSchema#V2_60}.
   */
  public static ModelRegistrySetup.Builder builder() {
    return ModelRegistrySetup.builder();
  }

  /** The registry a setup describes. */
  public static ModelRegistry create(ModelRegistrySetup setup) {
    return new ModelRegistry(setup);
  }

  /**
   * Registers and loads a model, validating its feature contract.
   *
   * @throws ModelRegistryException when the id is already registered or a resource is absent
   * @throws ModelLoadException when the model cannot be loaded or needs features the schema lacks
   */
  public CatBoostPredictor register(ModelSource source) {
    if (sources.containsKey(source.id())) {
      throw new ModelRegistryException(source.id(), "already registered");
    }
    CatBoostPredictor predictor = load(source);
    if (sources.putIfAbsent(source.id(), source) != null) {
      predictor.close();
      throw new ModelRegistryException(source.id(), "already registered");
    }
    loaded.put(source.id(), predictor);
    return predictor;
  }

  /** The predictor of a registered model, loading it again if it was evicted. */
  public CatBoostPredictor predictor(String id) {
    ModelSource source = sources.get(id);
    if (source == null) {
      throw new ModelRegistryException(id, "not registered; known: " + ids());
    }
    return loaded.get(id, key -> load(source));
  }

  /** The registered ids, sorted. */
  public List<String> ids() {
    return sources.keySet().stream().sorted().toList();
  }

  /** The cache of loaded models, for {@link MicrometerModelRegistryMetrics}. */
  Cache<String, CatBoostPredictor> loadedModels() {
    return loaded;
  }

  /** The schema models are validated against. */
  public FeatureSchema schema() {
    return schema;
  }

  private CatBoostPredictor load(ModelSource source) {
    CatBoostPredictorSetup.Builder builder;
    ModelMetadata metadata = ModelMetadata.NONE;
    if (source.onClasspath()) {
      try (InputStream in = resource(source.id(), source.location())) {
        builder = CatBoostPredictor.builder(source.location(), in);
        if (source.metadata().isPresent()) {
          try (InputStream meta = resource(source.id(), source.metadata().get())) {
            metadata = ModelMetadata.read(meta, source.metadata().get());
          }
        }
        return builder
            .metadata(metadata)
            .schema(schema)
            .policy(policy)
            .modelId(source.id())
            .build();
      } catch (IOException e) {
        throw new ModelLoadException(source.location(), "cannot read resource: " + e, e);
      }
    }
    builder = CatBoostPredictor.builder(Path.of(source.location()));
    if (source.metadata().isPresent()) {
      metadata = ModelMetadata.read(Path.of(source.metadata().get()));
    }
    return builder.metadata(metadata).schema(schema).policy(policy).modelId(source.id()).build();
  }

  private InputStream resource(String id, String name) {
    InputStream in = classLoader.getResourceAsStream(name);
    if (in == null) {
      throw new ModelRegistryException(id, "classpath resource " + name + " not found");
    }
    return in;
  }

  /** Closes every cached model. */
  @Override
  public void close() {
    loaded.asMap().values().forEach(CatBoostPredictor::close);
    loaded.invalidateAll();
  }
}
