package io.github.courtside.testkit.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that moves only forward and only when a schedule says so, with skewed views for the other
 * machines of a schedule.
 *
 * <pre>{@code
 * ScheduleClock clock = new ScheduleClock(Instant.parse("2026-02-01T18:00:00Z"));
 * Clock ahead = clock.skewed(Duration.ofSeconds(1));
 * clock.advance(Duration.ofMinutes(5));
 * }</pre>
 */
public final class ScheduleClock extends Clock {
  private final Time now;
  private final Duration skew;

  /** The schedule's time, shared by every view. */
  private static final class Time {
    private Instant value;

    Time(Instant value) {
      this.value = value;
    }

    synchronized Instant get() {
      return value;
    }

    synchronized Instant advance(Duration duration) {
      value = value.plus(duration);
      return value;
    }
  }

  /** A clock at {@code start}. */
  public ScheduleClock(Instant start) {
    this(new Time(Objects.requireNonNull(start, "start")), Duration.ZERO);
  }

  private ScheduleClock(Time now, Duration skew) {
    this.now = now;
    this.skew = skew;
  }

  /** Moves every view of this clock forward by {@code duration}. */
  public Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a schedule clock does not go back: " + duration);
    }
    return now.advance(duration).plus(skew);
  }

  /** A view of this clock shifted by {@code offset} that moves when it does. */
  public ScheduleClock skewed(Duration offset) {
    return new ScheduleClock(now, skew.plus(offset));
  }

  /** This view's offset from the schedule's time. */
  public Duration skew() {
    return skew;
  }

  @Override
  public Instant instant() {
    return now.get().plus(skew);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a schedule clock is UTC only");
  }

  @Override
  public String toString() {
    return "ScheduleClock[" + instant() + "]";
  }
}
