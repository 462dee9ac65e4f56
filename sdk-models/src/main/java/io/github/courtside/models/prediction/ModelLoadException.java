package io.github.courtside.models.prediction;

import io.github.courtside.core.CourtsideException;
import java.util.List;

/**
 * A model could not be loaded or does not fit its contract. Thrown at construction: a model that
 * fails to load fails loudly and is never replaced by a fallback (spec-ml §6 #1, #28).
 *
 * <pre>{@code
 * try {
 *   CatBoostPredictor.builder(Path.of("models/v9.cbm")).build();
 * } catch (ModelLoadException e) {
 *   log.error("cannot serve {}: missing {}", e.location(), e.missingFeatures(), e);
 *   throw e;
 * }
 * }</pre>
 */
public final class ModelLoadException extends CourtsideException {
  private static final long serialVersionUID = 1L;
  private final String location;
  private final List<String> missingFeatures;

  /** The model at {@code location} could not be loaded. */
  public ModelLoadException(String location, String message, Throwable cause) {
    super("cannot load model " + location + ": " + message, cause);
    this.location = location;
    this.missingFeatures = List.of();
  }

  /** The model at {@code location} is unusable. */
  public ModelLoadException(String location, String message) {
    super("cannot load model " + location + ": " + message);
    this.location = location;
    this.missingFeatures = List.of();
  }

  /** The model at {@code location} needs features its feature schema lacks. */
  public ModelLoadException(String location, String schemaId, List<String> missingFeatures) {
    super(
        "model "
            + location
            + " needs features that schema "
            + schemaId
            + " lacks: "
            + missingFeatures);
    this.location = location;
    this.missingFeatures = List.copyOf(missingFeatures);
  }

  /** The model's path or resource name. */
  public String location() {
    return location;
  }

  /** The features the schema lacks (empty when the load failed for another reason). */
  public List<String> missingFeatures() {
    return missingFeatures;
  }
}
