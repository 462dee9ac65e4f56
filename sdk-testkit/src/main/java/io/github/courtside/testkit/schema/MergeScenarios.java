package io.github.courtside.testkit.schema;

import io.github.courtside.core.merge.MergeSpec;
import io.github.courtside.core.merge.SchemaChangePolicy;
import io.github.courtside.core.staging.StagingTableName;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.testkit.Generator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Generators of table schemas and of {@link MergeScenario}s: a prediction-like main table
 * partitioned by {@code game_date}, merged by {@code (player, line)} and ordered by {@code
 * created_at}, and staging tables that drift from it (see {@link Drift}).
 *
 * <p>The key column {@code line} is STRING, INT64, FLOAT64 or NUMERIC (FLOAT64 keys are compared
 * exactly: 22.5 and 23.0 are two keys), required or nullable; one scenario in twenty makes it JSON,
 * which the planner refuses. Pool columns ({@code pts} INT64, {@code conf} NUMERIC, {@code score}
 * FLOAT64, {@code rec}, {@code note} (default {@code "n/a"}) and {@code hint} STRING, {@code flag}
 * BOOL) are each in the main table or not, and in each staging table or not, spelled in another
 * case, cast (INT64 into NUMERIC or FLOAT64), widening (NUMERIC into INT64) or mistyped. Size
 * scales the number of staging tables and rows: size {@code 0} is one staging table of at most one
 * row and an empty main table.
 *
 * <pre>{@code
 * Generator<MergeScenario> scenarios = MergeScenarios.scenarios();
 * for (MergeScenario scenario : scenarios.samples(42L, 100)) { ... }
 * }</pre>
 */
public final class MergeScenarios {
  /** The main table of every scenario. */
  public static final TableId MAIN = TableId.of("nba", "predictions");

  /** The partition consolidated. */
  public static final LocalDate DAY = LocalDate.parse("2026-02-01");

  /** Another partition of the main table (and the date of rows staged outside the partition). */
  public static final LocalDate OTHER = DAY.plusDays(1);

  /** The batch id staging tables are named after. */
  public static final String BATCH = "batch";

  /** The time ordering values are drawn around. */
  public static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

  /** The pool columns and their main-table types. */
  public static final Map<String, ColumnType> POOL = pool();

  private static final String[] PLAYERS = {"a", "b", "c"};

  private MergeScenarios() {}

  private static Map<String, ColumnType> pool() {
    Map<String, ColumnType> pool = new LinkedHashMap<>();
    pool.put("pts", ColumnType.INT64);
    pool.put("conf", ColumnType.NUMERIC);
    pool.put("score", ColumnType.FLOAT64);
    pool.put("rec", ColumnType.STRING);
    pool.put("flag", ColumnType.BOOL);
    pool.put("note", ColumnType.STRING);
    pool.put("hint", ColumnType.STRING);
    return java.util.Collections.unmodifiableMap(pool);
  }

  /**
   * Valid table schemas: 1 to 12 columns (scaled by size) of every type, unique names ignoring
   * case, some required, some with defaults, a DATE partition column when one exists, clustering on
   * some columns.
   */
  public static Generator<TableSchema> schemas() {
    List<ColumnType> types = List.of(ColumnType.values());
    return (random, size) -> {
      int count = 1 + scaledInt(random, 11, size);
      TableSchema.Builder schema = TableSchema.builder();
      List<String> names = new ArrayList<>();
      String partition = null;
      for (int i = 0; i < count; i++) {
        ColumnType type = types.get(random.nextInt(types.size()));
        String name = (random.nextBoolean() ? "c" : "Col_") + i;
        Column column =
            random.nextInt(3) == 0 ? Column.required(name, type) : Column.nullable(name, type);
        if (random.nextInt(5) == 0) {
          column = column.withDefault(value(random, type, 0));
        }
        schema.column(column);
        names.add(name);
        if (type == ColumnType.DATE && partition == null && random.nextBoolean()) {
          partition = name;
        }
      }
      if (partition != null) {
        schema.partitionBy(partition);
      }
      if (random.nextBoolean()) {
        schema.clusterBy(names.get(random.nextInt(names.size())));
      }
      return schema.build();
    };
  }

  /** Merge scenarios under every schema-change policy. */
  public static Generator<MergeScenario> scenarios() {
    return MergeScenarios::scenario;
  }

