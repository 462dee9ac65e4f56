package io.github.courtside.models.registry;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a registered model lives: a file or a classpath resource, with optional metadata (training
 * medians) beside it. The format follows the suffix: {@code .json} is CatBoost JSON, anything else
 * a binary {@code .cbm}.
 *
 * <pre>{@code
 * ModelSource a1 = ModelSource.file("v9_a1", Path.of("models/catboost_v9_exp_A1.cbm"))
 *     .withMetadata("models/catboost_v9_exp_A1.metadata.json");
 * ModelSource demo = ModelSource.classpath("demo", "models/demo.json");
 * }</pre>
 *
 * @param id the model id the registry serves it under
 * @param location the file path or classpath resource name
 * @param onClasspath whether {@code location} is a classpath resource
 * @param metadataLocation the metadata file or resource, "" when none
 */
public record ModelSource(
    String id, String location, boolean onClasspath, String metadataLocation) {

  public ModelSource {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(metadataLocation, "metadataLocation");
    if (id.isBlank()) {
      throw new IllegalArgumentException("model id must not be blank");
    }
  }

  /** A model file. */
  public static ModelSource file(String id, Path path) {
    return new ModelSource(id, path.toString(), false, "");
  }

  /** A classpath resource (leading slash optional). */
  public static ModelSource classpath(String id, String resource) {
    return new ModelSource(id, strip(resource), true, "");
  }

  /** This source with metadata at a path (file sources) or resource name (classpath sources). */
  public ModelSource withMetadata(String metadata) {
    return new ModelSource(id, location, onClasspath, onClasspath ? strip(metadata) : metadata);
  }

  /** The metadata location, if any. */
  public Optional<String> metadata() {
    return metadataLocation.isEmpty() ? Optional.empty() : Optional.of(metadataLocation);
  }

  private static String strip(@Nullable String resource) {
    Objects.requireNonNull(resource, "resource");
    return resource.startsWith("/") ? resource.substring(1) : resource;
  }
}
