package io.github.courtside.core.coordination;

import io.github.courtside.core.CourtsideException;

/** A coordination store operation failed; the path says which document or collection. */
public class CoordinationStoreException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public CoordinationStoreException(String path, String message, Throwable cause) {
    super(message + " (path " + path + ")", cause);
    this.path = path;
  }

  public CoordinationStoreException(String path, String message) {
    super(message + " (path " + path + ")");
    this.path = path;
  }

  /** The document or collection path the failed operation addressed. */
  public String path() {
    return path;
  }
}
