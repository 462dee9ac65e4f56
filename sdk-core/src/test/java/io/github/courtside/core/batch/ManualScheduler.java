package io.github.courtside.core.batch;

import io.github.courtside.core.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} that runs nothing by itself: tests run due tasks and move its
 * {@link ManualClock}, so retries, backoff waits and age flushes happen deterministically and
 * without sleeping. Thread-safe; tasks run on the thread that drives the scheduler.
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final ManualClock clock;
  private final PriorityQueue<Task<?>> queue =
      new PriorityQueue<>(
          Comparator.<Task<?>, Instant>comparing(task -> task.due).thenComparingLong(t -> t.seq));
  private long nextSeq;
  private boolean shutdown;

  public ManualScheduler(ManualClock clock) {
    this.clock = clock;
  }

  public ManualClock clock() {
    return clock;
  }

  /** Runs every task due now, including tasks they schedule for now. Returns how many ran. */
  public int runReady() {
    int ran = 0;
    while (true) {
      Task<?> task;
      synchronized (this) {
        Task<?> head = queue.peek();
        if (head == null || head.due.isAfter(clock.instant())) {
          return ran;
        }
        task = queue.poll();
      }
      task.run();
      ran++;
      if (ran > 100_000) {
        throw new IllegalStateException("runaway task loop");
      }
    }
  }

  /** Moves the clock forward by {@code duration}, running tasks as their times come. */
  public void advance(Duration duration) {
    Instant target = clock.instant().plus(duration);
    runReady();
    while (true) {
      Instant next;
      synchronized (this) {
        Task<?> head = queue.peek();
        next = head == null ? null : head.due;
      }
      if (next == null || next.isAfter(target)) {
        break;
      }
      if (next.isAfter(clock.instant())) {
        clock.set(next);
      }
      runReady();
    }
    clock.set(target);
    runReady();
  }

  /** Runs tasks, jumping the clock to each next due time, until nothing is scheduled. */
  public void runUntilIdle() {
    for (int round = 0; round < 100_000; round++) {
      runReady();
      Instant next;
      synchronized (this) {
        Task<?> head = queue.peek();
        if (head == null) {
          return;
        }
        next = head.due;
      }
      if (next.isAfter(clock.instant())) {
        clock.set(next);
      }
    }
    throw new IllegalStateException("scheduler never became idle");
  }

  /** Tasks waiting. */
  public synchronized int queued() {
    return queue.size();
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(
        () -> {
          command.run();
          return null;
        },
        delay,
        unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(callable, delay, unit);
  }

  private synchronized <V> Task<V> enqueue(Callable<V> callable, long delay, TimeUnit unit) {
    if (shutdown) {
      throw new RejectedExecutionException("manual scheduler is shut down");
    }
    Task<V> task =
        new Task<>(
            callable, clock.instant().plusNanos(unit.toNanos(Math.max(0, delay))), nextSeq++);
    queue.add(task);
    return task;
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("not needed by the code under test");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("not needed by the code under test");
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = new ArrayList<>(queue);
    queue.clear();
    return left;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && queue.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  private final class Task<V> implements ScheduledFuture<V>, Runnable {
    private final Callable<V> callable;
    private final Instant due;
    private final long seq;
    private volatile boolean cancelled;
    private volatile boolean done;
    private V result;

    Task(Callable<V> callable, Instant due, long seq) {
      this.callable = callable;
      this.due = due;
      this.seq = seq;
    }

    @Override
    public void run() {
      if (cancelled) {
        return;
      }
      try {
        result = callable.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        done = true;
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due).toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      synchronized (ManualScheduler.this) {
        queue.remove(this);
      }
      cancelled = true;
      return !done;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public V get() {
      if (!done) {
        throw new IllegalStateException("manual task has not run; drive the scheduler first");
      }
      return result;
    }

    @Override
    public V get(long timeout, TimeUnit unit) {
      return get();
    }
  }
}
