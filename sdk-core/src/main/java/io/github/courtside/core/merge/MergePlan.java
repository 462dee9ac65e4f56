package io.github.courtside.core.merge;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.SqlDialect;
import io.github.courtside.core.warehouse.SqlStatement;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A reconciled merge of staging tables into one partition of a main table, made by {@link
 * MergePlanner}; renders its statements in any {@link SqlDialect}.
 *
 * <p>The MERGE it renders:
 *
 * <ul>
 *   <li>reads each staging table with an explicit column list, restricted to the partition (hazard
 *       H-9, fixed), and marks which tables carry which columns;
 *   <li>keeps the newest staged row per merge key by the ordering column, NULLs last, with a window
 *       partitioned by lossless key expressions (H-1 and I-1, fixed);
 *   <li>matches on the partition predicate (I-16) and NULL-safe key equality (I-2);
 *   <li>updates only staging columns that are neither keys nor excluded (I-6), leaving main-only
 *       columns untouched, and inserts with explicit column lists so main-only columns take their
 *       default or NULL (I-5);
 *   <li>sets the refresh column, when declared, to the merge's time on insert and update (H-4).
 * </ul>
 *
 * <p>Every statement is a {@link SqlStatement} whose data values (the partition date, the merge's
 * time, assigned values and column defaults) are parameters; identifiers are quoted and typed NULLs
 * are {@code CAST(NULL AS type)}.
 *
 * <pre>{@code
 * MergePlan plan = MergePlanner.plan(warehouse, spec, stagingTables, date);
 * long merged = warehouse.execute(plan.renderMerge(warehouse.dialect(), clock.instant())).total();
 * long expected = warehouse.query(plan.renderStagedRowCount(warehouse.dialect()))
 *     .get(0).getLong("n").orElseThrow();
 * }</pre>
 */
public final class MergePlan {
  private static final String FLAG_PREFIX = "_courtside_has_";
  private static final String ROW_NUMBER = "_courtside_rn";
  private static final String SOURCE_TABLE = "_courtside_src";
  private static final String KEY_ALIAS = "_courtside_k";
  private static final String WINNER_ALIAS = "_courtside_w";
  private static final String CANDIDATE_ALIAS = "_courtside_c";
  private static final String PARTITION_PARAMETER = "partition_date";
  private static final String NOW_PARAMETER = "merged_at";

  private final MergeSpec spec;
  private final TableSchema mainSchema;
  private final String partitionColumn;
  private final LocalDate partition;
  private final List<TableId> stagingTables;
  private final List<SourceColumn> columns;
  private final List<Column> addedColumns;
  private final Map<String, List<TableId>> ignoredColumns;
  private final List<Column> widenedColumns;
  private final Map<TableId, Map<String, ColumnType>> casts;

  MergePlan(
      MergeSpec spec,
      TableSchema mainSchema,
      String partitionColumn,
      LocalDate partition,
      List<TableId> stagingTables,
      List<SourceColumn> columns,
      List<Column> addedColumns,
      Map<String, List<TableId>> ignoredColumns,
      List<Column> widenedColumns,
      Map<TableId, Map<String, ColumnType>> casts) {
    this.spec = spec;
    this.mainSchema = mainSchema;
    this.partitionColumn = partitionColumn;
    this.partition = partition;
    this.stagingTables = List.copyOf(stagingTables);
    this.columns = List.copyOf(columns);
    this.addedColumns = List.copyOf(addedColumns);
    this.ignoredColumns = Map.copyOf(ignoredColumns);
    this.widenedColumns = List.copyOf(widenedColumns);
    this.casts = Map.copyOf(casts);
  }

  /**
   * Main-table columns to widen before merging (INT64 to NUMERIC or FLOAT64 under {@link
   * SchemaChangePolicy#APPEND_NEW_COLUMNS}), with their new type.
   */
  public List<Column> widenedColumns() {
    return widenedColumns;
  }

  /** The column as read from one staging table: cast when its staged type differs. */
  private String staged(SqlDialect dialect, TableId table, String column) {
    String name = dialect.identifier(column);
    ColumnType target =
        casts.getOrDefault(table, Map.of()).get(column.toLowerCase(java.util.Locale.ROOT));
    return target == null ? name : "CAST(" + name + " AS " + dialect.typeName(target) + ")";
  }

