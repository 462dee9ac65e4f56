package io.github.courtside.core.warehouse;

/**
 * The rows one statement inserted, updated and deleted, as the warehouse counted them (BigQuery's
 * {@code dmlStats}; DuckDB's update count, split by {@code merge_action} for a MERGE). Statements
 * that are not DML (DDL, a query) report zero everywhere.
 *
 * <pre>{@code
 * DmlResult merged = warehouse.execute(plan.renderMerge(dialect, clock.instant()));
 * log.info("merged {} new and {} changed rows", merged.inserted(), merged.updated());
 * long affected = merged.total();
 * }</pre>
 *
 * @param inserted rows inserted
 * @param updated rows updated
 * @param deleted rows deleted
 */
public record DmlResult(long inserted, long updated, long deleted) {
  /** Nothing changed. */
  public static final DmlResult NONE = new DmlResult(0, 0, 0);

  public DmlResult {
    if (inserted < 0 || updated < 0 || deleted < 0) {
      throw new IllegalArgumentException(
          "row counts cannot be negative: inserted="
              + inserted
              + ", updated="
              + updated
              + ", deleted="
              + deleted);
    }
  }

  /** {@code n} rows inserted. */
  public static DmlResult inserted(long n) {
    return new DmlResult(n, 0, 0);
  }

  /** {@code n} rows updated. */
  public static DmlResult updated(long n) {
    return new DmlResult(0, n, 0);
  }

  /** {@code n} rows deleted. */
  public static DmlResult deleted(long n) {
    return new DmlResult(0, 0, n);
  }

  /** Every affected row: inserted + updated + deleted. */
  public long total() {
    return inserted + updated + deleted;
  }

  /** The sum of two results, e.g. of the statements of one transaction. */
  public DmlResult plus(DmlResult other) {
    return new DmlResult(
        inserted + other.inserted, updated + other.updated, deleted + other.deleted);
  }
}
