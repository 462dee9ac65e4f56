package io.github.courtside.bigquery.local.internal.sql;

import java.util.concurrent.atomic.LongAdder;

/**
 * Time spent in the analyzer and the compiler, summed over all runs (for probes and benchmarks).
 */
final class Overhead {
  static final LongAdder TABLE_NAMES = new LongAdder();
  static final LongAdder ANALYSIS = new LongAdder();
  static final LongAdder COMPILATION = new LongAdder();
  static final LongAdder STATEMENTS = new LongAdder();

  private Overhead() {}

  static void reset() {
    TABLE_NAMES.reset();
    ANALYSIS.reset();
    COMPILATION.reset();
    STATEMENTS.reset();
  }
}
