package io.github.courtside.core.merge;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.SchemaMismatchException;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import io.github.courtside.core.warehouse.WarehouseException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reconciles the main table's schema with the schemas of <em>all</em> staging tables of a batch
 * (hazard H-2, fixed: the old planner read only the first staging table, so a later table with
 * fewer columns broke the UNION and one with more columns lost them silently) and builds a {@link
 * MergePlan}.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>the main table must be partitioned by a DATE column; every staging table must carry it, the
 *       merge key and the ordering column;
 *   <li>a staging column whose type differs from the main column fails the plan, naming it;
 *   <li>staging columns the main table lacks follow the {@link SchemaChangePolicy};
 *   <li>a column present in only some staging tables is taken from those tables only: rows from the
 *       others keep the main row's value on update and the column default on insert;
 *   <li>a required main column without default that some staging table lacks fails the plan.
 * </ul>
 *
 * <pre>{@code
 * MergePlan plan = MergePlanner.plan(warehouse, spec, stagingTables, LocalDate.parse("2024-04-10"));
 * warehouse.addColumns(spec.mainTable(), plan.addedColumns());
 * long merged = warehouse.execute(plan.renderMerge(warehouse.dialect(), clock.instant())).total();
 * }</pre>
 */
public final class MergePlanner {
  private MergePlanner() {}

  /** Reads the schemas from the warehouse, then plans. */
  public static MergePlan plan(
      Warehouse warehouse, MergeSpec spec, List<TableId> stagingTables, LocalDate partition) {
    TableSchema main =
        warehouse
            .schema(spec.mainTable())
            .orElseThrow(
                () ->
                    new WarehouseException(
                        spec.mainTable(), "main table " + spec.mainTable() + " does not exist"));
    Map<TableId, TableSchema> staging = new LinkedHashMap<>();
    for (TableId table : stagingTables) {
      staging.put(
          table,
          warehouse
              .schema(table)
              .orElseThrow(
                  () ->
                      new WarehouseException(table, "staging table " + table + " does not exist")));
    }
    return plan(spec, main, staging, partition);
  }