  /**
   * One column read from staging.
   *
   * @param column the main table's column
   * @param presentIn the staging tables that carry it
   * @param updated whether a matched row's value is replaced by the staged one
   */
  public record SourceColumn(Column column, List<TableId> presentIn, boolean updated) {
    public SourceColumn {
      Objects.requireNonNull(column, "column");
      presentIn = List.copyOf(presentIn);
    }

    /** The column's name. */
    public String name() {
      return column.name();
    }
  }

  /** The spec planned. */
  public MergeSpec spec() {
    return spec;
  }

  /** The partition merged. */
  public LocalDate partition() {
    return partition;
  }

  /** The main table's DATE partition column. */
  public String partitionColumn() {
    return partitionColumn;
  }

  /** The staging tables merged, in order. */
  public List<TableId> stagingTables() {
    return stagingTables;
  }

  /** The columns read from staging. */
  public List<SourceColumn> columns() {
    return columns;
  }

  /**
   * Columns to add to the main table before merging ({@link
   * SchemaChangePolicy#APPEND_NEW_COLUMNS}).
   */
  public List<Column> addedColumns() {
    return addedColumns;
  }

  /**
   * Staging columns ignored under {@link SchemaChangePolicy#INTERSECT}, with the tables carrying
   * them.
   */
  public Map<String, List<TableId>> ignoredColumns() {
    return ignoredColumns;
  }

  /** The main table's schema once {@link #addedColumns()} are added. */
  public TableSchema mainSchema() {
    return mainSchema;
  }

  /** The MERGE statement; {@code now} is written to the refresh column. */
  public SqlStatement renderMerge(SqlDialect dialect, Instant now) {
    String target = dialect.table(spec.mainTable());
    SqlStatement.Builder sql = SqlStatement.builder();
    sql.append("MERGE INTO ")
        .append(target)
        .append(" AS T\nUSING (")
        .append(renderSource(dialect))
        .append(") AS S\nON ")
        .append(matchCondition(dialect));
    List<SqlStatement> sets = new ArrayList<>();
    for (SourceColumn column : columns) {
      if (column.updated()) {
        String name = dialect.identifier(column.name());
        String staged = "S." + name;
        String value =
            isPartial(column)
                ? "CASE WHEN S."
                    + dialect.identifier(flag(column))
                    + " THEN "
                    + staged
                    + " ELSE T."
                    + name
                    + " END"
                : staged;
        sets.add(SqlStatement.of(name + " = " + value));
      }
    }
    spec.refreshedAt()
        .ifPresent(
            column ->
                sets.add(
                    SqlStatement.builder()
                        .append(dialect.identifier(column) + " = ")
                        .value(NOW_PARAMETER, now, ColumnType.TIMESTAMP)
                        .build()));
    spec.assignedOnWrite()
        .forEach(
            (column, value) ->
                sets.add(
                    SqlStatement.builder()
                        .append(dialect.identifier(column) + " = ")
                        .value(value, typeOf(column))
                        .build()));
    if (sets.isEmpty()) {
      String key = dialect.identifier(spec.mergeKey().get(0));
      sets.add(SqlStatement.of(key + " = T." + key));
    }
    sql.append("\nWHEN MATCHED THEN UPDATE SET ").append(SqlStatement.join(", ", sets));
    List<String> names = new ArrayList<>();
    List<SqlStatement> values = new ArrayList<>();
    for (SourceColumn column : columns) {
      names.add(dialect.identifier(column.name()));
      String staged = "S." + dialect.identifier(column.name());
      values.add(
          isPartial(column)
              ? SqlStatement.builder()
                  .append("CASE WHEN S." + dialect.identifier(flag(column)) + " THEN " + staged)
                  .append(" ELSE ")
                  .append(valueOrNull(dialect, column.column().defaultValue().orElse(null), column))
                  .append(" END")
                  .build()
              : SqlStatement.of(staged));
    }
    spec.refreshedAt()
        .ifPresent(
            column -> {
              names.add(dialect.identifier(column));
              values.add(
                  SqlStatement.builder().value(NOW_PARAMETER, now, ColumnType.TIMESTAMP).build());
            });
    spec.assignedOnWrite()
        .forEach(
            (column, value) -> {
              names.add(dialect.identifier(column));
              values.add(SqlStatement.builder().value(value, typeOf(column)).build());
            });
    sql.append("\nWHEN NOT MATCHED THEN INSERT (")
        .append(String.join(", ", names))
        .append(") VALUES (")
        .append(SqlStatement.join(", ", values))
        .append(")");
    return sql.build();
  }

