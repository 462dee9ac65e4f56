package io.github.courtside.models.registry;

import io.github.courtside.core.ValueStyle;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;
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
 */
@ValueStyle
@Value.Immutable
public abstract class ModelSource {
  ModelSource() {}

  /** The model id the registry serves it under. */
  public abstract String id();

  /** The file path or classpath resource name. */
  public abstract String location();

  /** Whether {@link #location()} is a classpath resource. */
  public abstract boolean onClasspath();

  /** The metadata file or resource, "" when none. */
  @Value.Default
  public String metadataLocation() {
    return "";
  }

  @Value.Check
  void check() {
    if (id().isBlank()) {
      throw new IllegalArgumentException("model id must not be blank");
    }
  }

  /** A model file. */
  public static ModelSource file(String id, Path path) {
    return new Builder().id(id).location(path.toString()).onClasspath(false).build();
  }

  /** A classpath resource (leading slash optional). */
  public static ModelSource classpath(String id, String resource) {
    return new Builder().id(id).location(strip(resource)).onClasspath(true).build();
  }

  /**
   * This source with metadata at a path (file sources) or resource name (classpath sources, leading
   * slash optional).
   */
  public ModelSource withMetadata(String metadata) {
    return new Builder()
        .from(this)
        .metadataLocation(onClasspath() ? strip(metadata) : metadata)
        .build();
  }

  /** The metadata location, if any. */
  public Optional<String> metadata() {
    return metadataLocation().isEmpty() ? Optional.empty() : Optional.of(metadataLocation());
  }

  private static String strip(@Nullable String resource) {
    Objects.requireNonNull(resource, "resource");
    return resource.startsWith("/") ? resource.substring(1) : resource;
  }

  /** Builds a {@link ModelSource}. */
  static final class Builder extends ImmutableModelSource.Builder {
    Builder() {}
  }
}