  /**
   * Plans from known schemas.
   *
   * @throws SchemaMismatchException naming the offending columns when the schemas cannot be
   *     reconciled under the spec's policy
   */
  public static MergePlan plan(
      MergeSpec spec, TableSchema main, Map<TableId, TableSchema> staging, LocalDate partition) {
    Objects.requireNonNull(partition, "partition");
    TableId mainId = spec.mainTable();
    if (staging.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge into " + mainId + ": no staging tables");
    }
    String partitionColumn =
        main.partitionColumn()
            .orElseThrow(
                () ->
                    new WarehouseException(
                        mainId, "main table " + mainId + " has no partition column to merge by"));
    List<String> mainProblems = new ArrayList<>();
    for (String key : spec.mergeKey()) {
      main.column(key)
          .ifPresentOrElse(
              column -> {
                if (column.type() == ColumnType.JSON) {
                  mainProblems.add(key);
                }
              },
              () -> mainProblems.add(key));
    }
    if (!main.hasColumn(spec.newestBy())) {
      mainProblems.add(spec.newestBy());
    }
    spec.refreshedAt()
        .ifPresent(
            column -> {
              if (main.column(column).map(c -> c.type() != ColumnType.TIMESTAMP).orElse(true)) {
                mainProblems.add(column);
              }
            });
    spec.assignedOnWrite()
        .forEach(
            (column, value) -> {
              if (main.column(column).map(c -> !c.type().accepts(value)).orElse(true)) {
                mainProblems.add(column);
              }
            });
    if (!mainProblems.isEmpty()) {
      throw new SchemaMismatchException(
          mainId,
          mainProblems,
          "merge key, ordering and refresh columns must exist in the main table; keys must not be"
              + " JSON, the refresh column must be a TIMESTAMP and assigned constants must fit their column");
    }

    Set<String> mandatory = new LinkedHashSet<>();
    mandatory.add(lower(partitionColumn));
    spec.mergeKey().forEach(key -> mandatory.add(lower(key)));
    mandatory.add(lower(spec.newestBy()));

    Map<String, Column> sourceByName = new LinkedHashMap<>();
    Map<String, Set<TableId>> presence = new LinkedHashMap<>();
    Map<String, Set<TableId>> extra = new TreeMap<>();
    Map<String, Column> extraColumns = new LinkedHashMap<>();
    Map<TableId, Map<String, ColumnType>> stagedTypes = new LinkedHashMap<>();
    Map<String, ColumnType> widened = new LinkedHashMap<>();
    Map<String, List<TableId>> ignored = new LinkedHashMap<>();
    for (Map.Entry<TableId, TableSchema> entry : staging.entrySet()) {
      TableId table = entry.getKey();
      TableSchema schema = entry.getValue();
      List<String> missing = new ArrayList<>();
      for (String column : mandatory) {
        if (!schema.hasColumn(column)) {
          missing.add(main.column(column).map(Column::name).orElse(column));
        }
      }
      if (!missing.isEmpty()) {
        throw new SchemaMismatchException(
            table, missing, "staging table lacks the partition, merge key or ordering columns");
      }
      List<String> mistyped = new ArrayList<>();
      List<String> details = new ArrayList<>();
      for (Column column : schema.columns()) {
        String name = lower(column.name());
        Column target = main.column(column.name()).orElse(null);
        if (target == null) {
          // Names that differ only in case are one column (the first spelling is kept).
          extra.computeIfAbsent(name, k -> new TreeSet<>(TABLE_ORDER)).add(table);
          Column previous = extraColumns.putIfAbsent(name, column);
          if (previous != null && previous.type() != column.type()) {
            mistyped.add(column.name());
            details.add(column.name() + " is " + previous.type() + " and " + column.type());
          }
          continue;
        }
        if (target.type() != column.type() && fitsLosslessly(column.type(), target.type())) {
          // INT64 staged into a NUMERIC or FLOAT64 column: cast in the source.
          stagedTypes.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(name, column.type());
          sourceByName.putIfAbsent(name, target);
          presence.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(table);
          continue;
        }
        if (target.type() != column.type() && fitsLosslessly(target.type(), column.type())) {
          // A widening of the main column (INT64 to NUMERIC or FLOAT64) follows the policy.
          switch (spec.schemaChangePolicy()) {
            case FAIL -> {
              mistyped.add(column.name());
              details.add(
                  column.name()
                      + " is "
                      + column.type()
                      + " in staging, "
                      + target.type()
                      + " in main: widening the main column is refused under FAIL");
            }
            case INTERSECT ->
                ignored.computeIfAbsent(column.name(), k -> new ArrayList<>()).add(table);
            case APPEND_NEW_COLUMNS -> {
              ColumnType before = widened.putIfAbsent(name, column.type());
              if (before != null && before != column.type()) {
                mistyped.add(column.name());
                details.add(
                    column.name() + " is widened to both " + before + " and " + column.type());
              }
              stagedTypes
                  .computeIfAbsent(table, k -> new LinkedHashMap<>())
                  .put(name, column.type());
              sourceByName.putIfAbsent(name, target);
              presence.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(table);
            }
          }
          continue;
        }
        if (target.type() != column.type()) {
          mistyped.add(column.name());
          details.add(
              column.name()
                  + " is "
                  + column.type()
                  + " in staging, "
                  + target.type()
                  + " in main");
          continue;
        }
        sourceByName.putIfAbsent(name, target);
        presence.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(table);
      }
      if (!mistyped.isEmpty()) {
        throw new SchemaMismatchException(table, mistyped, String.join("; ", details));
      }
    }

    List<Column> added = new ArrayList<>();
    if (!extra.isEmpty()) {
      switch (spec.schemaChangePolicy()) {
        case FAIL ->
            throw new SchemaMismatchException(
                mainId,
                extra.keySet().stream().map(k -> displayName(extraColumns, k)).toList(),
                "staging columns missing from the main table: " + describe(extra, extraColumns));
        case INTERSECT ->
            extra.forEach(
                (column, tables) ->
                    ignored.put(displayName(extraColumns, column), List.copyOf(tables)));
        case APPEND_NEW_COLUMNS -> {
          for (Map.Entry<String, Set<TableId>> entry : extra.entrySet()) {
            Column column = Objects.requireNonNull(extraColumns.get(entry.getKey()));
            Column nullable = Column.nullable(column.name(), column.type());
            added.add(nullable);
            sourceByName.put(lower(column.name()), nullable);
            presence.put(lower(column.name()), entry.getValue());
          }
        }
      }
    }

    List<String> unfillable = new ArrayList<>();
    for (Column column : main.columns()) {
      if (column.required()
          && column.defaultValue().isEmpty()
          && !spec.refreshedAt().map(r -> r.equalsIgnoreCase(column.name())).orElse(false)
          && !spec.assignedOnWrite().containsKey(column.name())
          && presence.getOrDefault(lower(column.name()), Set.of()).size() != staging.size()) {
        unfillable.add(column.name());
      }
    }
    if (!unfillable.isEmpty()) {
      throw new SchemaMismatchException(
          mainId,
          unfillable,
          "required columns without default are missing from some staging tables, so inserted rows"
              + " would be NULL there");
    }

    Set<String> notUpdated = new LinkedHashSet<>(mandatory);
    notUpdated.remove(lower(spec.newestBy()));
    spec.excludedFromUpdate().forEach(column -> notUpdated.add(lower(column)));
    spec.refreshedAt().ifPresent(column -> notUpdated.add(lower(column)));

    List<MergePlan.SourceColumn> columns = new ArrayList<>();
    for (Map.Entry<String, Column> entry : sourceByName.entrySet()) {
      Set<TableId> tables = presence.getOrDefault(entry.getKey(), Set.of());
      String name = entry.getValue().name();
      boolean refreshed = spec.refreshedAt().map(r -> r.equalsIgnoreCase(name)).orElse(false);
      boolean assigned =
          spec.assignedOnWrite().keySet().stream().anyMatch(c -> c.equalsIgnoreCase(name));
      if (refreshed || assigned) {
        continue;
      }
      columns.add(
          new MergePlan.SourceColumn(
              entry.getValue(), List.copyOf(tables), !notUpdated.contains(entry.getKey())));
    }
    List<Column> widenedColumns = new ArrayList<>();
    TableSchema.Builder effective = TableSchema.builder();
    for (Column column : main.columns()) {
      ColumnType wider = widened.get(lower(column.name()));
      if (wider == null) {
        effective.column(column);
      } else {
        Column changed =
            column.required()
                ? Column.required(column.name(), wider)
                : Column.nullable(column.name(), wider);
        effective.column(changed);
        widenedColumns.add(changed);
        sourceByName.computeIfPresent(lower(column.name()), (k, v) -> changed);
      }
    }
    main.partitionColumn().ifPresent(effective::partitionBy);
    effective.clusterBy(main.clustering().toArray(String[]::new));
    TableSchema effectiveMain = effective.columns(added).build();
    // Which staged columns need a cast to the (effective) main column's type, per table.
    Map<TableId, Map<String, ColumnType>> casts = new LinkedHashMap<>();
    stagedTypes.forEach(
        (table, types) ->
            types.forEach(
                (column, stagedType) -> {
                  ColumnType target =
                      effectiveMain.column(column).map(Column::type).orElse(stagedType);
                  if (target != stagedType) {
                    casts.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(column, target);
                  }
                }));
    for (Map.Entry<String, ColumnType> entry : widened.entrySet()) {
      for (TableId table : staging.keySet()) {
        ColumnType stagedType =
            staging.get(table).column(entry.getKey()).map(Column::type).orElse(null);
        if (stagedType != null && stagedType != entry.getValue()) {
          casts
              .computeIfAbsent(table, k -> new LinkedHashMap<>())
              .put(entry.getKey(), entry.getValue());
        }
      }
    }
    return new MergePlan(
        spec,
        effectiveMain,
        partitionColumn,
        partition,
        List.copyOf(staging.keySet()),
        columns,
        added,
        ignored,
        widenedColumns,
        casts);
  }

  /**
   * Whether every value of {@code from} is a value of {@code to}: INT64 into NUMERIC or FLOAT64.
   */
  private static boolean fitsLosslessly(ColumnType from, ColumnType to) {
    return from == ColumnType.INT64 && (to == ColumnType.NUMERIC || to == ColumnType.FLOAT64);
  }

  private static String displayName(Map<String, Column> columns, String lowerName) {
    Column column = columns.get(lowerName);
    return column == null ? lowerName : column.name();
  }

  private static final java.util.Comparator<TableId> TABLE_ORDER =
      java.util.Comparator.comparing(TableId::qualifiedName);

  private static String describe(Map<String, Set<TableId>> extra, Map<String, Column> columns) {
    List<String> parts = new ArrayList<>();
    extra.forEach((column, tables) -> parts.add(displayName(columns, column) + " in " + tables));
    return String.join("; ", parts);
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