  /** A column's default as a parameter, or its typed NULL (not data: no parameter needed). */
  private static SqlStatement valueOrNull(
      SqlDialect dialect, @Nullable Object value, SourceColumn column) {
    return value == null
        ? SqlStatement.of(dialect.literal(null, column.column().type()))
        : SqlStatement.builder().value(value, column.column().type()).build();
  }

  /** The partition date, as the parameter every statement of the plan shares. */
  private SqlStatement partitionValue() {
    return SqlStatement.builder().value(PARTITION_PARAMETER, partition, ColumnType.DATE).build();
  }

  /**
   * {@code SELECT <columns(table)> FROM <table> WHERE <partition column> = @partition_date} for
   * each staging table, joined with {@code UNION ALL}: the staged rows of the partition only (H-9),
   * read the way each caller needs.
   */
  private SqlStatement stagedRowsOfPartition(
      SqlDialect dialect, java.util.function.Function<TableId, String> columns) {
    List<SqlStatement> parts = new ArrayList<>();
    for (TableId table : stagingTables) {
      parts.add(
          SqlStatement.builder()
              .append("SELECT " + columns.apply(table) + " FROM " + dialect.table(table))
              .append(" WHERE " + dialect.identifier(partitionColumn) + " = ")
              .append(partitionValue())
              .build());
    }
    return SqlStatement.join("\nUNION ALL\n", parts);
  }

  /** A query with one row and column {@code n}: the deduplicated staged rows of the partition. */
  public SqlStatement renderStagedRowCount(SqlDialect dialect) {
    return SqlStatement.builder()
        .append("SELECT COUNT(*) AS n FROM (")
        .append(renderSource(dialect))
        .append(") AS S")
        .build();
  }

  /**
   * A query with one row and column {@code n}: staged rows whose partition value is not the planned
   * partition (or NULL). The merge leaves them alone (H-9); callers must not drop them unseen.
   */
  public SqlStatement renderOutsidePartitionCount(SqlDialect dialect) {
    String column = dialect.identifier(partitionColumn);
    SqlStatement parts =
        SqlStatement.join(
            "\nUNION ALL\n",
            stagingTables.stream()
                .map(
                    table ->
                        SqlStatement.builder()
                            .append("SELECT 1 AS x FROM " + dialect.table(table))
                            .append(" WHERE " + column + " IS DISTINCT FROM ")
                            .append(partitionValue())
                            .build())
                .toList());
    return SqlStatement.builder()
        .append("SELECT COUNT(*) AS n FROM (")
        .append(parts)
        .append(") AS O")
        .build();
  }

  /**
   * A query with one row and column {@code n}: deduplicated staged rows with no main-table row of
   * the same key holding the staged values of every updated column. Zero after a complete merge.
   */
  public SqlStatement renderUnmergedCount(SqlDialect dialect) {
    List<String> conditions = new ArrayList<>();
    for (String key : spec.mergeKey()) {
      conditions.add(keyEquals(dialect, key));
    }
    for (SourceColumn column : columns) {
      if (!column.updated()) {
        continue;
      }
      String name = dialect.identifier(column.name());
      String equal = dialect.nullSafeEquals("T." + name, "S." + name, column.column().type());
      conditions.add(
          isPartial(column)
              ? "(NOT S." + dialect.identifier(flag(column)) + " OR " + equal + ")"
              : equal);
    }
    return SqlStatement.builder()
        .append("SELECT COUNT(*) AS n FROM (")
        .append(renderSource(dialect))
        .append(") AS S\nWHERE NOT EXISTS (SELECT 1 FROM ")
        .append(dialect.table(spec.mainTable()) + " AS T WHERE ")
        .append(partitionPredicate(dialect, "T"))
        .append(" AND " + String.join(" AND ", conditions) + ")")
        .build();
  }