  /**
   * Scenarios a consolidation must merge: the {@link SchemaChangePolicy#APPEND_NEW_COLUMNS} policy,
   * and none of the drifts that are refused ({@link Drift#MISTYPED_COLUMN}, {@link
   * Drift#OUTSIDE_PARTITION}, {@link Drift#LEGACY_DUPLICATE_TARGETS}, {@link
   * Drift#REFUSED_KEY_TYPE}), and no new column staged with two types. Missing, extra, case-only
   * and widened columns, NULL keys, ties and NULL ordering values remain.
   */
  public static Generator<MergeScenario> mergeable() {
    Set<Drift> refused =
        EnumSet.of(
            Drift.MISTYPED_COLUMN,
            Drift.OUTSIDE_PARTITION,
            Drift.LEGACY_DUPLICATE_TARGETS,
            Drift.REFUSED_KEY_TYPE);
    return scenarios()
        .filter(
            "no refused drift",
            s -> java.util.Collections.disjoint(s.drifts(), refused) && newColumnsAgree(s))
        .map(
            s ->
                new MergeScenario(
                    s.spec().toBuilder()
                        .schemaChangePolicy(SchemaChangePolicy.APPEND_NEW_COLUMNS)
                        .build(),
                    s.mainSchema(),
                    s.mainRows(),
                    s.staged(),
                    s.batchId(),
                    s.partition(),
                    s.drifts()));
  }

