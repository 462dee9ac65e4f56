package io.github.courtside.bigquery.local.internal.sql;

import java.util.concurrent.atomic.LongAdder;

/**
 * Time the server spends before DuckDB runs a statement: extracting table names, ZetaSQL analysis
 * (catalog included) and compilation to DuckDB SQL, summed over all statements of this JVM. For
 * benchmarks ({@code LocalBigQueryBenchmark} reports it per statement); not an API.
 */
public final class SqlOverhead {
  static final LongAdder TABLE_NAMES = new LongAdder();
  static final LongAdder ANALYSIS = new LongAdder();
  static final LongAdder COMPILATION = new LongAdder();
  static final LongAdder STATEMENTS = new LongAdder();

  private SqlOverhead() {}

  /** The sums so far. */
  public record Totals(
      long statements, long tableNameNanos, long analysisNanos, long compileNanos) {
    /** Analysis (with table-name extraction) and compilation, in milliseconds per statement. */
    public double millisPerStatement() {
      return statements == 0
          ? 0
          : (tableNameNanos + analysisNanos + compileNanos) / 1e6 / statements;
    }
  }

  /** The sums since the last {@link #reset}. */
  public static Totals totals() {
    return new Totals(STATEMENTS.sum(), TABLE_NAMES.sum(), ANALYSIS.sum(), COMPILATION.sum());
  }

  /** Starts the sums again. */
  public static void reset() {
    TABLE_NAMES.reset();
    ANALYSIS.reset();
    COMPILATION.reset();
    STATEMENTS.reset();
  }
}
