package io.github.courtside.core.lock;

import java.util.Objects;

/**
 * A number that strictly increases with each successful acquisition of the same lock name.
 *
 * <p>Guarded work passes its token to every destructive step; a step refuses a token older than the
 * newest one issued for that lock, so a holder whose lease was taken over (after a pause, say)
 * cannot overwrite the work of the new holder.
 *
 * <pre>{@code
 * try (Lease lease = locks.acquire("consolidation-2024-04-10")) {
 *   lease.ensureHeld();             // throws LeaseLostException once superseded
 *   merge(lease.token());
 * }
 * }</pre>
 *
 * @param lockName the lock the token was issued for
 * @param value the token's position in that lock's sequence, starting at 1
 */
public record FencingToken(String lockName, long value) implements Comparable<FencingToken> {

  public FencingToken {
    Objects.requireNonNull(lockName, "lockName");
    if (value < 1) {
      throw new IllegalArgumentException("fencing tokens start at 1, got " + value);
    }
  }

  /** Whether this token was issued after {@code other} for the same lock. */
  public boolean isNewerThan(FencingToken other) {
    requireSameLock(other);
    return value > other.value;
  }

  @Override
  public int compareTo(FencingToken other) {
    requireSameLock(other);
    return Long.compare(value, other.value);
  }

  private void requireSameLock(FencingToken other) {
    if (!lockName.equals(other.lockName)) {
      throw new IllegalArgumentException(
          "cannot compare tokens of different locks: " + lockName + " and " + other.lockName);
    }
  }
}
