package io.github.courtside.core.batch;

/**
 * A consistent snapshot of a {@link BatchWriter}'s accounting. At every moment {@code accepted ==
 * written + deadLettered + pending}: each accepted row is written, dead-lettered with a reason, or
 * still pending (buffered or in a request that has not finished).
 *
 * <pre>{@code
 * BatchWriterStats stats = writer.stats();
 * log.info("{} written, {} dead, {} pending", stats.written(), stats.deadLettered(), stats.pending());
 * }</pre>
 *
 * @param accepted rows accepted by {@link BatchWriter#add}
 * @param written rows the sink reported written
 * @param deadLettered rows given to the dead-letter sink
 * @param buffered rows waiting in the buffer
 * @param inFlight rows in a request that has not finished (including its retries)
 * @param refused rows not accepted (buffer full or writer closed); not part of {@code accepted}
 * @param requests sink requests made, retries included
 * @param retries sink requests that were retries
 */
public record BatchWriterStats(
    long accepted,
    long written,
    long deadLettered,
    long buffered,
    long inFlight,
    long refused,
    long requests,
    long retries) {

  /** Rows accepted but neither written nor dead-lettered yet: buffered plus in flight. */
  public long pending() {
    return buffered + inFlight;
  }

  /** Whether {@code accepted == written + deadLettered + pending}. */
  public boolean balanced() {
    return accepted == written + deadLettered + pending();
  }
}