  /** The deduplicated source: the newest staged row per key, from the partition only. */
  public SqlStatement renderSource(SqlDialect dialect) {
    List<String> names = new ArrayList<>();
    for (SourceColumn column : columns) {
      names.add(dialect.identifier(column.name()));
    }
    for (SourceColumn column : columns) {
      if (isPartial(column)) {
        names.add(dialect.identifier(flag(column)));
      }
    }
    String list = String.join(", ", names);
    SqlStatement rows = stagedRowsOfPartition(dialect, table -> sourceColumns(dialect, table));
    String partitionBy =
        spec.mergeKey().stream()
            .map(key -> dialect.groupingKey(dialect.identifier(key), typeOf(key)))
            .collect(Collectors.joining(", "));
    return SqlStatement.builder()
        .append(
            "SELECT "
                + list
                + " FROM (SELECT "
                + list
                + ", ROW_NUMBER() OVER (PARTITION BY "
                + partitionBy
                + " ORDER BY "
                + String.join(", ", tieBreakOrder(dialect))
                + ") AS "
                + dialect.identifier(ROW_NUMBER)
                + " FROM (")
        .append(rows)
        .append(") AS U) AS D WHERE " + dialect.identifier(ROW_NUMBER) + " = 1")
        .build();
  }

  /** The source columns as read from one staging table, its missing ones as typed NULLs. */
  private String sourceColumns(SqlDialect dialect, TableId table) {
    List<String> select = new ArrayList<>();
    for (SourceColumn column : columns) {
      String name = dialect.identifier(column.name());
      select.add(
          column.presentIn().contains(table)
              ? staged(dialect, table, column.name()) + " AS " + name
              : dialect.literal(null, column.column().type()) + " AS " + name);
    }
    for (SourceColumn column : columns) {
      if (isPartial(column)) {
        select.add(
            (column.presentIn().contains(table) ? "TRUE" : "FALSE")
                + " AS "
                + dialect.identifier(flag(column)));
      }
    }
    select.add(stagingTables.indexOf(table) + " AS " + dialect.identifier(SOURCE_TABLE));
    return String.join(", ", select);
  }

  /**
   * The dedup order: newest by the ordering column (NULLs last), then the first staging table in
   * plan order (sorted by name), then every other column ascending, so tied rows give the same
   * winner on every run and on every engine.
   */
  private List<String> tieBreakOrder(SqlDialect dialect) {
    List<String> order = new ArrayList<>();
    order.add(dialect.identifier(spec.newestBy()) + " DESC NULLS LAST");
    order.add(dialect.identifier(SOURCE_TABLE) + " ASC");
    for (SourceColumn column : columns) {
      if (column.name().equalsIgnoreCase(spec.newestBy())
          || column.column().type() == ColumnType.JSON) {
        continue;
      }
      order.add(dialect.identifier(column.name()) + " ASC NULLS FIRST");
    }
    return order;
  }

  /**
   * A query with one row per staging table, in plan order: {@code t} (its index in {@link
   * #stagingTables()}), {@code n} (all its rows) and {@code outside} (its rows whose partition
   * value is not the planned partition, or NULL), in one scan.
   */
  public SqlStatement renderStagingCounts(SqlDialect dialect) {
    String column = dialect.identifier(partitionColumn);
    List<SqlStatement> parts = new ArrayList<>();
    for (int i = 0; i < stagingTables.size(); i++) {
      parts.add(
          SqlStatement.builder()
              .append("SELECT " + i + " AS t, COUNT(*) AS n, COALESCE(SUM(CASE WHEN ")
              .append(column + " IS DISTINCT FROM ")
              .append(partitionValue())
              .append(" THEN 1 ELSE 0 END), 0) AS outside FROM ")
              .append(dialect.table(stagingTables.get(i)))
              .build());
    }
    return SqlStatement.join("\nUNION ALL\n", parts);
  }

