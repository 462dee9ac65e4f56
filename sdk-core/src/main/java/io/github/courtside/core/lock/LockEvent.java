package io.github.courtside.core.lock;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a {@link LeaseLock} did or observed, delivered to a {@link LockEventListener}: the hook
 * for alerts (a lock taken over from a holder that outlived its lease, work proceeding unlocked).
 *
 * <pre>{@code
 * LockEventListener alerts = event -> {
 *   if (event.type() == LockEvent.Type.PROCEEDED_UNLOCKED) {
 *     pager.critical(event.lockName() + ": " + event.detail());
 *   }
 * };
 * }</pre>
 *
 * @param type what happened
 * @param lockName the lock concerned
 * @param owner the owner label of the lock instance that reports the event
 * @param token the fencing token involved, when there is one
 * @param at when it happened, by the lock's clock
 * @param detail a human-readable explanation
 */
public record LockEvent(
    Type type,
    String lockName,
    String owner,
    Optional<FencingToken> token,
    Instant at,
    String detail) {

  public LockEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(lockName, "lockName");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detail, "detail");
  }

  /** Kinds of lock events. */
  public enum Type {
    /** A lease was acquired on a free lock. */
    ACQUIRED,
    /**
     * A lease was acquired on a lock whose previous holder's lease had run out without release: the
     * previous holder may still be running and will be refused by fencing.
     */
    TAKEN_OVER,
    /** A lease was extended. */
    RENEWED,
    /** A renewal attempt failed with a store error; the lease stays valid until it expires. */
    RENEWAL_FAILED,
    /** The holder found its lease expired or superseded. */
    LOST,
    /** A lease was released by its owner. */
    RELEASED,
    /** Releasing failed with a store error; the lease will run out at its expiry. */
    RELEASE_FAILED,
    /** The wait budget ran out without acquiring the lock. */
    ACQUISITION_FAILED,
    /** Work ran without the lock under {@link AcquisitionFailurePolicy#PROCEED_UNLOCKED}. */
    PROCEEDED_UNLOCKED
  }
}
