package io.github.courtside.models.feature;

import io.github.courtside.core.CourtsideException;

/**
 * A feature name that a schema does not define.
 *
 * <pre>{@code
 * try {
 *   schema.indexOf("points_avg_last_7");
 * } catch (UnknownFeatureException e) {
 *   log.error("schema {} has no {}", e.schemaId(), e.feature());
 * }
 * }</pre>
 */
public final class UnknownFeatureException extends CourtsideException {
  private static final long serialVersionUID = 1L;
  private final String schemaId;
  private final String feature;

  /** A feature {@code feature} that schema {@code schemaId} does not define. */
  public UnknownFeatureException(String schemaId, String feature) {
    super("feature schema " + schemaId + " has no feature named '" + feature + "'");
    this.schemaId = schemaId;
    this.feature = feature;
  }

  /** The schema that was asked. */
  public String schemaId() {
    return schemaId;
  }

  /** The unknown feature name. */
  public String feature() {
    return feature;
  }
}
