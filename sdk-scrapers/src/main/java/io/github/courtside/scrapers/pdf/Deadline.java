package io.github.courtside.scrapers.pdf;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * A point in time after which cooperative checks fail with {@link Expired}; they fail as well once
 * the thread was interrupted (its {@link TimeBudget} ran out).
 */
final class Deadline {
  private final Clock clock;
  private final long deadlineMillis;
  private final Duration budget;

  Deadline(Clock clock, Duration budget) {
    this.clock = clock;
    this.budget = budget;
    this.deadlineMillis = clock.millis() + budget.toMillis();
  }

  void check() throws Expired {
    if (clock.millis() > deadlineMillis || Thread.currentThread().isInterrupted()) {
      throw new Expired(budget);
    }
  }

  /** Thrown inside PDFBox's call stack to abandon the work. */
  static final class Expired extends IOException {
    private static final long serialVersionUID = 1L;

    Expired(Duration budget) {
      super("PDF text extraction exceeded its time budget of " + budget.toMillis() + " ms");
    }
  }
}
