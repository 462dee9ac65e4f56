package io.github.courtside.core.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives every row a {@link BatchWriter} could not write, one by one, with the reason. If the
 * dead-letter sink itself throws, the writer logs the row and the reason at ERROR, so a row is
 * never dropped without a trace.
 *
 * <pre>{@code
 * List<DeadLetter> letters = new CopyOnWriteArrayList<>();
 * BatchWriter writer = BatchWriter.builder(sink).deadLetters(letters::add).build();
 * }</pre>
 */
@FunctionalInterface
public interface DeadLetterSink {

  /** Takes one dead letter. */
  void accept(DeadLetter letter);

  /**
   * Logs each dead letter at ERROR with table, row id, reason and the row. Not durable: the rows
   * survive only as long as the logs, so this is never a default; choose it explicitly where losing
   * undeliverable rows is acceptable (benchmarks, throw-away jobs), and prefer {@link
   * NdjsonDeadLetterSink} ({@code BatchWriterSetup.Builder.deadLetterFolder(path)}) elsewhere.
   */
  static DeadLetterSink logging() {
    Logger log = LoggerFactory.getLogger(DeadLetterSink.class);
    return letter ->
        log.error(
            "dead letter for {}: row {} after {} attempt(s): {}; row={}",
            letter.table(),
            letter.record().id(),
            letter.attempts(),
            letter.reason(),
            letter.record().row());
  }
}
