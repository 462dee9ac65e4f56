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
}
