package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.TableId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded buffer of a {@link BatchWriter} and its accounting, under one lock: rows waiting to
 * be sent, the flush waiters, the one request in flight, and the counters behind {@link
 * BatchWriterStats} (so a snapshot always balances). Never does I/O; the {@link RequestSender}
 * reports back through {@link #countRequest}, {@link #countFinished} and {@link #complete}.
 */
final class BatchBuffer {
  private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

  private final BatchWriterConfig config;
  private final TableId table;
  private final BatchWriterMetrics metrics;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  // Everything below is guarded by lock.
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final List<FlushWaiter> waiters = new ArrayList<>();
  private long bufferedBytes;
  private long nextPosition;
  private long finishedUpTo = -1;
  private long flushUpTo = -1;
  private boolean sending;
  private boolean closed;
  private long accepted;
  private long written;
  private long deadLettered;
  private long inFlight;
  private long refused;
  private long requests;
  private long retries;

  BatchBuffer(BatchWriterConfig config, TableId table, BatchWriterMetrics metrics) {
    this.config = config;
    this.table = table;
    this.metrics = metrics;
  }

  /**
   * Whether an offered row made a request due ({@code wake}); otherwise the row waits for the age
   * timer, armed from {@code enqueuedAt}.
   */
  record Offer(boolean wake, Instant enqueuedAt) {}

  /**
   * What {@link #takeDue} found: a batch to send, or a not-yet-due oldest row ({@code oldest}, to
   * arm the age timer from), or neither (nothing buffered or a request already in flight).
   */
  record Take(@Nullable InFlightBatch batch, @Nullable Instant oldest) {}

  /**
   * Accepts a record or throws without accepting it. While the buffer is full under {@link
   * BackpressurePolicy#BLOCK}, {@code wakeSender} is run (once) before waiting for room.
   */
  Offer offer(BatchRecord record, long bytes, Instant now, Runnable wakeSender) {
    return Objects.requireNonNull(offer(record, bytes, now, wakeSender, true));
  }

  /**
   * Like {@link #offer(BatchRecord, long, Instant, Runnable)}; with {@code mayWait} false, a full
   * or closed buffer refuses the record at once (counted refused) and {@code null} is returned.
   */
  @Nullable Offer offer(
      BatchRecord record, long bytes, Instant now, Runnable wakeSender, boolean mayWait) {
    lock.lock();
    try {
      if (bytes > config.maxBytes()) {
        refuse();
        throw new RowTooLargeException(table, config.name(), record.id(), bytes, config.maxBytes());
      }
      if (!mayWait && (closed || entries.size() >= config.capacity())) {
        refuse();
        if (!closed) {
          wakeSender.run();
        }
        return null;
      }
      awaitRoom(wakeSender);
      entries.addLast(new Entry(record, bytes, now, nextPosition++));
      bufferedBytes += bytes;
      accepted++;
      boolean wake =
          entries.size() >= config.maxRows()
              || bufferedBytes >= config.maxBytes()
              || entries.size() >= config.capacity();
      return new Offer(wake, now);
    } finally {
      lock.unlock();
    }
  }

  private void awaitRoom(Runnable wakeSender) {
    if (closed) {
      refuse();
      throw new BatchWriterClosedException(table, config.name());
    }
    if (entries.size() < config.capacity()) {
      return;
    }
    if (config.backpressure() == BackpressurePolicy.REJECT) {
      refuse();
      throw new BufferFullException(table, config.name(), config.capacity(), "policy REJECT");
    }
    wakeSender.run();
    long nanos = config.blockTimeout().toNanos();
    try {
      while (entries.size() >= config.capacity() && !closed) {
        if (nanos <= 0) {
          refuse();
          throw new BufferFullException(
              table,
              config.name(),
              config.capacity(),
              "policy BLOCK, waited " + config.blockTimeout());
        }
        nanos = notFull.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      refuse();
      throw new BufferFullException(
          table, config.name(), config.capacity(), "interrupted while waiting for room");
    }
    if (closed) {
      refuse();
      throw new BatchWriterClosedException(table, config.name());
    }
  }

  private void refuse() {
    refused++;
    metrics.refused();
  }

  /**
   * A future completing when every row accepted so far is written or dead-lettered, or {@code null}
   * when they all already are.
   */
  @Nullable CompletableFuture<Void> awaitFlush() {
    lock.lock();
    try {
      long target = nextPosition - 1;
      if (target <= finishedUpTo) {
        return null;
      }
      flushUpTo = Math.max(flushUpTo, target);
      CompletableFuture<Void> done = new CompletableFuture<>();
      waiters.add(new FlushWaiter(target, done));
      return done;
    } finally {
      lock.unlock();
    }
  }

  /** Stops accepting rows and wakes blocked producers; false when already closed. */
  boolean close() {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      closed = true;
      notFull.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes the next request if one is due at {@code now} and none is in flight: the oldest rows, at
   * most {@link BatchWriterConfig#maxRows()} and {@link BatchWriterConfig#maxBytes()} (a first row
   * is always taken).
   */
  Take takeDue(Instant now) {
    lock.lock();
    try {
      if (sending || entries.isEmpty()) {
        return new Take(null, null);
      }
      Entry oldest = entries.peekFirst();
      boolean due =
          closed
              || entries.size() >= config.maxRows()
              || bufferedBytes >= config.maxBytes()
              || entries.size() >= config.capacity()
              || oldest.position() <= flushUpTo
              || !now.isBefore(oldest.enqueuedAt().plus(config.maxAge()));
      if (!due) {
        return new Take(null, oldest.enqueuedAt());
      }
      List<BatchRecord> records = new ArrayList<>();
      long bytes = 0;
      long lastPosition = oldest.position();
      while (!entries.isEmpty() && records.size() < config.maxRows()) {
        Entry next = entries.peekFirst();
        if (!records.isEmpty() && bytes + next.bytes() > config.maxBytes()) {
          break;
        }
        entries.pollFirst();
        records.add(next.record());
        bytes += next.bytes();
        lastPosition = next.position();
      }
      bufferedBytes -= bytes;
      inFlight = records.size();
      sending = true;
      notFull.signalAll();
      return new Take(new InFlightBatch(records, lastPosition), null);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the request in flight: completes the flush waiters it satisfied and tells whether more
   * rows are buffered.
   */
  boolean complete(InFlightBatch batch) {
    List<CompletableFuture<Void>> completed = new ArrayList<>();
    boolean more;
    long unaccounted;
    lock.lock();
    try {
      unaccounted = inFlight;
      sending = false;
      finishedUpTo = Math.max(finishedUpTo, batch.lastPosition());
      for (Iterator<FlushWaiter> it = waiters.iterator(); it.hasNext(); ) {
        FlushWaiter waiter = it.next();
        if (waiter.target() <= finishedUpTo) {
          completed.add(waiter.done());
          it.remove();
        }
      }
      notFull.signalAll();
      more = !entries.isEmpty();
    } finally {
      lock.unlock();
    }
    if (unaccounted != 0) {
      log.error(
          "batch writer {}: {} in-flight row(s) unaccounted after a request; counting them pending",
          config.name(),
          unaccounted);
    }
    completed.forEach(future -> future.complete(null));
    return more;
  }

  void countRequest(boolean retry) {
    lock.lock();
    try {
      requests++;
      if (retry) {
        retries++;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Moves rows of the request in flight to written or dead-lettered. */
  void countFinished(long writtenRows, long deadLetteredRows) {
    lock.lock();
    try {
      written += writtenRows;
      deadLettered += deadLetteredRows;
      inFlight -= writtenRows + deadLetteredRows;
    } finally {
      lock.unlock();
    }
  }

  /** A consistent snapshot of the accounting. */
  BatchWriterStats stats() {
    lock.lock();
    try {
      return new BatchWriterStats(
          accepted, written, deadLettered, entries.size(), inFlight, refused, requests, retries);
    } finally {
      lock.unlock();
    }
  }

  private record Entry(BatchRecord record, long bytes, Instant enqueuedAt, long position) {}

  private record FlushWaiter(long target, CompletableFuture<Void> done) {}
}
