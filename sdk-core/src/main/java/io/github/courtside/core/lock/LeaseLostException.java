package io.github.courtside.core.lock;

import io.github.courtside.core.CourtsideException;

/** The holder of a lease no longer owns the lock; its destructive steps must stop. */
public class LeaseLostException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final String lockName;
  private final FencingToken token;

  public LeaseLostException(String lockName, FencingToken token, String message) {
    super(message + " (lock " + lockName + ", token " + token.value() + ")");
    this.lockName = lockName;
    this.token = token;
  }

  /** The lock that was lost. */
  public String lockName() {
    return lockName;
  }

  /** The stale holder's token. */
  public FencingToken token() {
    return token;
  }
}
