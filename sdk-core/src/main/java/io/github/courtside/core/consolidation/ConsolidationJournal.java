package io.github.courtside.core.consolidation;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.SqlDialect;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consolidation journal: an append-only table in the main table's dataset, one row per finished
 * step (and per failure), so that progress survives a crash of the consolidator.
 */
final class ConsolidationJournal {
  static final String FAILED = "FAILED";

  private static final TableSchema SCHEMA =
      TableSchema.builder()
          .column(Column.required("main_table", ColumnType.STRING))
          .column(Column.required("batch_id", ColumnType.STRING))
          .column(Column.required("partition_date", ColumnType.DATE))
          .column(Column.required("round", ColumnType.INT64))
          .column(Column.required("seq", ColumnType.INT64))
          .column(Column.required("step", ColumnType.STRING))
          .column(Column.required("fencing_token", ColumnType.INT64))
          .column(Column.required("recorded_at", ColumnType.TIMESTAMP))
          .column(Column.nullable("detail", ColumnType.STRING))
          .build();

  private final Warehouse warehouse;
  private final TableId table;
  private final TableId main;
  private final Clock clock;

  /**
   * One journal row.
   *
   * @param step a {@link ConsolidationStep} name or {@link #FAILED}
   */
  record Entry(
      String batchId,
      LocalDate partition,
      int round,
      long seq,
      String step,
      long token,
      Map<String, String> detail) {

    boolean is(ConsolidationStep expected) {
      return step.equals(expected.name());
    }

    boolean failed() {
      return step.equals(FAILED);
    }

    Optional<ConsolidationStep> asStep() {
      return failed() ? Optional.empty() : Optional.of(ConsolidationStep.valueOf(step));
    }
  }

  ConsolidationJournal(Warehouse warehouse, TableId main, String journalTable, Clock clock) {
    this.warehouse = warehouse;
    this.main = main;
    this.table = main.sibling(journalTable);
    this.clock = clock;
  }

  TableId table() {
    return table;
  }

  void ensureExists() {
    warehouse.createTableIfAbsent(table, SCHEMA);
  }

  /** The batch's entries in the order written. */
  List<Entry> entries(String batchId) {
    SqlDialect d = warehouse.dialect();
    return read(
        "SELECT * FROM "
            + d.table(table)
            + " WHERE "
            + d.identifier("main_table")
            + " = "
            + d.literal(main.qualifiedName(), ColumnType.STRING)
            + " AND "
            + d.identifier("batch_id")
            + " = "
            + d.literal(batchId, ColumnType.STRING)
            + " ORDER BY "
            + d.identifier("seq"));
  }

  /** Every entry for the main table, in order per batch. */
  List<Entry> allEntries() {
    SqlDialect d = warehouse.dialect();
    return read(
        "SELECT * FROM "
            + d.table(table)
            + " WHERE "
            + d.identifier("main_table")
            + " = "
            + d.literal(main.qualifiedName(), ColumnType.STRING)
            + " ORDER BY "
            + d.identifier("batch_id")
            + ", "
            + d.identifier("seq"));
  }

  /** The highest fencing token any consolidation of this partition has journaled. */
  long newestToken(LocalDate partition) {
    SqlDialect d = warehouse.dialect();
    List<Row> rows =
        warehouse.query(
            "SELECT MAX("
                + d.identifier("fencing_token")
                + ") AS t FROM "
                + d.table(table)
                + " WHERE "
                + d.identifier("main_table")
                + " = "
                + d.literal(main.qualifiedName(), ColumnType.STRING)
                + " AND "
                + d.identifier("partition_date")
                + " = "
                + d.literal(partition, ColumnType.DATE));
    return rows.isEmpty() ? 0 : rows.get(0).getLong("t").orElse(0L);
  }

  void record(
      String batchId,
      LocalDate partition,
      int round,
      long seq,
      String step,
      long token,
      Map<String, String> detail) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("main_table", main.qualifiedName());
    values.put("batch_id", batchId);
    values.put("partition_date", partition);
    values.put("round", (long) round);
    values.put("seq", seq);
    values.put("step", step);
    values.put("fencing_token", token);
    values.put("recorded_at", clock.instant());
    values.put("detail", encode(detail));
    warehouse.execute(insertSql(values));
  }

  /**
   * One DML {@code INSERT} per journal line, never {@link Warehouse#append}: on BigQuery each
   * append is a load job or a write stream, and a handful per consolidation run against the 1,500
   * load jobs per table per day quota is how the old platform died for four hours (I-17).
   */
  private String insertSql(Map<String, Object> values) {
    SqlDialect d = warehouse.dialect();
    List<String> names = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    values.forEach(
        (name, value) -> {
          names.add(d.identifier(name));
          literals.add(d.literal(value, SCHEMA.column(name).orElseThrow().type()));
        });
    return "INSERT INTO "
        + d.table(table)
        + " ("
        + String.join(", ", names)
        + ") VALUES ("
        + String.join(", ", literals)
        + ")";
  }

  private List<Entry> read(String sql) {
    List<Entry> entries = new ArrayList<>();
    for (Row row : warehouse.query(sql)) {
      entries.add(
          new Entry(
              row.getString("batch_id").orElseThrow(),
              row.getDate("partition_date").orElseThrow(),
              row.getLong("round").orElseThrow().intValue(),
              row.getLong("seq").orElseThrow(),
              row.getString("step").orElseThrow(),
              row.getLong("fencing_token").orElseThrow(),
              decode(row.getString("detail").orElse(""))));
    }
    return entries;
  }

  static String encode(Map<String, String> detail) {
    List<String> parts = new ArrayList<>();
    detail.forEach((key, value) -> parts.add(key + "=" + value.replace("\n", " ")));
    return String.join("\n", parts);
  }

  static Map<String, String> decode(String text) {
    Map<String, String> detail = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        detail.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return detail;
  }
}
