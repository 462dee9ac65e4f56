package io.github.courtside.core.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread-safe clock that only moves when told: tests advance time instead of sleeping.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock(Instant.parse("2024-04-10T18:00:00.123456789Z"));
 * clock.advance(Duration.ofMinutes(11));
 * }</pre>
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;

  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /**
   * A clock at 2024-04-10T18:00:00.123456789Z: nanoseconds, as the JDK 17 system clock gives, so
   * that a store that truncates instants (Firestore keeps microseconds) cannot hide behind a
   * whole-second fixture.
   */
  public ManualClock() {
    this(Instant.parse("2024-04-10T18:00:00.123456789Z"));
  }

  /** A clock at an ISO-8601 instant, e.g. {@code "2026-02-07T15:00:00Z"}. */
  public static ManualClock at(String instant) {
    return new ManualClock(Instant.parse(instant));
  }

  /** Moves the clock to {@code instant}, which must not be before now. */
  public void set(Instant instant) {
    now.updateAndGet(
        current -> {
          if (instant.isBefore(current)) {
            throw new IllegalArgumentException(
                "clocks do not go back: " + current + " -> " + instant);
          }
          return instant;
        });
  }

  /** Moves the clock forward. */
  public Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("clocks do not go back: " + duration);
    }
    return now.updateAndGet(instant -> instant.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /**
   * A read-only view of this clock shifted by {@code offset}: another machine's clock, running
   * ahead (positive) or behind (negative), that moves when this one does.
   */
  public Clock skewed(Duration offset) {
    ManualClock base = this;
    return new Clock() {
      @Override
      public Instant instant() {
        return base.instant().plus(offset);
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("skewed ManualClock is UTC only");
      }

      @Override
      public String toString() {
        return "ManualClock" + (offset.isNegative() ? "" : "+") + offset;
      }
    };
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("ManualClock is UTC only");
  }
}
