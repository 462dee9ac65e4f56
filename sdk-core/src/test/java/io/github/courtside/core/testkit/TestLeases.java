package io.github.courtside.core.testkit;

import io.github.courtside.core.lock.FencingToken;
import io.github.courtside.core.lock.Lease;
import io.github.courtside.core.lock.LeaseAcquirer;
import io.github.courtside.core.lock.LockNotAcquiredException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory {@link LeaseAcquirer} test double with real mutual exclusion and increasing fencing
 * tokens, plus fault injection: {@link #loseAfterChecks} makes the next lease report itself lost
 * after a number of {@link Lease#isHeld()} checks, as when a pause let it expire.
 */
public final class TestLeases implements LeaseAcquirer {
  private final Map<String, TestLease> held = new HashMap<>();
  private final Map<String, Long> tokens = new HashMap<>();
  private int checksBeforeLoss = -1;
  private long acquisitions;

  @Override
  public Lease acquire(String lockName) {
    return acquire(lockName, 0);
  }

  /** Acquires with a token above {@code floor} and above every token issued before. */
  @Override
  public synchronized Lease acquire(String lockName, long floor) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (held.containsKey(lockName)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new LockNotAcquiredException(lockName, "test lock busy");
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LockNotAcquiredException(lockName, "interrupted");
      }
    }
    long token = Math.max(tokens.getOrDefault(lockName, 0L), floor) + 1;
    tokens.put(lockName, token);
    acquisitions++;
    TestLease lease = new TestLease(lockName, new FencingToken(lockName, token), checksBeforeLoss);
    checksBeforeLoss = -1;
    held.put(lockName, lease);
    return lease;
  }

  /** The next lease acquired reports itself lost after {@code checks} successful checks. */
  public synchronized void loseAfterChecks(int checks) {
    this.checksBeforeLoss = checks;
  }

  /** Issues a newer token for the lock without a lease, as a new holder after expiry would. */
  public synchronized FencingToken issueNewerToken(String lockName) {
    return new FencingToken(lockName, tokens.merge(lockName, 1L, Long::sum));
  }

  public synchronized long acquisitions() {
    return acquisitions;
  }

  private synchronized void release(TestLease lease) {
    if (held.get(lease.lockName()) == lease) {
      held.remove(lease.lockName());
      notifyAll();
    }
  }

  private final class TestLease implements Lease {
    private final String lockName;
    private final FencingToken token;
    private int checksLeft;
    private boolean released;

    TestLease(String lockName, FencingToken token, int checksLeft) {
      this.lockName = lockName;
      this.token = token;
      this.checksLeft = checksLeft;
    }

    @Override
    public String lockName() {
      return lockName;
    }

    @Override
    public String owner() {
      return "test-" + token.value();
    }

    @Override
    public FencingToken token() {
      return token;
    }

    @Override
    public Instant expiresAt() {
      return Instant.MAX;
    }

    @Override
    public synchronized boolean isHeld() {
      if (released) {
        return false;
      }
      if (checksLeft == 0) {
        return false;
      }
      if (checksLeft > 0) {
        checksLeft--;
      }
      return true;
    }

    @Override
    public void close() {
      synchronized (this) {
        released = true;
      }
      release(this);
    }
  }
}
