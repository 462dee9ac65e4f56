package io.github.courtside.core.lock;

import io.github.courtside.core.CourtsideException;

/** A lock could not be acquired within its wait budget. */
public class LockNotAcquiredException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final String lockName;

  public LockNotAcquiredException(String lockName, String message) {
    super(message + " (lock " + lockName + ")");
    this.lockName = lockName;
  }

  public LockNotAcquiredException(String lockName, String message, Throwable cause) {
    super(message + " (lock " + lockName + ")", cause);
    this.lockName = lockName;
  }

  /** The lock that could not be acquired. */
  public String lockName() {
    return lockName;
  }
}
