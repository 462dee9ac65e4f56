package io.github.courtside.core.consolidation;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.SqlDialect;
import io.github.courtside.core.warehouse.SqlStatement;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import io.github.courtside.core.warehouse.WriteGuard;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The consolidation journal: an append-only table in the main table's dataset, one row per finished
 * step (and per failure, and per lease start), so that progress survives a crash of the
 * consolidator.
 *
 * <p>The journal is also the fence. Every entry is written by a guarded transaction ({@link
 * #fence}): "no entry of this partition carries a token newer than mine", checked by the warehouse
 * in the same transaction as the entry and the destructive statement it records. Each such
 * transaction also updates the partition's row of a small fence table ({@link #touchFenceSql}), so
 * two transactions of one partition that overlap in time conflict in the warehouse (DuckDB: a
 * write-write conflict; BigQuery: a concurrent-update abort) instead of both passing the guard on
 * their own snapshot. Entries are ordered by (token, seq); the seq is derived from the journal in
 * the inserting statement itself, never counted by a process.
 */
final class ConsolidationJournal {
  static final String FAILED = "FAILED";
  static final String LEASE_STARTED = "LEASE_STARTED";

  private static final TableSchema FENCE_SCHEMA =
      TableSchema.builder()
          .column(Column.required("main_table", ColumnType.STRING))
          .column(Column.required("partition_date", ColumnType.DATE))
          .column(Column.required("fencing_token", ColumnType.INT64))
          .build();

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
  private final TableId fenceTable;
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
      Instant recordedAt,
      Map<String, String> detail) {

    /** Whether this entry records progress (a step or a failure), not a lease start. */
    boolean isProgress() {
      return !step.equals(LEASE_STARTED);
    }

    boolean is(ConsolidationStep expected) {
      return step.equals(expected.name());
    }

    boolean failed() {
      return step.equals(FAILED);
    }

    Optional<ConsolidationStep> asStep() {
      return failed() || !isProgress()
          ? Optional.empty()
          : Optional.of(ConsolidationStep.valueOf(step));
    }
  }

  ConsolidationJournal(Warehouse warehouse, TableId main, String journalTable, Clock clock) {
    this.warehouse = warehouse;
    this.main = main;
    this.table = main.sibling(journalTable);
    this.fenceTable = main.sibling(journalTable + "_fence");
    this.clock = clock;
  }

  TableId table() {
    return table;
  }

  void ensureExists() {
    warehouse.createTableIfAbsent(table, SCHEMA);
    warehouse.createTableIfAbsent(fenceTable, FENCE_SCHEMA);
  }

  /**
   * {@code main_table = @main_table}: every statement of the journal is about one main table, and
   * its name is a parameter like every other value of the journal.
   */
  private SqlStatement ofMainTable(SqlDialect d) {
    return SqlStatement.builder()
        .append(d.identifier("main_table") + " = ")
        .value("main_table", main.qualifiedName(), ColumnType.STRING)
        .build();
  }

  /** The batch's entries in the order written: by (token, seq). */
  List<Entry> entries(String batchId) {
    SqlDialect d = warehouse.dialect();
    return read(
        SqlStatement.builder()
            .append("SELECT * FROM " + d.table(table) + " WHERE ")
            .append(ofMainTable(d))
            .append(" AND " + d.identifier("batch_id") + " = ")
            .value("batch_id", batchId, ColumnType.STRING)
            .append(" ORDER BY " + d.identifier("fencing_token") + ", " + d.identifier("seq"))
            .build());
  }

  /** Every entry for the main table, in order per batch. */
  List<Entry> allEntries() {
    SqlDialect d = warehouse.dialect();
    return read(
        SqlStatement.builder()
            .append("SELECT * FROM " + d.table(table) + " WHERE ")
            .append(ofMainTable(d))
            .append(
                " ORDER BY "
                    + d.identifier("batch_id")
                    + ", "
                    + d.identifier("fencing_token")
                    + ", "
                    + d.identifier("seq"))
            .build());
  }

  /**
   * {@code (SELECT <max> FROM journal WHERE main_table = @main_table AND partition_date = ...)}.
   */
  private SqlStatement newestOfPartition(SqlDialect d, String max, LocalDate partition) {
    return SqlStatement.builder()
        .append("(SELECT " + max + " FROM " + d.table(table) + " WHERE ")
        .append(ofMainTable(d))
        .append(" AND " + d.identifier("partition_date") + " = ")
        .value("partition_date", partition, ColumnType.DATE)
        .append(")")
        .build();
  }

  /** The highest fencing token any consolidation of this partition has journaled. */
  long newestToken(LocalDate partition) {
    SqlDialect d = warehouse.dialect();
    List<Row> rows =
        warehouse.query(
            SqlStatement.builder()
                .append("SELECT ")
                .append(
                    newestOfPartition(d, "MAX(" + d.identifier("fencing_token") + ")", partition))
                .append(" AS t")
                .build());
    return rows.isEmpty() ? 0 : rows.get(0).getLong("t").orElse(0L);
  }

  /**
   * The guard of every write of {@code token} to {@code partition}: no journal entry of the
   * partition carries a newer token, and {@code extra} (when given) holds.
   */
  WriteGuard fence(LocalDate partition, long token, @Nullable SqlStatement extra, String what) {
    SqlDialect d = warehouse.dialect();
    SqlStatement newest =
        SqlStatement.builder()
            .append(
                newestOfPartition(
                    d, "COALESCE(MAX(" + d.identifier("fencing_token") + "), 0)", partition))
            .append(" <= ")
            .value("fencing_token", token, ColumnType.INT64)
            .build();
    SqlStatement condition =
        extra == null
            ? newest
            : SqlStatement.builder()
                .append("(")
                .append(newest)
                .append(") AND (")
                .append(extra)
                .append(")")
                .build();
    return WriteGuard.of(
        condition,
        "refusing to "
            + what
            + ": partition "
            + partition
            + " of "
            + main
            + " was journaled under a token newer than "
            + token
            + (extra == null ? "" : ", or the staged row counts changed"));
  }

  /**
   * Writes {@code token} to the partition's fence row (inserting it the first time). Two
   * overlapping transactions that both run it conflict, so at most one of them commits.
   */
  SqlStatement touchFenceSql(LocalDate partition, long token) {
    SqlDialect d = warehouse.dialect();
    String mainTable = d.identifier("main_table");
    String date = d.identifier("partition_date");
    String tokenColumn = d.identifier("fencing_token");
    return SqlStatement.builder()
        .append("MERGE INTO " + d.table(fenceTable) + " AS T USING (SELECT ")
        .value("main_table", main.qualifiedName(), ColumnType.STRING)
        .append(" AS " + mainTable + ", ")
        .value("partition_date", partition, ColumnType.DATE)
        .append(
            " AS "
                + date
                + ") AS S ON T."
                + mainTable
                + " = S."
                + mainTable
                + " AND T."
                + date
                + " = S."
                + date
                + " WHEN MATCHED THEN UPDATE SET "
                + tokenColumn
                + " = ")
        .value("fencing_token", token, ColumnType.INT64)
        .append(
            " WHEN NOT MATCHED THEN INSERT ("
                + mainTable
                + ", "
                + date
                + ", "
                + tokenColumn
                + ") VALUES (S."
                + mainTable
                + ", S."
                + date
                + ", ")
        .value("fencing_token", token, ColumnType.INT64)
        .append(")")
        .build();
  }

  /**
   * The DML {@code INSERT} of one journal line, never {@link Warehouse#append}: on BigQuery each
   * append is a load job or a write stream, and a handful per consolidation run against the 1,500
   * load jobs per table per day quota is how the old platform died for four hours (I-17). The seq
   * is the batch's highest seq plus one, computed by the statement in its own transaction. Every
   * value is a parameter named after its column.
   */
  SqlStatement insertSql(
      String batchId,
      LocalDate partition,
      int round,
      String step,
      long token,
      Map<String, String> detail) {
    SqlDialect d = warehouse.dialect();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("main_table", main.qualifiedName());
    values.put("batch_id", batchId);
    values.put("partition_date", partition);
    values.put("round", (long) round);
    values.put("step", step);
    values.put("fencing_token", token);
    values.put("recorded_at", clock.instant());
    values.put("detail", encode(detail));
    List<String> names = new ArrayList<>();
    values.keySet().forEach(name -> names.add(d.identifier(name)));
    names.add(d.identifier("seq"));
    SqlStatement.Builder insert =
        SqlStatement.builder()
            .append(
                "INSERT INTO " + d.table(table) + " (" + String.join(", ", names) + ") SELECT ");
    values.forEach(
        (name, value) ->
            insert.value(name, value, SCHEMA.column(name).orElseThrow().type()).append(", "));
    return insert
        .append("(SELECT COALESCE(MAX(" + d.identifier("seq") + "), 0) + 1 FROM ")
        .append(d.table(table) + " WHERE ")
        .append(ofMainTable(d))
        .append(" AND " + d.identifier("batch_id") + " = ")
        .value("batch_id", batchId, ColumnType.STRING)
        .append(")")
        .build();
  }

  private List<Entry> read(SqlStatement sql) {
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
              row.getTimestamp("recorded_at").orElseThrow(),
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
