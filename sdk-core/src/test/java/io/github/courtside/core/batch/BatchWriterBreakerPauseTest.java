package io.github.courtside.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.breaker.Breaker;
import io.github.courtside.core.breaker.BreakerProfile;
import io.github.courtside.core.breaker.BreakerRegistry;
import io.github.courtside.core.breaker.BreakerState;
import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.core.warehouse.Row;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * With the sink's breaker given, a writer whose sink is down holds its batch while the breaker is
 * OPEN instead of spending its retry attempts, and sends it once the breaker half-opens: nothing is
 * dead-lettered, nothing is lost, and the accounting balances all along.
 */
class BatchWriterBreakerPauseTest {
  private final ManualClock clock = ManualClock.at("2026-01-27T10:00:00Z");
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final Outage sink = new Outage();
  private final List<DeadLetter> dead = new CopyOnWriteArrayList<>();

  private BatchWriterSetup.Builder writer(String name) {
    return sink.writer(Outage.retrying(name).build())
        .clock(clock)
        .scheduler(scheduler)
        .deadLetters(dead::add);
  }

  private Breaker breaker() {
    return BreakerRegistry.builder()
        .profile(
            BreakerProfile.consecutiveFailures("sink", 2)
                .openDuration(Duration.ofMinutes(1))
                .halfOpenTrialCalls(1)
                .build())
        .defaultProfile("sink")
        .clock(clock)
        .build()
        .breaker("sink:" + Outage.TABLE);
  }

  private static Row row(int n) {
    return Outage.row(0, n);
  }

  @Test
  void whileTheSinksBreakerIsOpenTheBatchIsHeldWithoutSpendingRetriesAndSentWhenItHalfOpens() {
    Breaker breaker = breaker();
    BatchWriter writer = writer("paused").breaker(breaker).build();

    sink.down.set(true);
    for (int n = 0; n < 10; n++) {
      writer.add(row(n));
    }
    scheduler.runReady(); // attempt 1 fails
    scheduler.advance(Duration.ofSeconds(1)); // attempt 2 fails: the breaker opens
    assertEquals(BreakerState.OPEN, breaker.state());
    assertEquals(2, sink.requests.get());
    long retriesWhenOpened = writer.stats().retries();

    // ten minutes of an OPEN breaker (re-opened by failed trials while the sink stays down)
    for (int second = 0; second < 50; second++) {
      scheduler.advance(Duration.ofSeconds(1));
      BatchWriterStats stats = writer.stats();
      assertTrue(stats.balanced(), stats::toString);
      assertEquals(10, stats.pending(), stats::toString);
    }
    assertEquals(2, sink.requests.get(), "no request while the breaker is OPEN");
    assertEquals(retriesWhenOpened, writer.stats().retries(), "no retry spent while OPEN");
    assertEquals(List.of(), dead, "held rows are not dead-lettered");
    for (int n = 10; n < 15; n++) {
      writer.add(row(n)); // the buffer keeps accepting while paused
    }
    assertTrue(writer.stats().balanced());

    sink.down.set(false);
    scheduler.advance(Duration.ofMinutes(1)); // the breaker half-opens; the held batch goes
    scheduler.runUntilIdle();
    writer.close();

    BatchWriterStats stats = writer.stats();
    assertEquals(List.of(), dead, "nothing dead-lettered");
    assertEquals(15, stats.accepted(), stats::toString);
    assertEquals(15, stats.written(), stats::toString);
    assertEquals(0, stats.pending(), stats::toString);
    assertTrue(stats.balanced(), stats::toString);
    assertEquals(15, sink.store.rows().size());
    assertEquals(BreakerState.CLOSED, breaker.state(), "the successful trial closes the breaker");
  }

  @Test
  void withoutABreakerTheSameOutageSpendsTheRetriesAndDeadLettersTheBatch() {
    BatchWriter writer = writer("not-paused").build();
    sink.down.set(true);
    for (int n = 0; n < 10; n++) {
      writer.add(row(n));
    }
    scheduler.advance(Duration.ofSeconds(50));
    assertEquals(3, sink.requests.get());
    assertEquals(10, dead.size());
    assertTrue(writer.stats().balanced());
  }
}
