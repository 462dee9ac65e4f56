package io.github.courtside.core.lock;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentPaths;
import io.github.courtside.core.coordination.DocumentQuery;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease lock with fencing tokens, built on nothing but {@link CoordinationStore#createIfAbsent}:
 * correct on every store, including the npm Firestore emulator, and free of hot documents.
 *
 * <p><b>How it works.</b> Lock {@code L} is a sequence of positions, one per acquisition, in the
 * collection {@code <collection>/L/tokens}: position {@code n}'s token document has id {@code n}
 * (zero-padded so that ids sort numerically), its renewals {@code n-r<k>} and its release {@code
 * n-released}, and each carries the position's {@link FencingToken} value. So the lock's newest
 * document, one query, says everything a contender needs: who holds it and until when (a token or
 * renewal document's {@code expires_at}), whether it was released, and the highest token issued. A
 * contender that finds it free creates the token document of position {@code n + 1} with token
 * {@code max(token, floor) + 1}; create-if-absent lets exactly one contender win it, whatever their
 * floors, so the token strictly increases with each successful acquisition. An acquisition is two
 * round trips (the query, the create), as is a renewal (the create, then a read of the newest
 * document) and a release. A holder can only ever write below its own position, so a holder whose
 * lease was taken over can neither release nor extend the new holder's lock (hazard §2.3 fixed: the
 * old lock deleted whatever document was there).
 *
 * <p><b>Fencing.</b> A lease is a promise that holds while clocks agree and pauses stay shorter
 * than the lease; fencing makes stale holders harmless when they do not. {@link Lease#isHeld()}
 * checks the store, so call {@link Lease#ensureHeld()} before each destructive step and hand {@link
 * Lease#token()} to resources that can refuse older tokens ({@link #isCurrent}).
 *
 * <p><b>Lease shorter than the work</b> (hazard §2.3, H-5, fixed): every lease the lock issues is
 * renewed in the background every {@link LeaseLockConfig#renewEvery()} until it is closed (so a
 * MERGE that outlasts the lease keeps it), unless {@link LeaseLockConfig#renewInBackground()} is
 * off; {@link #runLocked} renews either way. Each renewal times out after {@link
 * LeaseLockConfig#renewalTimeout()}, a failed one is retried after {@link
 * LeaseLockConfig#renewalRetryDelay()} (doubling, capped at a quarter of the lease left), and
 * renewals run on a pool, so one slow store call does not hold up the other leases. A renewal
 * acknowledged after the lease's old expiry counts as a lost lease: a contender may already have
 * taken over. Expiry is judged with each contender's own clock against the holder's {@code
 * expires_at} plus {@link LeaseLockConfig#maxClockSkew()}.
 *
 * <p><b>Tokens never go backwards.</b> {@link #acquire(String, long)} issues a token above a floor
 * (the guarded resource's highest token), so token documents that were deleted, expired or live in
 * a new store cannot restart the sequence below what the resource has seen. The documents of older
 * positions are compacted in the background, keeping the newest two positions, once {@link
 * LeaseLockConfig#renewalTimeout()} has passed since the acquisition that superseded them; an
 * acquisition that took longer than that from its read to the acknowledgement of its create (it may
 * have paused past such a compaction and re-created an old position) reads the lock back and gives
 * its token up if a newer position exists. A renewal compacts its own older renewals.
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

  /** Newest positions of a lock (with their renewal and release documents) never compacted. */
  private static final int KEEP_TOKENS = 2;

  /** Documents one compaction reads per query, oldest first. */
  private static final int COMPACTION_PAGE = 64;

  /** Queries one compaction makes at most (best effort; the next acquisition goes on). */
  private static final int COMPACTION_PAGES = 4;

  /** Digits of a position in a lock's sequence, zero-padded so that ids sort numerically. */
  private static final int SEQUENCE_DIGITS = 19;

  /** The id suffix of a release document, after its position; sorts above every renewal's. */
  private static final String RELEASED = "-released";

  /** The id infix of a renewal document, between its position and its renewal number. */
  private static final String RENEWAL = "-r";

  private final CoordinationStore store;
  private final LeaseLockConfig config;
  private final Retry polls;
  private final Object schedulerGuard = new Object();

  /** The newest compaction asked for, per lock with one scheduled or running (one at a time). */
  private final Map<String, Compaction> compactions = new HashMap<>();

  private @Nullable ScheduledExecutorService ticker;
  private @Nullable ExecutorService workers;
  private volatile boolean closed;

  /** A lock on {@code store} configured by {@code config}. */
  public LeaseLock(CoordinationStore store, LeaseLockConfig config) {
    this.store = Objects.requireNonNull(store, "store");
    this.config = Objects.requireNonNull(config, "config");
    RetryRegistry retries = RetryRegistry.ofDefaults();
    this.polls = pollRetry("lease-lock:" + config.collection(), config, retries);
    if (config.listener() instanceof MicrometerLockMetrics metrics) {
      metrics.bindResilience4j(retries);
    }
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
    return tryAcquire(lockName, 0);
  }

  /**
   * One acquisition attempt with a token above {@code floor} (see {@link #acquire(String, long)}).
   *
   * @return the lease, or empty when another holder owns the lock or won the race
   * @throws io.github.courtside.core.coordination.CoordinationStoreException on a store failure
   */
  public Optional<Lease> tryAcquire(String lockName, long floor) {
    requireOpen();
    if (floor < 0) {
      throw new IllegalArgumentException("token floor must be >= 0, was " + floor);
    }
    Instant now = config.clock().instant();
    // round trip 1: the newest document of the lock says who holds it, until when, and the
    // highest token issued so far
    LockState state = readState(lockName);
    if (!state.isFreeAt(now, config.maxClockSkew())) {
      log.debug(
          "lock {} is held by {} (token {}) for another {} ms",
          lockName,
          state.holderOwner(),
          state.newestToken(),
          Duration.between(now, state.expiresAt()).toMillis());
      return Optional.empty();
    }
    // the document id is the position in the lock's sequence, the token its value: contenders
    // that read the same state race for the same document, whatever their floors
    long sequence = state.newestSequence() + 1;
    long next = Math.max(state.newestToken(), floor) + 1;
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
    // round trip 2: create-if-absent of the next position; exactly one contender wins it
    if (!store.createIfAbsent(Document.of(sequencePath(lockName, sequence), fields))) {
      log.debug("lock {}: another contender won position {}", lockName, sequence);
      return Optional.empty();
    }
    Duration took = Duration.between(now, config.clock().instant());
    if (took.compareTo(fastAcquisition()) > 0) {
      // A slow acquisition may have read the lock's state before older documents were compacted
      // (compaction waits fastAcquisition() after the acquisition that superseded them) and
      // re-created a position below newer ones; read back before keeping the token.
      long newest = newestSequence(lockName);
      if (newest != sequence) {
        log.info(
            "lock {}: position {} (token {}) was created {} ms after this attempt read position"
                + " {}, and position {} exists; giving it up",
            lockName,
            sequence,
            next,
            took.toMillis(),
            state.newestSequence(),
            newest);
        giveUp(lockName, sequence, next, holderId);
        return Optional.empty();
      }
    }
    FencingToken token = new FencingToken(lockName, next);
    StoreLease lease = new StoreLease(token, sequence, holderId, expiresAt);
    if (state.newestSequence() > 0 && !state.released()) {
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
    if (sequence > KEEP_TOKENS) {
      scheduleCompaction(lockName, sequence - KEEP_TOKENS + 1, config.clock().instant());
    }
    if (config.renewInBackground()) {
      lease.startRenewing();
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
    return acquire(lockName, config.waitBudget(), 0);
  }

  /**
   * Acquires the lock with a token above {@code floor}, the highest token the guarded resource has
   * seen (a consolidation journal's, say): the token issued is {@code max(newest, floor) + 1}, so
   * tokens never go backwards, even after the lock's token documents were deleted or expired, or in
   * a new store. Waits as {@link #acquire(String)} does.
   *
   * @throws LockNotAcquiredException when the budget runs out
   */
  @Override
  public Lease acquire(String lockName, long floor) {
    return acquire(lockName, config.waitBudget(), floor);
  }

  /**
   * Acquires the lock, polling every {@link LeaseLockConfig#pollInterval()} for at most {@code
   * waitBudget}; store errors count as failed attempts and are retried.
   *
   * @throws LockNotAcquiredException when the budget runs out or the thread is interrupted
   */
  public Lease acquire(String lockName, Duration waitBudget) {
    return acquire(lockName, waitBudget, 0);
  }

  private Lease acquire(String lockName, Duration waitBudget, long floor) {
    requireOpen();
    Objects.requireNonNull(waitBudget, "waitBudget");
    Instant deadline = config.clock().instant().plus(waitBudget);
    AtomicInteger attempts = new AtomicInteger();
    Poll last;
    try {
      last =
          polls.executeSupplier(
              () -> {
                int attempt = attempts.incrementAndGet();
                try {
                  return new Poll(tryAcquire(lockName, floor), null, deadline);
                } catch (LockNotAcquiredException
                    | IllegalArgumentException
                    | IllegalStateException e) {
                  throw e;
                } catch (RuntimeException e) {
                  log.warn("lock {}: attempt {} failed: {}", lockName, attempt, e.toString());
                  return new Poll(Optional.empty(), e, deadline);
                }
              });
    } catch (PollInterrupted e) {
      throw new LockNotAcquiredException(
          lockName,
          "interrupted while waiting for the lock after " + attempts.get() + " attempts",
          e.interruption);
    }
    if (last.lease().isPresent()) {
      return last.lease().get();
    }
    String message =
        "could not acquire the lock within "
            + waitBudget
            + " ("
            + attempts.get()
            + " attempts); inspect the newest document of "
            + tokens(lockName);
    emit(LockEvent.Type.ACQUISITION_FAILED, lockName, null, message);
    RuntimeException lastError = last.error();
    throw lastError == null
        ? new LockNotAcquiredException(lockName, message)
        : new LockNotAcquiredException(lockName, message + "; last error: " + lastError, lastError);
  }

  /**
   * The Resilience4j {@link Retry} that polls for the lock: it retries while an attempt gave no
   * lease (the lock is held, or the store failed) and the caller's wait budget has time left,
   * waiting through the configured {@link Sleeper} for the poll interval, capped by the time left.
   */
  private static Retry pollRetry(String name, LeaseLockConfig config, RetryRegistry registry) {
    RetryConfig retryConfig =
        RetryConfig.<Poll>custom()
            .maxAttempts(Integer.MAX_VALUE)
            .retryOnResult(poll -> poll.lease().isEmpty() && poll.timeLeft(config) > 0)
            .retryOnException(e -> false)
            .intervalBiFunction(
                (attempt, outcome) -> {
                  if (outcome.isRight()) {
                    long left = outcome.get().timeLeft(config);
                    Duration pause =
                        Duration.ofNanos(Math.min(left, config.pollInterval().toNanos()));
                    try {
                      config.sleeper().sleep(pause);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new PollInterrupted(e);
                    }
                  }
                  return 0L;
                })
            .build();
    return registry.retry(name, retryConfig);
  }

  /** One poll's outcome: the lease if acquired, else the store error if any. */
  private record Poll(Optional<Lease> lease, @Nullable RuntimeException error, Instant deadline) {
    long timeLeft(LeaseLockConfig config) {
      Duration left = Duration.between(config.clock().instant(), deadline);
      return left.isNegative() ? 0 : left.toNanos();
    }
  }

  /** Carries an interrupted pause out of the Retry. */
  private static final class PollInterrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final InterruptedException interruption;

    PollInterrupted(InterruptedException cause) {
      super(cause);
      this.interruption = cause;
    }
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
   * @throws LeaseLostException when the lease already expired, was superseded or released, or the
   *     renewal was acknowledged only after the lease had run out
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
   * Whether {@code token} is the newest issued for its lock. This is a read, not a fence: a write
   * issued after it returns true may still land after a takeover. Resources that can refuse stale
   * writes check the token atomically with the write instead (the warehouse's {@code WriteGuard}).
   */
  public boolean isCurrent(FencingToken token) {
    return newestToken(token.lockName()) == token.value();
  }

  /** Stops the renewal threads; leases still held are not released (they run out). */
  @Override
  public void close() {
    closed = true;
    synchronized (schedulerGuard) {
      if (ticker != null) {
        ticker.shutdownNow();
        ticker = null;
      }
      if (workers != null) {
        workers.shutdownNow();
        workers = null;
      }
    }
  }

  @Override
  public String toString() {
    return "LeaseLock[" + config + "]";
  }

  private <T> T runHolding(StoreLease lease, Function<? super Lease, ? extends T> work) {
    lease.startRenewing();
    try (lease) {
      return work.apply(lease);
    }
  }

  private ScheduledExecutorService ticker() {
    synchronized (schedulerGuard) {
      requireOpen();
      if (ticker == null) {
        ticker =
            Executors.newSingleThreadScheduledExecutor(daemon("courtside-lease-renewal-timer"));
      }
      return ticker;
    }
  }

  private ExecutorService workers() {
    synchronized (schedulerGuard) {
      requireOpen();
      if (workers == null) {
        // one thread per concurrent store call: a slow renewal never holds up another lease's
        workers = Executors.newCachedThreadPool(daemon("courtside-lease-renewal"));
      }
      return workers;
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicLong count = new AtomicLong();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private void inBackground(Runnable task) {
    try {
      workers().execute(task);
    } catch (RejectedExecutionException | IllegalStateException e) {
      log.debug("lock closed; skipping background task", e);
    }
  }

  /**
   * Compacts the documents of the positions below {@code below} once {@link #fastAcquisition()} has
   * passed since {@code acknowledgedAt}, by the lock's clock and in real time: a contender that
   * read the lock's state before those positions were superseded either created its document before
   * then (and lost the race) or took longer than that and reads back (see {@link #tryAcquire}). One
   * compaction per lock at a time: while one is pending, later acquisitions leave theirs to the
   * next acquisition after it.
   */
  private void scheduleCompaction(String lockName, long below, Instant acknowledgedAt) {
    Compaction asked = new Compaction(below, acknowledgedAt.plus(fastAcquisition()));
    synchronized (compactions) {
      Compaction pending = compactions.get(lockName);
      if (pending != null) {
        if (below > pending.below()) {
          compactions.put(lockName, asked); // for when the pending one is done
        }
        return;
      }
      compactions.put(lockName, asked);
    }
    afterDelay(fastAcquisition(), () -> compactWhenDue(lockName, asked));
  }

  private void compactWhenDue(String lockName, Compaction compaction) {
    Duration left = Duration.between(config.clock().instant(), compaction.due());
    if (left.compareTo(Duration.ZERO) > 0) {
      afterDelay(left, () -> compactWhenDue(lockName, compaction));
      return;
    }
    try {
      workers()
          .execute(
              () -> {
                compactBelow(lockName, compaction.below());
                compactionDone(lockName, compaction);
              });
    } catch (RejectedExecutionException | IllegalStateException e) {
      log.debug("lock closed; skipping a compaction", e);
    }
  }

  /** Starts the newest compaction asked for while {@code done} was pending, if any. */
  private void compactionDone(String lockName, Compaction done) {
    Compaction next;
    synchronized (compactions) {
      next = compactions.get(lockName);
      if (next == null || next.below() <= done.below()) {
        compactions.remove(lockName);
        return;
      }
    }
    compactWhenDue(lockName, next);
  }

  private void afterDelay(Duration delay, Runnable task) {
    try {
      ticker().schedule(task, Math.max(1, delay.toNanos()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException | IllegalStateException e) {
      log.debug("lock closed; skipping a compaction", e);
    }
  }

  /** A compaction of the positions below {@code below}, due at {@code due} by the lock's clock. */
  private record Compaction(long below, Instant due) {}

  /** Deletes the documents (tokens, renewals, releases) of positions below {@code below}. */
  private void compactBelow(String lockName, long below) {
    try {
      for (int page = 0; page < COMPACTION_PAGES; page++) {
        List<Document> oldest =
            store.query(DocumentQuery.in(tokens(lockName)).limit(COMPACTION_PAGE).build());
        for (Document document : oldest) {
          if (sequenceOf(document) >= below) {
            return; // oldest first: the rest is newer
          }
          store.delete(document.path());
        }
        if (oldest.size() < COMPACTION_PAGE) {
          return;
        }
      }
    } catch (RuntimeException e) {
      log.debug("lock {}: compacting positions below {} failed (best effort)", lockName, below, e);
    }
  }

  /**
   * How long an acquisition may take, from the clock reading before its read to the acknowledgement
   * of its create, and still keep its token without reading the lock back: {@link
   * LeaseLockConfig#renewalTimeout()}. Compaction waits as long.
   */
  private Duration fastAcquisition() {
    return config.renewalTimeout();
  }

  /** Removes a position this attempt created but may not keep; a release if deleting fails. */
  private void giveUp(String lockName, long sequence, long token, String holderId) {
    try {
      store.delete(sequencePath(lockName, sequence));
    } catch (RuntimeException deleteFailed) {
      try {
        store.createIfAbsent(
            Document.of(
                releasePath(lockName, sequence),
                Map.of(
                    "released_at",
                    config.clock().instant(),
                    "holder_id",
                    holderId,
                    "token",
                    token,
                    "owner",
                    config.owner())));
      } catch (RuntimeException releaseFailed) {
        log.warn(
            "lock {}: could not give up token {}; it blocks the lock until it runs out",
            lockName,
            token,
            releaseFailed);
      }
    }
  }

  private void deleteQuietly(String path) {
    try {
      store.delete(path);
    } catch (RuntimeException e) {
      log.debug("deleting {} failed (best effort)", path, e);
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

  private static String sequenceId(long sequence) {
    return String.format("%0" + SEQUENCE_DIGITS + "d", sequence);
  }

  private String sequencePath(String lockName, long sequence) {
    return DocumentPaths.child(tokens(lockName), sequenceId(sequence));
  }

  private String releasePath(String lockName, long sequence) {
    return sequencePath(lockName, sequence) + RELEASED;
  }

  private String renewalPath(String lockName, long sequence, long renewal) {
    return sequencePath(lockName, sequence) + RENEWAL + sequenceId(renewal);
  }

  /** The newest document of the lock: a token, renewal or release document, if any. */
  private Optional<Document> newestDocument(String lockName) {
    List<Document> newest =
        store.query(DocumentQuery.in(tokens(lockName)).orderByIdDescending().limit(1).build());
    return newest.isEmpty() ? Optional.empty() : Optional.of(newest.get(0));
  }

  private long newestToken(String lockName) {
    return newestDocument(lockName).map(LeaseLock::tokenOf).orElse(0L);
  }

  private long newestSequence(String lockName) {
    return newestDocument(lockName).map(LeaseLock::sequenceOf).orElse(0L);
  }

  /** The position a document belongs to: the leading digits of its id. */
  private static long sequenceOf(Document document) {
    String id = document.id();
    return Long.parseLong(id.substring(0, Math.min(SEQUENCE_DIGITS, id.length())));
  }

  /** The token of the position a document belongs to (every lock document carries it). */
  private static long tokenOf(Document document) {
    return document.getLong("token").orElseGet(() -> sequenceOf(document));
  }

  /** The lock's state in one query: its newest document says it all. */
  private LockState readState(String lockName) {
    Optional<Document> found = newestDocument(lockName);
    if (found.isEmpty()) {
      return new LockState(0, 0, "nobody", Instant.MIN, false);
    }
    Document newest = found.get();
    long sequence = sequenceOf(newest);
    long token = tokenOf(newest);
    String owner = newest.getString("owner").orElse("unknown");
    if (newest.id().endsWith(RELEASED)) {
      return new LockState(sequence, token, owner, Instant.MIN, true);
    }
    Instant expiresAt = newest.getTimestamp("expires_at").orElse(Instant.MIN);
    return new LockState(sequence, token, owner, expiresAt, false);
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
      long newestSequence,
      long newestToken,
      String holderOwner,
      Instant expiresAt,
      boolean released) {
    boolean isFreeAt(Instant now, Duration skew) {
      return newestSequence == 0
          || released
          || expiresAt.equals(Instant.MIN)
          || !now.isBefore(expiresAt.plus(skew));
    }
  }

  /** A lease issued by this lock. */
  private final class StoreLease implements Lease {
    private final FencingToken token;
    private final long sequence;
    private final String holderId;
    private final AtomicLong renewalCount = new AtomicLong();
    private final AtomicBoolean released = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final AtomicBoolean renewing = new AtomicBoolean();
    private volatile Instant expiresAt;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile @Nullable ScheduledFuture<?> nextRenewal;
    private volatile String lostReason = "";

    StoreLease(FencingToken token, long sequence, String holderId, Instant expiresAt) {
      this.token = token;
      this.sequence = sequence;
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
      Instant expiry = expiresAt;
      if (!now.isBefore(expiry)) {
        markLost("the lease ran out at " + expiry + " (now " + now + ")");
        return false;
      }
      Optional<Document> newest = newestDocument(lockName());
      if (newest.map(LeaseLock::sequenceOf).orElse(0L) != sequence) {
        markLost("superseded by token " + newest.map(LeaseLock::tokenOf).orElse(0L));
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

    /**
     * One renewal, in two round trips: the renewal document's create, then a read of the lock's
     * newest document; not synchronized, so a slow store call never blocks the next attempt.
     */
    void renew() {
      if (released.get() || lost.get()) {
        throw lostException();
      }
      Instant oldExpiry = expiresAt;
      Instant now = config.clock().instant();
      if (!now.isBefore(oldExpiry)) {
        markLost("the lease ran out at " + oldExpiry + " (now " + now + ")");
        throw lostException();
      }
      Instant newExpiry = now.plus(config.lease());
      long renewal = renewalCount.incrementAndGet();
      // a renewal document sorts below any newer position: a superseded holder's is harmless
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("token", token.value());
      fields.put("owner", config.owner());
      fields.put("holder_id", holderId);
      fields.put("renewed_at", now);
      fields.put("expires_at", newExpiry);
      store.createIfAbsent(Document.of(renewalPath(lockName(), sequence, renewal), fields));
      Instant acknowledged = config.clock().instant();
      if (!acknowledged.isBefore(oldExpiry)) {
        // a contender may have judged the lease free before the renewal landed
        markLost(
            "the renewal written at "
                + now
                + " was acknowledged at "
                + acknowledged
                + ", after the lease ran out at "
                + oldExpiry);
        throw lostException();
      }
      Optional<Document> newest = newestDocument(lockName());
      if (newest.map(LeaseLock::sequenceOf).orElse(0L) != sequence) {
        markLost(
            "superseded by token " + newest.map(LeaseLock::tokenOf).orElse(0L) + " while renewing");
        throw lostException();
      }
      if (lost.get() || released.get()) {
        throw lostException();
      }
      extendTo(newExpiry);
      emit(LockEvent.Type.RENEWED, lockName(), token, "renewed until " + newExpiry);
      if (renewal > 2) {
        String older = renewalPath(lockName(), sequence, renewal - 2);
        inBackground(() -> deleteQuietly(older));
      }
    }

    private synchronized void extendTo(Instant newExpiry) {
      if (newExpiry.isAfter(expiresAt)) {
        expiresAt = newExpiry;
      }
    }

    void startRenewing() {
      if (renewing.compareAndSet(false, true)) {
        scheduleRenewal(config.renewEvery());
      }
    }

    private void scheduleRenewal(Duration delay) {
      if (released.get() || lost.get() || closed) {
        return;
      }
      try {
        nextRenewal =
            ticker()
                .schedule(
                    this::renewInBackground, Math.max(1, delay.toNanos()), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException | IllegalStateException e) {
        log.debug("lock {}: not renewing, the lock was closed", lockName(), e);
      }
    }

    private void renewInBackground() {
      if (released.get() || lost.get()) {
        return;
      }
      CompletableFuture<Void> attempt;
      try {
        attempt = CompletableFuture.runAsync(this::renew, workers());
      } catch (RejectedExecutionException | IllegalStateException e) {
        return;
      }
      attempt
          .orTimeout(config.renewalTimeout().toNanos(), TimeUnit.NANOSECONDS)
          .whenComplete((ignored, error) -> renewalFinished(error));
    }

    private void renewalFinished(@Nullable Throwable error) {
      if (error == null) {
        failures.set(0);
        scheduleRenewal(config.renewEvery());
        return;
      }
      Throwable cause =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      if (cause instanceof LeaseLostException) {
        if (!released.get()) {
          log.warn("lock {}: stopped renewing: {}", lockName(), cause.getMessage());
        }
        return;
      }
      String what =
          cause instanceof TimeoutException
              ? "timed out after " + config.renewalTimeout()
              : cause.toString();
      int failed = failures.incrementAndGet();
      Duration left = Duration.between(config.clock().instant(), expiresAt);
      Duration backoff = config.renewalRetryDelay().multipliedBy(1L << Math.min(failed - 1, 20));
      Duration cap = left.dividedBy(4);
      Duration delay = backoff.compareTo(cap) > 0 ? cap : backoff;
      log.warn(
          "lock {}: renewal {} failed ({}), retrying in {} ms",
          lockName(),
          failed,
          what,
          delay.toMillis());
      emit(LockEvent.Type.RENEWAL_FAILED, lockName(), token, what);
      scheduleRenewal(delay.isNegative() ? Duration.ZERO : delay);
    }

    @Override
    public void close() {
      if (!released.compareAndSet(false, true)) {
        return;
      }
      stopRenewal();
      try {
        Optional<Document> newestDocument = newestDocument(lockName());
        if (newestDocument.map(LeaseLock::sequenceOf).orElse(0L) != sequence) {
          long newest = newestDocument.map(LeaseLock::tokenOf).orElse(0L);
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
                releasePath(lockName(), sequence),
                Map.of(
                    "released_at",
                    config.clock().instant(),
                    "holder_id",
                    holderId,
                    "token",
                    token.value(),
                    "owner",
                    config.owner())));
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
      ScheduledFuture<?> scheduled = nextRenewal;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
    }

    private void markLost(String reason) {
      if (lost.compareAndSet(false, true)) {
        lostReason = reason;
        stopRenewal();
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
