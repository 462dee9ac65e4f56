package io.github.courtside.models.registry;

import io.github.courtside.core.CourtsideException;

/**
 * A registry request that cannot be served: an unknown or duplicate model id, or a resource that is
 * not on the classpath.
 *
 * <pre>{@code
 * try {
 *   registry.predictor("v9_a9");
 * } catch (ModelRegistryException e) {
 *   log.error("no model {}", e.modelId());
 * }
 * }</pre>
 */
public final class ModelRegistryException extends CourtsideException {
  private static final long serialVersionUID = 1L;
  private final String modelId;

  /** A failure concerning model {@code modelId}. */
  public ModelRegistryException(String modelId, String message) {
    super("model " + modelId + ": " + message);
    this.modelId = modelId;
  }

  /** The model id concerned. */
  public String modelId() {
    return modelId;
  }
}
