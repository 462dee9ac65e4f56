package io.github.courtside.core.lock;

/**
 * Acquires leases on named locks; what algorithms such as the consolidator depend on, so that any
 * lock implementation (the lease lock on a coordination store, a test double for fault injection)
 * can guard them.
 *
 * <pre>{@code
 * LeaseAcquirer acquirer = leaseLock::acquire;
 * try (Lease lease = acquirer.acquire("consolidation-2024-04-10")) { ... }
 * }</pre>
 */
@FunctionalInterface
public interface LeaseAcquirer {

  /**
   * Acquires the named lock, waiting as the implementation's configuration allows.
   *
   * @throws LockNotAcquiredException when the lock could not be acquired in time
   */
  Lease acquire(String lockName);

  /**
   * Acquires the named lock with a token above {@code floor}: the highest token the guarded
   * resource has seen (a consolidation journal, say), so tokens never go backwards even when the
   * lock's own token documents were deleted, expired or live in a new store.
   *
   * <p>The default acquires normally and refuses a token at or below the floor; implementations
   * that issue tokens (such as {@link LeaseLock}) issue one above the floor instead.
   *
   * @throws LockNotAcquiredException when the lock could not be acquired in time, or (default
   *     implementation) its token is not above the floor
   */
  default Lease acquire(String lockName, long floor) {
    Lease lease = acquire(lockName);
    if (lease.token().value() <= floor) {
      lease.close();
      throw new LockNotAcquiredException(
          lockName,
          "issued token " + lease.token().value() + " is not above the resource's token " + floor);
    }
    return lease;
  }
}