  /** One row per distinct merge key staged for the partition, with the key columns only. */
  private SqlStatement renderStagedKeys(SqlDialect dialect) {
    SqlStatement rows =
        stagedRowsOfPartition(
            dialect,
            table ->
                spec.mergeKey().stream()
                    .map(k -> staged(dialect, table, k) + " AS " + dialect.identifier(k))
                    .collect(Collectors.joining(", ")));
    String groups =
        spec.mergeKey().stream()
            .map(k -> dialect.groupingKey(dialect.identifier(k), typeOf(k)))
            .collect(Collectors.joining(", "));
    // The aggregates get other names than the columns: GoogleSQL resolves GROUP BY names to
    // output aliases first.
    return SqlStatement.builder()
        .append(
            "SELECT "
                + renamed(dialect, "")
                + " FROM (SELECT "
                + anyValues(dialect, "")
                + " FROM (")
        .append(rows)
        .append(") AS U GROUP BY " + groups + ") AS G")
        .build();
  }

  private String anyValues(SqlDialect dialect, String qualifier) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < spec.mergeKey().size(); i++) {
      values.add(
          "ANY_VALUE("
              + qualifier
              + dialect.identifier(spec.mergeKey().get(i))
              + ") AS "
              + dialect.identifier(KEY_ALIAS + i));
    }
    return String.join(", ", values);
  }

  private String renamed(SqlDialect dialect, String extra) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < spec.mergeKey().size(); i++) {
      values.add(
          dialect.identifier(KEY_ALIAS + i) + " AS " + dialect.identifier(spec.mergeKey().get(i)));
    }
    return String.join(", ", values) + extra;
  }

  /**
   * A query with one row and column {@code n}: the distinct merge keys staged for the partition,
   * which is how many target rows a complete MERGE inserts or updates.
   */
  public SqlStatement renderStagedKeyCount(SqlDialect dialect) {
    return SqlStatement.builder()
        .append("SELECT COUNT(*) AS n FROM (")
        .append(renderStagedKeys(dialect))
        .append(") AS K")
        .build();
  }

  /**
   * A query with one row and column {@code n}: the distinct {@link SqlDialect#keyFingerprint key
   * fingerprints} staged for the partition, or empty when the dialect has none. Never more than
   * {@link #renderStagedKeyCount}, equal to it unless two keys' fingerprints collide: a complete
   * MERGE inserts or updates at least one row per staged key, so a MERGE whose count equals this
   * number merged exactly one row per key, and any other count is confirmed with the exact query.
   */
  public java.util.Optional<SqlStatement> renderStagedKeyFingerprintCount(SqlDialect dialect) {
    List<String> groupingKeys =
        spec.mergeKey().stream()
            .map(k -> dialect.groupingKey(dialect.identifier(k), typeOf(k)))
            .toList();
    if (dialect.keyFingerprint(groupingKeys).isEmpty()) {
      return java.util.Optional.empty();
    }
    SqlStatement rows =
        stagedRowsOfPartition(
            dialect,
            table ->
                dialect
                        .keyFingerprint(
                            spec.mergeKey().stream()
                                .map(k -> dialect.groupingKey(staged(dialect, table, k), typeOf(k)))
                                .toList())
                        .orElseThrow()
                    + " AS "
                    + dialect.identifier(KEY_ALIAS));
    return java.util.Optional.of(
        SqlStatement.builder()
            .append("SELECT COUNT(DISTINCT " + dialect.identifier(KEY_ALIAS) + ") AS n FROM (")
            .append(rows)
            .append(") AS F")
            .build());
  }

  /**
   * A query with one row per staged merge key that matches more than one row of the partition in
   * the main table (legacy duplicates): the key columns and {@code n}, the number of target rows. A
   * MERGE would update (and reactivate) all of them, so the consolidator refuses to merge.
   */
  public SqlStatement renderDuplicateTargetKeys(SqlDialect dialect) {
    String groups =
        spec.mergeKey().stream()
            .map(k -> dialect.groupingKey("S." + dialect.identifier(k), typeOf(k)))
            .collect(Collectors.joining(", "));
    return SqlStatement.builder()
        .append("SELECT " + renamed(dialect, ", n") + " FROM (SELECT " + anyValues(dialect, "S."))
        .append(", COUNT(*) AS n FROM " + dialect.table(spec.mainTable()) + " AS T JOIN (")
        .append(renderStagedKeys(dialect))
        .append(") AS S ON ")
        .append(matchCondition(dialect))
        .append(" GROUP BY " + groups + " HAVING COUNT(*) > 1) AS D")
        .build();
  }

  /**
   * A query with one row and column {@code n}: 1 when some merge key may have more than one row in
   * the partition of the main table, else 0 (then every key of the partition is unique). A cheap
   * pre-check for {@link #renderDuplicateTargetKeys}, which is only needed when this finds
   * something; grouped by the dialect's {@link SqlDialect#keyFingerprint key fingerprint} when it
   * has one, so 1 can be a hash collision.
   */
  public SqlStatement renderPartitionHasDuplicateKeys(SqlDialect dialect) {
    List<String> keys =
        spec.mergeKey().stream()
            .map(k -> dialect.groupingKey(dialect.identifier(k), typeOf(k)))
            .toList();
    // One fingerprint column groups faster than every key column; a collision only reads as a
    // possible duplicate, which the exact queries then look at.
    String groups = dialect.keyFingerprint(keys).orElse(String.join(", ", keys));
    return SqlStatement.builder()
        .append("SELECT COUNT(*) AS n FROM (SELECT 1 AS x FROM " + dialect.table(spec.mainTable()))
        .append(" WHERE " + dialect.identifier(partitionColumn) + " = ")
        .append(partitionValue())
        .append(" GROUP BY " + groups + " HAVING COUNT(*) > 1 LIMIT 1) AS D")
        .build();
  }

  /**
   * The UPDATE that leaves one active row per group among the groups this batch touched: the winner
   * of each group is its newest staged row (by the ordering column, NULLs last, then the rest of
   * the key ascending, NULLs first), picked within the staged rows, so a stale ordering value of an
   * older main row never beats the batch's newest prediction. Every other active row of those
   * groups in the partition is deactivated. The winners are one aggregate per group ({@link
   * SqlDialect#firstInOrder}), not a window over every staged row joined back: a third of the
   * statement's time on DuckDB. Requires every group column to be read from every staging table.
   *
   * <p>When the MERGE sets the active column TRUE ({@link MergeSpec#withAssignment}, as the
   * consolidator's does), only groups with more than one active row in the partition get a winner:
   * the MERGE has just set every staged key's row active, so a touched group with one active row
   * holds one staged key, its own winner, and nothing to deactivate. Finding those groups is one
   * aggregate over the partition (by {@link SqlDialect#keyFingerprint fingerprint} where the
   * dialect has one: a collision only adds a group whose winner is then kept), so the staged rows
   * and the partition are then joined with a handful of groups, not with every touched one
   * (1,000,000 staged rows into 10,000,000 on DuckDB: 0.25 s instead of 0.36 s).
   */
  public SqlStatement renderSupersedeTouchedGroups(
      SqlDialect dialect, String activeColumn, List<String> group) {
    String active = dialect.identifier(activeColumn);
    List<String> rest =
        spec.mergeKey().stream()
            .filter(k -> group.stream().noneMatch(k::equalsIgnoreCase))
            .toList();
    List<String> order = new ArrayList<>();
    order.add(dialect.identifier(spec.newestBy()) + " DESC NULLS LAST");
    rest.forEach(k -> order.add(dialect.identifier(k) + " ASC NULLS FIRST"));
    String orderBy = String.join(", ", order);
    List<String> aggregates = new ArrayList<>();
    List<String> renamed = new ArrayList<>();
    List<String> groupBy = new ArrayList<>();
    for (String column : group) {
      String name = dialect.identifier(column);
      String key = dialect.groupingKey(name, typeOf(column));
      groupBy.add(key);
      aggregates.add(key.equals(name) ? name : "ANY_VALUE(" + name + ")");
    }
    rest.forEach(k -> aggregates.add(dialect.firstInOrder(dialect.identifier(k), orderBy)));
    List<String> names = new ArrayList<>(group);
    names.addAll(rest);
    // The aggregates get other names than the columns: GoogleSQL resolves GROUP BY names to
    // output aliases first.
    for (int i = 0; i < names.size(); i++) {
      String alias = dialect.identifier(WINNER_ALIAS + i);
      aggregates.set(i, aggregates.get(i) + " AS " + alias);
      renamed.add(alias + " AS " + dialect.identifier(names.get(i)));
    }
    SqlStatement winners =
        SqlStatement.builder()
            .append(
                "SELECT "
                    + String.join(", ", renamed)
                    + " FROM (SELECT "
                    + String.join(", ", aggregates)
                    + " FROM (")
            .append(renderStagedGroups(dialect, group))
            .append(") AS B")
            .append(
                mergeActivates(activeColumn)
                    ? SqlStatement.builder()
                        .append(" JOIN (")
                        .append(renderGroupsWithSeveralActiveRows(dialect, active, group))
                        .append(") AS C ON " + sameCandidate(dialect, group))
                        .build()
                    : SqlStatement.of(""))
            .append(" GROUP BY " + String.join(", ", groupBy) + ") AS G")
            .build();
    List<String> sameGroup = new ArrayList<>();
    group.forEach(c -> sameGroup.add(columnEquals(dialect, c, "W")));
    List<String> sameKey = new ArrayList<>();
    spec.mergeKey().forEach(k -> sameKey.add(columnEquals(dialect, k, "W")));
    return SqlStatement.builder()
        .append("UPDATE " + dialect.table(spec.mainTable()) + " AS T SET " + active + " = FALSE")
        .append(" FROM (")
        .append(winners)
        .append(") AS W WHERE ")
        .append(partitionPredicate(dialect, "T"))
        .append(" AND T." + active + " = TRUE AND " + String.join(" AND ", sameGroup))
        .append(" AND NOT (" + String.join(" AND ", sameKey) + ")")
        .build();
  }

  /**
   * The group, key and ordering columns of every staged row of the partition: the newest row of a
   * group (by the ordering column, then the key) carries the key the deduplicated source would pick
   * as that group's newest, so one aggregate over this replaces a window over the source.
   */
  private SqlStatement renderStagedGroups(SqlDialect dialect, List<String> group) {
    List<String> names = new ArrayList<>();
    group.forEach(names::add);
    spec.mergeKey().stream()
        .filter(k -> group.stream().noneMatch(k::equalsIgnoreCase))
        .forEach(names::add);
    if (names.stream().noneMatch(spec.newestBy()::equalsIgnoreCase)) {
      names.add(spec.newestBy());
    }
    return stagedRowsOfPartition(
        dialect,
        table ->
            names.stream()
                .map(c -> staged(dialect, table, c) + " AS " + dialect.identifier(c))
                .collect(Collectors.joining(", ")));
  }

  /**
   * A query with one row and column {@code n}: 1 when some group of the partition may have more
   * than one active row, else 0. Run after a MERGE that sets the active column TRUE, 0 proves that
   * {@link #renderSupersedeTouchedGroups} would deactivate nothing, so the UPDATE can be skipped; 1
   * can be a fingerprint collision, which the UPDATE then resolves exactly.
   */
  public SqlStatement renderPartitionHasGroupsWithSeveralActiveRows(
      SqlDialect dialect, String activeColumn, List<String> group) {
    return SqlStatement.builder()
        .append("SELECT COUNT(*) AS n FROM (")
        .append(renderGroupsWithSeveralActiveRows(dialect, dialect.identifier(activeColumn), group))
        .append(" LIMIT 1) AS D")
        .build();
  }

  /**
   * The groups of the partition with more than one active row: one column {@code _courtside_c}
   * holding the group's fingerprint, or, in a dialect without fingerprints, one column {@code
   * _courtside_cN} per group column holding its grouping key.
   */
  private SqlStatement renderGroupsWithSeveralActiveRows(
      SqlDialect dialect, String active, List<String> group) {
    List<String> keys = groupingKeys(dialect, "", group);
    Optional<String> fingerprint = dialect.keyFingerprint(keys);
    List<String> outputs = new ArrayList<>();
    if (fingerprint.isPresent()) {
      outputs.add(fingerprint.get() + " AS " + dialect.identifier(CANDIDATE_ALIAS));
    } else {
      for (int i = 0; i < keys.size(); i++) {
        outputs.add(keys.get(i) + " AS " + dialect.identifier(CANDIDATE_ALIAS + i));
      }
    }
    return SqlStatement.builder()
        .append("SELECT " + String.join(", ", outputs) + " FROM " + dialect.table(spec.mainTable()))
        .append(" WHERE " + dialect.identifier(partitionColumn) + " = ")
        .append(partitionValue())
        .append(" AND " + active + " = TRUE GROUP BY ")
        .append(fingerprint.orElse(String.join(", ", keys)) + " HAVING COUNT(*) > 1")
        .build();
  }

  /** The grouping keys of the columns, each read as {@code qualifier} + its quoted name. */
  private List<String> groupingKeys(SqlDialect dialect, String qualifier, List<String> columns) {
    return columns.stream()
        .map(c -> dialect.groupingKey(qualifier + dialect.identifier(c), typeOf(c)))
        .toList();
  }

  /** Whether the MERGE sets the active column TRUE on every row it inserts or updates. */
  private boolean mergeActivates(String activeColumn) {
    return spec.assignedOnWrite().entrySet().stream()
        .anyMatch(
            e -> e.getKey().equalsIgnoreCase(activeColumn) && Boolean.TRUE.equals(e.getValue()));
  }

  /** A staged row ({@code B}) of a group with several active rows ({@code C}). */
  private String sameCandidate(SqlDialect dialect, List<String> group) {
    List<String> keys = groupingKeys(dialect, "B.", group);
    Optional<String> fingerprint = dialect.keyFingerprint(keys);
    if (fingerprint.isPresent()) {
      return fingerprint.get() + " = C." + dialect.identifier(CANDIDATE_ALIAS);
    }
    List<String> equal = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      String candidate = "C." + dialect.identifier(CANDIDATE_ALIAS + i);
      boolean required = mainSchema.column(group.get(i)).orElseThrow().required();
      equal.add(keys.get(i) + (required ? " = " : " IS NOT DISTINCT FROM ") + candidate);
    }
    return String.join(" AND ", equal);
  }

  /** Whether {@link #renderSupersedeTouchedGroups} can run: every group column is staged. */
  public boolean stagesEvery(List<String> group) {
    return group.stream()
        .allMatch(
            c -> columns.stream().anyMatch(s -> s.name().equalsIgnoreCase(c) && !isPartial(s)));
  }

  private String columnEquals(SqlDialect dialect, String column, String other) {
    String name = dialect.identifier(column);
    Column main = mainSchema.column(column).orElseThrow();
    return main.required()
        ? "T." + name + " = " + other + "." + name
        : dialect.nullSafeEquals("T." + name, other + "." + name, main.type());
  }

  private SqlStatement matchCondition(SqlDialect dialect) {
    SqlStatement.Builder condition =
        SqlStatement.builder().append(partitionPredicate(dialect, "T"));
    for (String key : spec.mergeKey()) {
      condition.append(" AND " + keyEquals(dialect, key));
    }
    return condition.build();
  }

  private SqlStatement partitionPredicate(SqlDialect dialect, String alias) {
    return SqlStatement.builder()
        .append(alias + "." + dialect.identifier(partitionColumn) + " = ")
        .append(partitionValue())
        .build();
  }

  private String keyEquals(SqlDialect dialect, String key) {
    String name = dialect.identifier(key);
    Column column = mainSchema.column(key).orElseThrow();
    return column.required()
        ? "T." + name + " = S." + name
        : dialect.nullSafeEquals("T." + name, "S." + name, column.type());
  }

  private ColumnType typeOf(String column) {
    return mainSchema.column(column).map(Column::type).orElseThrow();
  }

  private boolean isPartial(SourceColumn column) {
    return column.presentIn().size() != stagingTables.size();
  }

  private static String flag(SourceColumn column) {
    return FLAG_PREFIX + column.name();
  }

  @Override
  public String toString() {
    return "MergePlan["
        + spec.mainTable()
        + " "
        + partitionColumn
        + "="
        + partition
        + ", "
        + stagingTables.size()
        + " staging tables, ignored "
        + ignoredColumns.keySet()
        + ", added "
        + addedColumns.stream().map(Column::name).toList()
        + "]";
  }
}
