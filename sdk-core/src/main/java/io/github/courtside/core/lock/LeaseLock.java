package io.github.courtside.core.lock;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentPaths;
import io.github.courtside.core.coordination.DocumentQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease lock with fencing tokens, built on nothing but {@link CoordinationStore#createIfAbsent}:
 * correct on every store, including the npm Firestore emulator, and free of hot documents.
 *
 * <p><b>How it works.</b> Each acquisition of lock {@code L} creates the next document of the
 * sequence {@code <collection>/L/tokens/<n>}, zero-padded so that ids sort numerically. A contender
 * reads the newest token document; if its lease ran out or its holder released it, the contender
 * creates document {@code n + 1}. Create-if-absent lets exactly one contender win {@code n + 1}, so
 * the document number is the {@link FencingToken}: it strictly increases with each successful
 * acquisition. Renewals append documents under the holder's own token ({@code .../tokens/<n>/
 * renewals/<k>}) and release creates {@code .../tokens/<n>/release/released}; a holder can only
 * ever write below its own token, so a holder whose lease was taken over can neither release nor
 * extend the new holder's lock (hazard §2.3 fixed: the old lock deleted whatever document was
 * there).
 *
 * <p><b>Fencing.</b> A lease is a promise that holds while clocks agree and pauses stay shorter
 * than the lease; fencing makes stale holders harmless when they do not. {@link Lease#isHeld()}
 * checks the store, so call {@link Lease#ensureHeld()} before each destructive step and hand {@link
 * Lease#token()} to resources that can refuse older tokens ({@link #isCurrent}).
 *
 * <p><b>Lease shorter than the work</b> (hazard §2.3, fixed): {@link #runLocked} renews the lease
 * every {@link LeaseLockConfig#renewEvery()} while the work runs. Expiry is judged with each
 * contender's own clock against the holder's {@code expires_at}; keep clock skew well below the
 * lease.
 *
 * <p>Waiting is budget-capped (the shared copy's fix in §2.1): no sleep outlasts the remaining
 * budget, and a budget of zero means a single attempt (the old code read 0 as "default").
 *
 * <pre>{@code
 * try (LeaseLock locks = new LeaseLock(store, LeaseLockConfig.defaults())) {
 *   int merged = locks.runLocked("consolidation-2024-04-10", lease -> {
 *     lease.ensureHeld();
 *     return consolidator.merge(lease.token());
 *   });
 * }
 * LeaseAcquirer acquirer = locks;   // what the consolidator depends on
 * }</pre>
 */
public final class LeaseLock implements LeaseAcquirer, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeaseLock.class);

  private final CoordinationStore store;
  private final LeaseLockConfig config;
  private final Object schedulerGuard = new Object();
  private @Nullable ScheduledExecutorService renewals;
  private volatile boolean closed;

  /** A lock on {@code store} configured by {@code config}. */
  public LeaseLock(CoordinationStore store, LeaseLockConfig config) {
    this.store = Objects.requireNonNull(store, "store");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The configuration. */
  public LeaseLockConfig config() {
    return config;
  }

  /** This lock as the {@link LeaseAcquirer} algorithms depend on. */
  public LeaseAcquirer asAcquirer() {
    return this;
  }

  /**
   * One acquisition attempt.
   *
   * @return the lease, or empty when another holder owns the lock or won the race
   * @throws io.github.courtside.core.coordination.CoordinationStoreException on a store failure
   */
  public Optional<Lease> tryAcquire(String lockName) {
    requireOpen();
    String tokens = tokens(lockName);
    Instant now = config.clock().instant();
    LockState state = readState(lockName);
    if (!state.isFreeAt(now)) {
      log.debug(
          "lock {} is held by {} (token {}) for another {} ms",
          lockName,
          state.holderOwner(),
          state.newestToken(),
          Duration.between(now, state.expiresAt()).toMillis());
      return Optional.empty();
    }
    long next = state.newestToken() + 1;
    Instant expiresAt = now.plus(config.lease());
    String holderId = UUID.randomUUID().toString();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("lock_name", lockName);
    fields.put("owner", config.owner());
    fields.put("holder_id", holderId);
    fields.put("token", next);
    fields.put("acquired_at", now);
    fields.put("expires_at", expiresAt);
    fields.put("lease_ms", config.lease().toMillis());
    if (!store.createIfAbsent(Document.of(DocumentPaths.child(tokens, tokenId(next)), fields))) {
      log.debug("lock {}: another contender won token {}", lockName, next);
      return Optional.empty();
    }
    FencingToken token = new FencingToken(lockName, next);
    StoreLease lease = new StoreLease(token, holderId, expiresAt);
    if (state.newestToken() > 0 && !state.released()) {
      String detail =
          "took over from "
              + state.holderOwner()
              + " whose lease (token "
              + state.newestToken()
              + ") ran out at "
              + state.expiresAt()
              + " without release";
      log.warn("lock {}: {}", lockName, detail);
      emit(LockEvent.Type.TAKEN_OVER, lockName, token, detail);
    } else {
      emit(LockEvent.Type.ACQUIRED, lockName, token, "acquired until " + expiresAt);
    }
    return Optional.of(lease);
  }

  /**
   * Acquires the lock, trying for at most the configured {@link LeaseLockConfig#waitBudget()}.
   *
   * @throws LockNotAcquiredException when the budget runs out
   */
  @Override
  public Lease acquire(String lockName) {
    return acquire(lockName, config.waitBudget());
  }

  /**
   * Acquires the lock, polling every {@link LeaseLockConfig#pollInterval()} for at most {@code
   * waitBudget}; store errors count as failed attempts and are retried.
   *
   * @throws LockNotAcquiredException when the budget runs out or the thread is interrupted
   */
  public Lease acquire(String lockName, Duration waitBudget) {
    requireOpen();
    Objects.requireNonNull(waitBudget, "waitBudget");
    Instant deadline = config.clock().instant().plus(waitBudget);
    int attempts = 0;
    RuntimeException lastError = null;
    while (true) {
      attempts++;
      try {
        Optional<Lease> lease = tryAcquire(lockName);
        if (lease.isPresent()) {
          return lease.get();
        }
      } catch (LockNotAcquiredException | IllegalArgumentException | IllegalStateException e) {
        throw e;
      } catch (RuntimeException e) {
        lastError = e;
        log.warn("lock {}: attempt {} failed: {}", lockName, attempts, e.toString());
      }
      Duration remaining = Duration.between(config.clock().instant(), deadline);
      if (remaining.isNegative() || remaining.isZero()) {
        break;
      }
      try {
        config
            .sleeper()
            .sleep(
                remaining.compareTo(config.pollInterval()) < 0 ? remaining : config.pollInterval());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LockNotAcquiredException(
            lockName, "interrupted while waiting for the lock after " + attempts + " attempts", e);
      }
    }
    String message =
        "could not acquire the lock within "
            + waitBudget
            + " ("
            + attempts
            + " attempts); inspect the newest document of "
            + tokens(lockName);
    emit(LockEvent.Type.ACQUISITION_FAILED, lockName, null, message);
    throw lastError == null
        ? new LockNotAcquiredException(lockName, message)
        : new LockNotAcquiredException(lockName, message + "; last error: " + lastError, lastError);
  }

  /**
   * Runs {@code work} holding the lock: acquires it (waiting the configured budget, failing with
   * {@link LockNotAcquiredException}), renews the lease every {@link LeaseLockConfig#renewEvery()}
   * while the work runs and releases it afterwards.
   */
  public <T> T runLocked(String lockName, Function<? super Lease, ? extends T> work) {
    return runHolding((StoreLease) acquire(lockName), work);
  }

  /**
   * Runs {@code work} holding the lock, or, when it cannot be acquired and {@code policy} is {@link
   * AcquisitionFailurePolicy#PROCEED_UNLOCKED}, without it after an alert event (the work then
   * receives an empty lease).
   */
  public <T> T runLocked(
      String lockName,
      AcquisitionFailurePolicy policy,
      Function<Optional<Lease>, ? extends T> work) {
    Objects.requireNonNull(policy, "policy");
    StoreLease lease;
    try {
      lease = (StoreLease) acquire(lockName);
    } catch (LockNotAcquiredException e) {
      if (policy == AcquisitionFailurePolicy.FAIL) {
        throw e;
      }
      String detail = "proceeding WITHOUT the lock: " + e.getMessage();
      log.error("lock {}: {}", lockName, detail);
      emit(LockEvent.Type.PROCEEDED_UNLOCKED, lockName, null, detail);
      return work.apply(Optional.empty());
    }
    return runHolding(lease, held -> work.apply(Optional.of(held)));
  }

  /**
   * Extends {@code lease} by one lease duration from now.
   *
   * @throws LeaseLostException when the lease already expired, was superseded or released
   * @throws IllegalArgumentException when the lease was not issued by this lock
   */
  public void renew(Lease lease) {
    if (!(lease instanceof StoreLease own) || own.issuer() != this) {
      throw new IllegalArgumentException("lease " + lease + " was not issued by this lock");
    }
    own.renew();
  }

  /** The newest fencing token issued for {@code lockName}, if any. */
  public Optional<FencingToken> currentToken(String lockName) {
    long newest = newestToken(lockName);
    return newest == 0 ? Optional.empty() : Optional.of(new FencingToken(lockName, newest));
  }

  /**
   * Whether {@code token} is the newest issued for its lock: what a fenced resource checks before
   * accepting a write (a newer acquisition means the writer's lease was superseded).
   */
  public boolean isCurrent(FencingToken token) {
    return newestToken(token.lockName()) == token.value();
  }

  /** Stops the renewal thread; leases still held are not released. */
  @Override
  public void close() {
    closed = true;
    synchronized (schedulerGuard) {
      if (renewals != null) {
        renewals.shutdownNow();
        renewals = null;
      }
    }
  }

  @Override
  public String toString() {
    return "LeaseLock[" + config + "]";
  }

  private <T> T runHolding(StoreLease lease, Function<? super Lease, ? extends T> work) {
    long period = Math.max(1, config.renewEvery().toMillis());
    lease.renewal =
        scheduler()
            .scheduleWithFixedDelay(
                () -> lease.renewInBackground(), period, period, TimeUnit.MILLISECONDS);
    try (lease) {
      return work.apply(lease);
    }
  }

  private ScheduledExecutorService scheduler() {
    synchronized (schedulerGuard) {
      requireOpen();
      if (renewals == null) {
        renewals =
            Executors.newSingleThreadScheduledExecutor(
                runnable -> {
                  Thread thread = new Thread(runnable, "courtside-lease-renewal");
                  thread.setDaemon(true);
                  return thread;
                });
      }
      return renewals;
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("LeaseLock is closed");
    }
  }

  private String tokens(String lockName) {
    Objects.requireNonNull(lockName, "lockName");
    if (lockName.isEmpty() || lockName.contains("/")) {
      throw new IllegalArgumentException(
          "lock name must be a non-empty document id without '/': '" + lockName + "'");
    }
    return DocumentPaths.child(config.collection(), lockName) + "/tokens";
  }

  private static String tokenId(long token) {
    return String.format("%019d", token);
  }

  private String tokenPath(String lockName, long token) {
    return DocumentPaths.child(tokens(lockName), tokenId(token));
  }

  private String releasePath(String lockName, long token) {
    return tokenPath(lockName, token) + "/release/released";
  }

  private String renewals(String lockName, long token) {
    return tokenPath(lockName, token) + "/renewals";
  }

  private long newestToken(String lockName) {
    List<Document> newest =
        store.query(DocumentQuery.in(tokens(lockName)).orderByIdDescending().limit(1).build());
    return newest.isEmpty() ? 0 : tokenOf(newest.get(0));
  }

  private static long tokenOf(Document document) {
    return document.getLong("token").orElseGet(() -> Long.parseLong(document.id()));
  }

  private LockState readState(String lockName) {
    List<Document> newest =
        store.query(DocumentQuery.in(tokens(lockName)).orderByIdDescending().limit(1).build());
    if (newest.isEmpty()) {
      return new LockState(0, "nobody", Instant.MIN, false);
    }
    Document holder = newest.get(0);
    long token = tokenOf(holder);
    String owner = holder.getString("owner").orElse("unknown");
    if (store.get(releasePath(lockName, token)).isPresent()) {
      return new LockState(token, owner, Instant.MIN, true);
    }
    Instant expiresAt = holder.getTimestamp("expires_at").orElse(Instant.MIN);
    List<Document> renewal =
        store.query(
            DocumentQuery.in(renewals(lockName, token)).orderByIdDescending().limit(1).build());
    if (!renewal.isEmpty()) {
      Instant renewed = renewal.get(0).getTimestamp("expires_at").orElse(Instant.MIN);
      if (renewed.isAfter(expiresAt)) {
        expiresAt = renewed;
      }
    }
    return new LockState(token, owner, expiresAt, false);
  }

  private void emit(
      LockEvent.Type type, String lockName, @Nullable FencingToken token, String detail) {
    LockEvent event =
        new LockEvent(
            type,
            lockName,
            config.owner(),
            Optional.ofNullable(token),
            config.clock().instant(),
            detail);
    try {
      config.listener().onEvent(event);
    } catch (RuntimeException e) {
      log.warn("lock event listener failed on {}", event, e);
    }
  }

  /** What the newest token document of a lock says. */
  private record LockState(
      long newestToken, String holderOwner, Instant expiresAt, boolean released) {
    boolean isFreeAt(Instant now) {
      return newestToken == 0 || released || !now.isBefore(expiresAt);
    }
  }

  /** A lease issued by this lock. */
  private final class StoreLease implements Lease {
    private final FencingToken token;
    private final String holderId;
    private final AtomicLong renewalCount = new AtomicLong();
    private final AtomicBoolean released = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile Instant expiresAt;
    private volatile @Nullable ScheduledFuture<?> renewal;
    private volatile String lostReason = "";

    StoreLease(FencingToken token, String holderId, Instant expiresAt) {
      this.token = token;
      this.holderId = holderId;
      this.expiresAt = expiresAt;
    }

    LeaseLock issuer() {
      return LeaseLock.this;
    }

    @Override
    public String lockName() {
      return token.lockName();
    }

    @Override
    public String owner() {
      return config.owner();
    }

    @Override
    public FencingToken token() {
      return token;
    }

    @Override
    public Instant expiresAt() {
      return expiresAt;
    }

    @Override
    public boolean isHeld() {
      if (released.get()) {
        return false;
      }
      if (lost.get()) {
        return false;
      }
      Instant now = config.clock().instant();
      if (!now.isBefore(expiresAt)) {
        markLost("the lease ran out at " + expiresAt + " (now " + now + ")");
        return false;
      }
      long newest = newestToken(lockName());
      if (newest != token.value()) {
        markLost("superseded by token " + newest);
        return false;
      }
      return true;
    }

    @Override
    public void ensureHeld() {
      if (!isHeld()) {
        throw lostException();
      }
    }

    synchronized void renew() {
      if (!isHeld()) {
        throw lostException();
      }
      Instant now = config.clock().instant();
      Instant newExpiry = now.plus(config.lease());
      long sequence = renewalCount.incrementAndGet();
      store.createIfAbsent(
          Document.of(
              DocumentPaths.child(renewals(lockName(), token.value()), tokenId(sequence)),
              Map.of("expires_at", newExpiry, "renewed_at", now, "holder_id", holderId)));
      expiresAt = newExpiry;
      long newest = newestToken(lockName());
      if (newest != token.value()) {
        markLost("superseded by token " + newest + " while renewing");
        throw lostException();
      }
      emit(LockEvent.Type.RENEWED, lockName(), token, "renewed until " + newExpiry);
    }

    void renewInBackground() {
      try {
        renew();
      } catch (LeaseLostException e) {
        stopRenewal();
        if (!released.get()) {
          log.warn("lock {}: stopped renewing: {}", lockName(), e.getMessage());
        }
      } catch (RuntimeException e) {
        log.warn("lock {}: renewal failed, retrying: {}", lockName(), e.toString());
        emit(LockEvent.Type.RENEWAL_FAILED, lockName(), token, e.toString());
      }
    }

    @Override
    public void close() {
      if (!released.compareAndSet(false, true)) {
        return;
      }
      stopRenewal();
      try {
        long newest = newestToken(lockName());
        if (newest != token.value()) {
          markLost("superseded by token " + newest + "; not releasing");
          log.warn(
              "lock {}: token {} was superseded by {}; the new holder's lock is left alone",
              lockName(),
              token.value(),
              newest);
          return;
        }
        store.createIfAbsent(
            Document.of(
                releasePath(lockName(), token.value()),
                Map.of("released_at", config.clock().instant(), "holder_id", holderId)));
        emit(LockEvent.Type.RELEASED, lockName(), token, "released");
      } catch (RuntimeException e) {
        log.warn(
            "lock {}: releasing token {} failed; it runs out at {}",
            lockName(),
            token.value(),
            expiresAt,
            e);
        emit(LockEvent.Type.RELEASE_FAILED, lockName(), token, e.toString());
      }
    }

    private void stopRenewal() {
      ScheduledFuture<?> scheduled = renewal;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
    }

    private void markLost(String reason) {
      if (lost.compareAndSet(false, true)) {
        lostReason = reason;
        log.warn("lock {}: lease with token {} lost: {}", lockName(), token.value(), reason);
        emit(LockEvent.Type.LOST, lockName(), token, reason);
      }
    }

    private LeaseLostException lostException() {
      String reason = released.get() && !lost.get() ? "it was released" : lostReason;
      return new LeaseLostException(
          lockName(), token, "lease of " + owner() + " is no longer held: " + reason);
    }

    @Override
    public String toString() {
      return "Lease[" + lockName() + ", token " + token.value() + ", owner " + owner() + "]";
    }
  }
}