  private static boolean newColumnsAgree(MergeScenario scenario) {
    Map<String, ColumnType> types = new java.util.HashMap<>();
    for (StagedTable table : scenario.staged()) {
      for (Column column : table.schema().columns()) {
        if (!scenario.mainSchema().hasColumn(column.name())) {
          ColumnType before =
              types.putIfAbsent(column.name().toLowerCase(Locale.ROOT), column.type());
          if (before != null && before != column.type()) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static MergeScenario scenario(SplittableRandom random, int size) {
    Set<Drift> drifts = EnumSet.noneOf(Drift.class);
    List<SchemaChangePolicy> policies =
        List.of(
            SchemaChangePolicy.FAIL,
            SchemaChangePolicy.INTERSECT,
            SchemaChangePolicy.APPEND_NEW_COLUMNS);
    SchemaChangePolicy policy = policies.get(random.nextInt(policies.size()));
    ColumnType keyType =
        random.nextInt(20) == 0
            ? ColumnType.JSON
            : List.of(ColumnType.STRING, ColumnType.INT64, ColumnType.FLOAT64, ColumnType.NUMERIC)
                .get(random.nextInt(4));
    if (keyType == ColumnType.JSON) {
      drifts.add(Drift.REFUSED_KEY_TYPE);
    }
    boolean keyRequired = random.nextInt(3) == 0;
    boolean nullOrdering = random.nextInt(4) == 0;
    boolean ties = random.nextBoolean();
    boolean outside = random.nextInt(8) == 0;
    boolean legacy = random.nextInt(8) == 0;

    Map<String, ColumnType> mainPool = new LinkedHashMap<>();
    POOL.forEach(
        (name, type) -> {
          if (random.nextBoolean()) {
            mainPool.put(name, type);
          }
        });
    TableSchema.Builder main =
        TableSchema.builder().columns(core(keyType, keyRequired, nullOrdering));
    main.column(Column.nullable("updated_at", ColumnType.TIMESTAMP));
    mainPool.forEach((name, type) -> main.column(poolColumn(name, type)));
    TableSchema mainSchema = main.partitionBy("game_date").clusterBy("player").build();

    int tables = 1 + scaledInt(random, 2, size);
    List<Map<String, ColumnType>> stagingPools = new ArrayList<>();
    List<Map<String, String>> spellings = new ArrayList<>();
    for (int t = 0; t < tables; t++) {
      Map<String, ColumnType> pool = new LinkedHashMap<>();
      Map<String, String> spelling = new LinkedHashMap<>();
      for (Map.Entry<String, ColumnType> entry : POOL.entrySet()) {
        String name = entry.getKey();
        ColumnType type = entry.getValue();
        if (random.nextInt(3) == 0) {
          if (mainPool.containsKey(name)) {
            drifts.add(Drift.MISSING_COLUMN);
          }
          continue;
        }
        if (!mainPool.containsKey(name)) {
          drifts.add(Drift.EXTRA_COLUMN);
        }
        int variant = random.nextInt(24);
        ColumnType staged = type;
        if (variant == 0) {
          staged = type == ColumnType.STRING ? ColumnType.INT64 : ColumnType.STRING;
          drifts.add(Drift.MISTYPED_COLUMN);
        } else if (variant <= 3 && (type == ColumnType.NUMERIC || type == ColumnType.FLOAT64)) {
          staged = ColumnType.INT64;
          drifts.add(Drift.WIDENED_COLUMN);
        } else if (variant <= 3 && type == ColumnType.INT64) {
          staged = ColumnType.NUMERIC;
          drifts.add(Drift.WIDENED_COLUMN);
        }
        String spelled = random.nextInt(5) == 0 ? name.toUpperCase(Locale.ROOT) : name;
        if (!spelled.equals(name)) {
          drifts.add(Drift.CASE_ONLY_COLUMN);
        }
        pool.put(name, staged);
        spelling.put(name, spelled);
      }
      stagingPools.add(pool);
      spellings.add(spelling);
    }

    // The main table's rows: unique keys per partition, but for planted legacy duplicates.
    List<Row> mainRows = new ArrayList<>();
    Set<List<Object>> mainKeys = new HashSet<>();
    int existing = scaledInt(random, 6, size);
    for (int i = 0; i < existing; i++) {
      LocalDate date = random.nextInt(4) == 0 ? OTHER : DAY;
      String player = PLAYERS[random.nextInt(PLAYERS.length)];
      Object line = line(random, keyType, keyRequired);
      if (!mainKeys.add(Arrays.asList(date, player, line))) {
        continue;
      }
      Map<String, @Nullable Object> row = new LinkedHashMap<>();
      row.put("game_date", date);
      row.put("player", player);
      row.put("line", line);
      row.put("prediction_id", "m" + i);
      row.put("created_at", NOW.minusSeconds(3600L + i));
      row.put("updated_at", NOW.minusSeconds(3600));
      mainPool.forEach((name, type) -> row.put(name, value(random, type, 5)));
      mainRows.add(Row.of(row));
    }

    // Staged rows: ordering values unique, or drawn from a few so that ties occur.
    List<StagedTable> staged = new ArrayList<>();
    Set<List<Object>> stagedKeys = new HashSet<>();
    int ordinal = 0;
    for (int t = 0; t < tables; t++) {
      List<Row> rows = new ArrayList<>();
      int n = scaledInt(random, 6, size) + (size == 0 ? random.nextInt(2) : 0);
      for (int i = 0; i < n; i++) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        LocalDate date = outside && random.nextInt(3) == 0 ? OTHER : DAY;
        if (!date.equals(DAY)) {
          drifts.add(Drift.OUTSIDE_PARTITION);
        }
        String player = PLAYERS[random.nextInt(PLAYERS.length)];
        Object line = line(random, keyType, keyRequired);
        row.put("game_date", date);
        row.put("player", player);
        row.put("line", line);
        row.put("prediction_id", "s" + t + "_" + i);
        Instant createdAt =
            ties
                ? NOW.minusSeconds(600).plusSeconds(random.nextInt(3) * 10L)
                : NOW.minusSeconds(600).plusSeconds(random.nextInt(500) * 10L + ordinal++);
        row.put("created_at", nullOrdering && random.nextInt(3) == 0 ? null : createdAt);
        if (row.get("created_at") == null) {
          drifts.add(Drift.NULL_ORDERING);
        }
        if (line == null) {
          drifts.add(Drift.NULL_KEYS);
        }
        Map<String, String> spelling = spellings.get(t);
        stagingPools
            .get(t)
            .forEach(
                (name, type) -> row.put(spelling.getOrDefault(name, name), value(random, type, 5)));
        if (date.equals(DAY) && !stagedKeys.add(Arrays.asList(player, line))) {
          drifts.add(Drift.TIES);
        }
        rows.add(Row.of(row));
      }
      TableId table = StagingTableName.of(MAIN, BATCH, "w" + t).tableId();
      TableSchema.Builder schema =
          TableSchema.builder().columns(core(keyType, keyRequired, nullOrdering));
      Map<String, String> spelling = spellings.get(t);
      stagingPools
          .get(t)
          .forEach(
              (name, type) -> schema.column(poolColumn(spelling.getOrDefault(name, name), type)));
      staged.add(new StagedTable(table, schema.build(), rows));
    }

    if (legacy && !stagedKeys.isEmpty()) {
      // A second main row for a staged key: the merge would match two target rows.
      List<Object> key =
          stagedKeys.stream()
              .sorted(java.util.Comparator.comparing(Object::toString))
              .toList()
              .get(random.nextInt(stagedKeys.size()));
      for (int copy = 0; copy < 2; copy++) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        row.put("game_date", DAY);
        row.put("player", key.get(0));
        row.put("line", key.get(1));
        row.put("prediction_id", "legacy" + copy);
        row.put("created_at", NOW.minusSeconds(7200L + copy));
        mainRows.removeIf(
            r ->
                DAY.equals(r.get("game_date"))
                    && key.get(0).equals(r.get("player"))
                    && java.util.Objects.equals(key.get(1), r.get("line"))
                    && !String.valueOf(r.get("prediction_id")).startsWith("legacy"));
        mainRows.add(Row.of(row));
      }
      drifts.add(Drift.LEGACY_DUPLICATE_TARGETS);
    }

    MergeSpec spec =
        MergeSpec.builder(MAIN)
            .mergeKey("player", "line")
            .newestBy("created_at")
            .excludeFromUpdate("prediction_id")
            .refreshOnWrite("updated_at")
            .schemaChangePolicy(policy)
            .build();
    return new MergeScenario(spec, mainSchema, mainRows, staged, BATCH, DAY, drifts);
  }

  /** The columns of every table: partition, key, id and ordering columns. */
  static List<Column> core(ColumnType keyType, boolean keyRequired, boolean nullOrdering) {
    return List.of(
        Column.required("game_date", ColumnType.DATE),
        Column.required("player", ColumnType.STRING),
        keyRequired ? Column.required("line", keyType) : Column.nullable("line", keyType),
        Column.nullable("prediction_id", ColumnType.STRING),
        nullOrdering
            ? Column.nullable("created_at", ColumnType.TIMESTAMP)
            : Column.required("created_at", ColumnType.TIMESTAMP));
  }

  /** A pool column; {@code note} has the default {@code "n/a"} when it is a STRING. */
  static Column poolColumn(String name, ColumnType type) {
    Column column = Column.nullable(name, type);
    return name.equalsIgnoreCase("note") && type == ColumnType.STRING
        ? column.withDefault("n/a")
        : column;
  }

  private static @Nullable Object line(SplittableRandom random, ColumnType type, boolean required) {
    int pick = random.nextInt(required ? 3 : 4);
    if (pick == 3) {
      return null;
    }
    return switch (type) {
      case FLOAT64 -> new double[] {22.5, 23.0, 23.5}[pick];
      case NUMERIC ->
          new BigDecimal[] {new BigDecimal("22.5"), new BigDecimal("23.0"), new BigDecimal("23.5")}
              [pick];
      case INT64 -> new long[] {22, 23, 24}[pick];
      case STRING -> new String[] {"22.5", "23.0", "23"}[pick];
      case JSON -> new String[] {"{\"l\":22.5}", "{\"l\":23}", "[23]"}[pick];
      default -> throw new IllegalArgumentException("no key values of type " + type);
    };
  }

  /** A value of {@code type}, NULL one time in {@code nullOneIn} (never when it is 0). */
  static @Nullable Object value(SplittableRandom random, ColumnType type, int nullOneIn) {
    if (nullOneIn > 0 && random.nextInt(nullOneIn) == 0) {
      return null;
    }
    return switch (type) {
      case INT64 -> (long) random.nextInt(50);
      case NUMERIC -> BigDecimal.valueOf(random.nextInt(1000), 1);
      case FLOAT64 -> random.nextInt(400) / 8.0;
      case STRING, JSON ->
          type == ColumnType.JSON ? "{\"v\":" + random.nextInt(9) + "}" : "v" + random.nextInt(9);
      case BOOL -> random.nextBoolean();
      case DATE -> DAY.plusDays(random.nextInt(30));
      case TIMESTAMP -> NOW.plusSeconds(random.nextInt(86_400));
    };
  }

  private static int scaledInt(SplittableRandom random, int max, int size) {
    int bound = (int) Math.round(max * (Math.max(0, Math.min(Generator.MAX_SIZE, size)) / 100.0));
    return bound == 0 ? 0 : random.nextInt(bound + 1);
  }
}
