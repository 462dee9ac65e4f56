package io.github.courtside.core.lock;

import java.time.Duration;

/**
 * Waits between acquisition attempts. The default sleeps the calling thread; tests pass one that
 * advances a controllable clock instead, so no test waits in real time.
 *
 * <pre>{@code
 * Sleeper advanceClock = clock::advance; // a test clock with advance(Duration)
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps the calling thread. */
  Sleeper THREAD_SLEEP = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

  /**
   * Waits for {@code duration}.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;
}
