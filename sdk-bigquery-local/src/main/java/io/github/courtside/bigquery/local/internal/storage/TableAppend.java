package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.services.bigquery.model.TableReference;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Rows for one table, in canonical cell values (see {@link LocalStorage}).
 *
 * @param table the table (its {@code tableId} may carry a partition decorator {@code t$20240410},
 *     which is parsed into {@code partition} by {@link #of})
 * @param partition the first day of the one partition every row must fall in ({@code $20240410} is
 *     2024-04-10, {@code $202404} is 2024-04-01, {@code $2024} is 2024-01-01), {@link
 *     #NULL_PARTITION} for {@code $__NULL__}, or null for the whole table
 * @param disposition {@code WRITE_APPEND}, {@code WRITE_TRUNCATE} (replaces the table, or only
 *     {@code partition} when given) or {@code WRITE_EMPTY} (fails with 400 {@code duplicate}... as
 *     BigQuery does, when the table or the partition has rows)
 * @param origin which API wrote them
 * @param rows the rows, each a map from field name to canonical value
 */
public record TableAppend(
    TableReference table,
    @Nullable LocalDate partition,
    String disposition,
    WriteOrigin origin,
    List<Map<String, @Nullable Object>> rows) {
  /** The {@code $__NULL__} partition: rows whose partitioning column is NULL. */
  public static final LocalDate NULL_PARTITION = LocalDate.MIN;

  /**
   * An append whose table id may end in a partition decorator, which is removed from the table
   * reference and parsed into {@code partition}; 400 {@code invalid} for a malformed decorator.
   *
   * <pre>{@code
   * TableAppend append = TableAppend.of(
   *     new TableReference().setProjectId("p").setDatasetId("d").setTableId("games$20240410"),
   *     "WRITE_TRUNCATE", WriteOrigin.LOAD, rows);
   * // append.table().getTableId() is "games", append.partition() is 2024-04-10
   * }</pre>
   */
  public static TableAppend of(
      TableReference table,
      String disposition,
      WriteOrigin origin,
      List<Map<String, @Nullable Object>> rows) {
    String tableId = Objects.requireNonNull(table.getTableId(), "tableId");
    int dollar = tableId.indexOf('$');
    if (dollar < 0) {
      return new TableAppend(table, null, disposition, origin, rows);
    }
    String decorator = tableId.substring(dollar + 1);
    TableReference base =
        new TableReference()
            .setProjectId(table.getProjectId())
            .setDatasetId(table.getDatasetId())
            .setTableId(tableId.substring(0, dollar));
    return new TableAppend(base, parsePartition(decorator, tableId), disposition, origin, rows);
  }

  /** The first day of the partition named by a decorator (the part after {@code $}). */
  static LocalDate parsePartition(String decorator, String tableId) {
    if (decorator.equals("__NULL__")) {
      return NULL_PARTITION;
    }
    try {
      if (decorator.chars().allMatch(Character::isDigit)) {
        switch (decorator.length()) {
          case 8:
            return LocalDate.of(
                Integer.parseInt(decorator.substring(0, 4)),
                Integer.parseInt(decorator.substring(4, 6)),
                Integer.parseInt(decorator.substring(6, 8)));
          case 6:
            return LocalDate.of(
                Integer.parseInt(decorator.substring(0, 4)),
                Integer.parseInt(decorator.substring(4, 6)),
                1);
          case 4:
            return LocalDate.of(Integer.parseInt(decorator), 1, 1);
          case 10:
            throw ApiException.invalid(
                "not supported by the local server: hourly partition decorator " + tableId);
          default:
            break;
        }
      }
    } catch (DateTimeException e) {
      // falls through to the error below
    }
    throw ApiException.invalid("Invalid table ID \"" + tableId + "\": bad partition decorator");
  }

  public TableAppend {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(origin, "origin");
    rows = List.copyOf(rows);
  }
}
