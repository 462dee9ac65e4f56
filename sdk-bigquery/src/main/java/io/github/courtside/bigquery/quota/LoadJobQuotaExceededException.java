package io.github.courtside.bigquery.quota;

import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.WarehouseException;
import java.time.LocalDate;

/**
 * A load job was refused before it ran because the table has used too much of its daily load-job
 * quota (BigQuery allows 1,500 per table per day; the old platform was dead for four hours when it
 * ran out, I-17). Not retryable today: the quota resets at midnight Pacific time.
 *
 * <pre>{@code
 * try {
 *   warehouse.replacePartition(table, day, rows);
 * } catch (LoadJobQuotaExceededException e) {
 *   log.error("{} used {} of {} load jobs on {}", e.table(), e.used(), e.limit(), e.day());
 * }
 * }</pre>
 */
public final class LoadJobQuotaExceededException extends WarehouseException {
  private static final long serialVersionUID = 1L;

  private final transient TableId quotaTable;
  private final long used;
  private final long limit;
  private final transient LocalDate day;

  public LoadJobQuotaExceededException(TableId table, long used, long limit, LocalDate day) {
    super(
        table,
        "refusing a load job into "
            + table
            + ": "
            + used
            + " of its "
            + limit
            + " load jobs on "
            + day
            + " (UTC) are used, at or above the 95% refusal threshold (I-17); write with the"
            + " Storage Write API or a batch writer instead, or wait for the quota to reset");
    this.quotaTable = table;
    this.used = used;
    this.limit = limit;
    this.day = day;
  }

  /** The table whose quota is used up. */
  public TableId quotaTable() {
    return quotaTable;
  }

  /** Load jobs counted today for the table. */
  public long used() {
    return used;
  }

  /** The configured daily limit. */
  public long limit() {
    return limit;
  }

  /** The UTC day counted. */
  public LocalDate day() {
    return day;
  }
}
