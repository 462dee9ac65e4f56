package io.github.courtside.scrapers.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {
  private final TimeBudget budget = TimeBudget.of(Duration.ofSeconds(5));

  /**
   * A pool shared by all callers fails this: while another caller's document holds the worker this
   * caller used last, this caller's next document goes to a second worker.
   */
  @Test
  void eachCallerKeepsOneWorkerOfItsOwnWhileOthersAreBusy() throws Exception {
    List<Thread> mine = new ArrayList<>();
    mine.add(budget.run(Thread::currentThread, reason -> null));
    for (int round = 0; round < 5; round++) {
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Thread> theirs =
          CompletableFuture.supplyAsync(
              () ->
                  budget.run(
                      () -> {
                        started.countDown();
                        assertTrue(release.await(5, TimeUnit.SECONDS));
                        return Thread.currentThread();
                      },
                      reason -> null));
      assertTrue(started.await(5, TimeUnit.SECONDS), "the other caller's document never started");
      mine.add(budget.run(Thread::currentThread, reason -> null));
      release.countDown();
      Thread other = theirs.get(5, TimeUnit.SECONDS);
      assertNotSame(mine.get(0), other, "another caller's document ran on this caller's worker");
    }
    assertEquals(1, mine.stream().distinct().count(), "this caller's workers: " + mine);
    assertNotSame(Thread.currentThread(), mine.get(0), "the work ran on the caller's thread");
    assertTrue(mine.get(0).getName().startsWith("courtside-parse-"), mine.get(0)::getName);
  }

  /**
   * The worker of a document that ran out of time may still be busy (this one ignores interrupts):
   * the caller's next document must not queue behind it.
   */
  @Test
  void afterATimeOutTheNextDocumentGetsAFreshWorkerAtOnce() throws Exception {
    TimeBudget tight = TimeBudget.of(Duration.ofMillis(100));
    CountDownLatch stuckRelease = new CountDownLatch(1);
    Thread[] stuck = new Thread[1];
    String first =
        tight.run(
            () -> {
              stuck[0] = Thread.currentThread();
              while (stuckRelease.getCount() > 0) {
                Thread.onSpinWait(); // deaf to the interrupt
              }
              return "late";
            },
            reason -> reason);
    try {
      assertTrue(first.startsWith("TIMED_OUT"), first);
      Thread next = tight.run(Thread::currentThread, reason -> null);
      assertNotNull(next, "the next document timed out behind the stuck one");
      assertNotSame(stuck[0], next);
    } finally {
      stuckRelease.countDown();
    }
    stuck[0].join(5_000);
    assertFalse(stuck[0].isAlive(), "the retired worker did not end after its document stopped");
  }

  @Test
  void failuresOfTheWorkBecomeTheFailureResultAndTheWorkerStaysUsable() {
    Thread before = budget.run(Thread::currentThread, reason -> null);
    String overflow =
        budget.run(
            () -> {
              throw new StackOverflowError();
            },
            reason -> reason);
    assertTrue(overflow.startsWith("UNREADABLE: stack overflow"), overflow);
    String oom =
        budget.run(
            () -> {
              throw new OutOfMemoryError("Java heap space");
            },
            reason -> reason);
    assertTrue(oom.startsWith("TOO_LARGE: out of memory"), oom);
    assertEquals(before, budget.run(Thread::currentThread, reason -> null));
  }
}
