package io.github.courtside.core.lock;

import java.time.Instant;

/**
 * A held lease on a named lock. Closing it releases the lock if, and only if, this holder still
 * owns it: a holder whose lease was taken over can neither release nor extend the new holder's.
 *
 * <pre>{@code
 * try (Lease lease = acquirer.acquire("consolidation-2024-04-10")) {
 *   for (Step step : steps) {
 *     lease.ensureHeld();
 *     step.run(lease.token());
 *   }
 * }
 * }</pre>
 */
public interface Lease extends AutoCloseable {

  /** The lock's name. */
  String lockName();

  /** Who holds the lease (a worker or process id). */
  String owner();

  /** The fencing token issued with this acquisition. */
  FencingToken token();

  /** When the lease runs out unless renewed. */
  Instant expiresAt();

  /** Whether this holder still owns the lock: not expired, not superseded, not released. */
  boolean isHeld();

  /**
   * Throws unless this holder still owns the lock; call before each destructive step.
   *
   * @throws LeaseLostException when the lease expired, was taken over or was released
   */
  default void ensureHeld() {
    if (!isHeld()) {
      throw new LeaseLostException(
          lockName(), token(), "lease on " + lockName() + " is no longer held");
    }
  }

  /** Releases the lock when still owned; does nothing otherwise. */
  @Override
  void close();
}
