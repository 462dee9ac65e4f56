package io.github.courtside.duckdb.warehouse;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.DmlResult;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.SqlDialect;
import io.github.courtside.core.warehouse.SqlStatement;
import io.github.courtside.core.warehouse.SqlValue;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableInfo;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import io.github.courtside.core.warehouse.WarehouseException;
import io.github.courtside.core.warehouse.WriteGuard;
import io.github.courtside.core.warehouse.WriteGuardRefusedException;
import io.github.courtside.duckdb.DuckDbDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * The embedded {@link Warehouse}: DuckDB in memory or in a file.
 *
 * <p>Each thread uses its own connection ({@link DuckDbDatabase}). Datasets are DuckDB schemas.
 * Appends and partition replaces load rows with DuckDB's appender into a connection-private
 * temporary table, then move them into the target in one transaction, so a load is all-or-nothing
 * (the appender alone commits as it goes). TIMESTAMP columns hold UTC; instants are kept to the
 * microsecond, like BigQuery. What DuckDB's catalog cannot hold (partition column, clustering,
 * typed defaults, creation time from the injected clock) is kept in the table comment. DuckDB names
 * a file database after its file, so do not name the file like one of your datasets ({@code
 * nba.duckdb} with a dataset {@code nba} makes {@code nba.t} ambiguous).
 *
 * <p>DuckDB has no projects: a {@link TableId} naming one is refused with a {@link
 * WarehouseException}. {@link #execute} counts inserted, updated and deleted rows (a MERGE that
 * only updates and inserts from its update count and the target's row count before and after it in
 * its transaction, any other MERGE through {@code RETURNING merge_action}); {@link #transaction}
 * runs a guard and its statements in one JDBC transaction.
 *
 * <p>DuckDB 2.0, like BigQuery, refuses a MERGE in which one target row matches several source
 * rows; this warehouse does not hide that error.
 *
 * <pre>{@code
 * try (DuckDbWarehouse warehouse = DuckDbWarehouse.builder().file(Path.of("courtside.duckdb")).build()) {
 *   warehouse.createTableIfAbsent(table, schema);
 *   warehouse.append(table, rows);
 *   List<Row> rows = warehouse.query("SELECT COUNT(*) AS n FROM nba.player_game");
 * }
 * }</pre>
 */
public final class DuckDbWarehouse implements Warehouse {
  private static final SqlDialect DIALECT = SqlDialect.duckDb();
  private static final AtomicLong LOADS = new AtomicLong();

  private final DuckDbDatabase database;
  private final boolean ownsDatabase;
  private final Clock clock;

  private DuckDbWarehouse(DuckDbDatabase database, boolean ownsDatabase, Clock clock) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.clock = clock;
  }

  /** A private warehouse in memory with the system clock. */
  public static DuckDbWarehouse inMemory() {
    return builder().build();
  }

  /** A builder; in memory with the system UTC clock unless told otherwise. */
  public static DuckDbWarehouseSetup.Builder builder() {
    return DuckDbWarehouseSetup.builder();
  }

  /** Opens the warehouse a setup describes. */
  public static DuckDbWarehouse create(DuckDbWarehouseSetup setup) {
    if (setup.database().isPresent()) {
      return new DuckDbWarehouse(setup.database().get(), false, setup.clock());
    }
    DuckDbDatabase opened =
        setup.file().map(DuckDbDatabase::open).orElseGet(DuckDbDatabase::inMemory);
    return new DuckDbWarehouse(opened, true, setup.clock());
  }

  /** The database underneath, e.g. to share it with a DuckDB coordination store. */
  public DuckDbDatabase database() {
    return database;
  }

  @Override
  public SqlDialect dialect() {
    return DIALECT;
  }

  @Override
  public void createTable(TableId table, TableSchema schema) {
    if (!createTableIfAbsent(table, schema)) {
      throw new WarehouseException(table, "table " + table + " already exists");
    }
  }

  @Override
  public synchronized boolean createTableIfAbsent(TableId table, TableSchema schema) {
    requireLocal(table);
    Connection connection = database.connection();
    try {
      if (exists(connection, table)) {
        return false;
      }
      inTransaction(
          connection,
          () -> {
            try (Statement statement = connection.createStatement()) {
              statement.execute(
                  "CREATE SCHEMA IF NOT EXISTS " + DIALECT.identifier(table.dataset()));
              statement.execute(createTableSql(table, schema));
              // COMMENT ON takes no prepared parameter (DuckDB's parser refuses "IS ?"): the
              // metadata, which this class encodes from the schema, is a typed, escaped literal.
              statement.execute(
                  "COMMENT ON TABLE "
                      + DIALECT.table(table)
                      + " IS "
                      + DIALECT.literal(
                          TableMetadata.of(schema, clock.instant()).encode(), ColumnType.STRING));
            }
            return Boolean.TRUE;
          });
      return true;
    } catch (SQLException e) {
      throw failure(table, "cannot create table " + table, e);
    }
  }

  @Override
  public synchronized boolean dropTable(TableId table) {
    requireLocal(table);
    Connection connection = database.connection();
    try {
      if (!exists(connection, table)) {
        return false;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS " + DIALECT.table(table));
      }
      return true;
    } catch (SQLException e) {
      throw failure(table, "cannot drop table " + table, e);
    }
  }

  @Override
  public Optional<TableSchema> schema(TableId table) {
    return describe(table).map(TableInfo::schema);
  }

  @Override
  public Optional<TableInfo> describe(TableId table) {
    requireLocal(table);
    Connection connection = database.connection();
    try {
      String comment;
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT comment FROM duckdb_tables() WHERE database_name <> 'temp' AND schema_name = ?"
                  + " AND table_name = ?")) {
        statement.setString(1, table.dataset());
        statement.setString(2, table.table());
        try (ResultSet result = statement.executeQuery()) {
          if (!result.next()) {
            return Optional.empty();
          }
          comment = result.getString(1);
        }
      }
      TableMetadata metadata =
          TableMetadata.decode(comment).orElse(new TableMetadata(null, null, List.of(), Map.of()));
      TableSchema.Builder schema = TableSchema.builder();
      // The catalog's own lookup: a quarter of the time of information_schema.columns, which a
      // consolidation reads once per staging table.
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT name, type, \"notnull\" FROM pragma_table_info(?) ORDER BY cid")) {
        statement.setString(1, DIALECT.table(table));
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            String name = result.getString(1);
            ColumnType type = columnType(table, name, result.getString(2));
            Column column =
                result.getBoolean(3) ? Column.required(name, type) : Column.nullable(name, type);
            String defaultText = metadata.defaults().get(name);
            if (defaultText != null) {
              column = column.withDefault(TableMetadata.parseDefault(defaultText, type));
            }
            schema.column(column);
          }
        }
      }
      String partition = metadata.partitionColumn();
      if (partition != null) {
        schema.partitionBy(partition);
      }
      schema.clusterBy(metadata.clustering().toArray(String[]::new));
      return Optional.of(
          new TableInfo(table, schema.build(), Optional.ofNullable(metadata.createdAt())));
    } catch (SQLException e) {
      throw failure(table, "cannot read the schema of " + table, e);
    }
  }

  @Override
  public synchronized void addColumns(TableId table, List<Column> columns) {
    requireLocal(table);
    if (columns.isEmpty()) {
      return;
    }
    Connection connection = database.connection();
    try {
      if (!exists(connection, table)) {
        throw new WarehouseException(table, "table " + table + " does not exist");
      }
      inTransaction(
          connection,
          () -> {
            try (Statement statement = connection.createStatement()) {
              for (Column column : columns) {
                statement.execute(
                    "ALTER TABLE "
                        + DIALECT.table(table)
                        + " ADD COLUMN "
                        + DIALECT.identifier(column.name())
                        + " "
                        + DIALECT.typeName(column.type()));
              }
            }
            return Boolean.TRUE;
          });
    } catch (SQLException e) {
      throw failure(table, "cannot add columns to " + table, e);
    }
  }

  @Override
  public List<TableId> listTables(String dataset, String prefix) {
    Connection connection = database.connection();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT table_name FROM duckdb_tables() WHERE database_name <> 'temp'"
                + " AND schema_name = ? AND starts_with(table_name, ?) ORDER BY table_name")) {
      statement.setString(1, dataset);
      statement.setString(2, prefix);
      List<TableId> tables = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          tables.add(TableId.of(dataset, result.getString(1)));
        }
      }
      return tables;
    } catch (SQLException e) {
      throw failure(null, "cannot list tables of dataset " + dataset, e);
    }
  }

  @Override
  public long append(TableId table, List<Row> rows) {
    requireLocal(table);
    TableSchema schema = requireSchema(table);
    schema.check(table, rows);
    if (rows.isEmpty()) {
      return 0;
    }
    return load(table, schema, rows, null);
  }

  @Override
  public long replacePartition(TableId table, LocalDate partition, List<Row> rows) {
    requireLocal(table);
    TableSchema schema = requireSchema(table);
    String column =
        schema
            .partitionColumn()
            .orElseThrow(
                () -> new WarehouseException(table, "table " + table + " is not partitioned"));
    schema.check(table, rows);
    for (int index = 0; index < rows.size(); index++) {
      Object value = valueOf(rows.get(index), column);
      if (!partition.equals(value)) {
        throw new WarehouseException(
            table,
            "row "
                + index
                + " has "
                + column
                + " = "
                + value
                + ", outside partition "
                + partition
                + " of "
                + table);
      }
    }
    return load(table, schema, rows, new PartitionReplace(column, partition));
  }

  /** The partition a load replaces. */
  private record PartitionReplace(String column, LocalDate partition) {}

  private long load(
      TableId table, TableSchema schema, List<Row> rows, @Nullable PartitionReplace replaced) {
    Connection connection = database.connection();
    String temp = "courtside_load_" + LOADS.incrementAndGet();
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TEMP TABLE " + temp + " AS SELECT * FROM " + DIALECT.table(table) + " LIMIT 0");
      try {
        appendRows(connection.unwrap(DuckDBConnection.class), temp, table, schema, rows);
        return inTransaction(
            connection,
            () -> {
              if (replaced != null) {
                try (PreparedStatement delete =
                    connection.prepareStatement(
                        "DELETE FROM "
                            + DIALECT.table(table)
                            + " WHERE "
                            + DIALECT.identifier(replaced.column())
                            + " = ?")) {
                  delete.setObject(1, replaced.partition());
                  delete.executeUpdate();
                }
              }
              return (long)
                  statement.executeUpdate(
                      "INSERT INTO " + DIALECT.table(table) + " SELECT * FROM temp.main." + temp);
            });
      } finally {
        statement.execute("DROP TABLE IF EXISTS temp.main." + temp);
      }
    } catch (SQLException e) {
      throw failure(table, "loading " + rows.size() + " rows into " + table + " failed", e);
    }
  }

  private static void appendRows(
      DuckDBConnection connection, String temp, TableId table, TableSchema schema, List<Row> rows)
      throws SQLException {
    List<Column> columns = schema.columns();
    try (DuckDBAppender appender = connection.createAppender("temp", "main", temp)) {
      for (Row row : rows) {
        Map<String, @Nullable Object> byName = lowerCased(row);
        appender.beginRow();
        for (Column column : columns) {
          String key = column.name().toLowerCase(Locale.ROOT);
          Object value =
              byName.containsKey(key) ? byName.get(key) : column.defaultValue().orElse(null);
          appendValue(appender, table, column, value);
        }
        appender.endRow();
      }
    }
  }

  private static void appendValue(
      DuckDBAppender appender, TableId table, Column column, @Nullable Object value)
      throws SQLException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    switch (column.type()) {
      case STRING, JSON -> appender.append((String) value);
      case INT64 -> appender.append((long) (Long) value);
      case FLOAT64 -> appender.append((double) (Double) value);
      case BOOL -> appender.append((boolean) (Boolean) value);
      case DATE -> appender.append((LocalDate) value);
      case TIMESTAMP ->
          appender.append(
              LocalDateTime.ofInstant(
                  ((Instant) value).truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
      case NUMERIC -> {
        try {
          appender.append(((BigDecimal) value).setScale(9, RoundingMode.UNNECESSARY));
        } catch (ArithmeticException e) {
          throw new WarehouseException(
              table,
              "column " + column.name() + " value " + value + " has more than 9 decimal places",
              e);
        }
      }
    }
  }

  /**
   * Runs one statement; the counts come from JDBC's update count, attributed by the statement's
   * leading keyword; a MERGE that only updates and inserts is split by the target's row count
   * before and after it (in its transaction), any other MERGE is counted from {@code RETURNING
   * merge_action} (one row per inserted, updated or deleted target row).
   */
  @Override
  public DmlResult execute(SqlStatement statement) {
    Connection connection = database.connection();
    try {
      return run(connection, statement);
    } catch (SQLException e) {
      throw failure(null, "statement failed: " + e.getMessage() + "\n" + statement.describe(), e);
    }
  }

  /**
   * Runs the guard and the statements in one JDBC transaction on this thread's connection: the
   * guard is evaluated first, in the transaction's snapshot; when it is not TRUE, or a statement
   * fails, the transaction is rolled back and nothing is written.
   */
  @Override
  public List<DmlResult> transaction(WriteGuard guard, List<SqlStatement> statements) {
    Objects.requireNonNull(guard, "guard");
    List<SqlStatement> work = List.copyOf(statements);
    Connection connection = database.connection();
    try {
      return inTransaction(
          connection,
          () -> {
            checkGuard(connection, guard);
            List<DmlResult> results = new ArrayList<>();
            for (SqlStatement sql : work) {
              try {
                results.add(run(connection, sql));
              } catch (SQLException e) {
                throw new SQLException(
                    "statement "
                        + (results.size() + 1)
                        + " of "
                        + work.size()
                        + " failed, transaction rolled back: "
                        + e.getMessage()
                        + "\n"
                        + sql.describe(),
                    e);
              }
            }
            return List.copyOf(results);
          });
    } catch (SQLException e) {
      throw failure(null, "transaction failed", e);
    }
  }

  /** DuckDB's DDL is transactional: a DROP or ALTER in a transaction rolls back with it. */
  @Override
  public boolean supportsDdlInTransactions() {
    return true;
  }

  private static void checkGuard(Connection connection, WriteGuard guard) throws SQLException {
    Object value;
    SqlStatement check =
        SqlStatement.builder().append("SELECT (").append(guard.condition()).append(")").build();
    try (PreparedStatement statement = prepare(connection, check.sql(DIALECT), check);
        ResultSet result = statement.executeQuery()) {
      value = result.next() ? result.getObject(1) : null;
    }
    if (!Boolean.TRUE.equals(value)) {
      throw new WriteGuardRefusedException(
          guard, "guard condition was " + value + ": " + guard.condition());
    }
  }

  /**
   * Runs one statement: a {@link PreparedStatement} with its parameters bound in order of
   * appearance, or a plain JDBC statement when it has none (which also runs several
   * semicolon-separated statements, as before).
   */
  private static DmlResult run(Connection connection, SqlStatement sql) throws SQLException {
    String text = withoutTrailingSemicolons(sql.sql(DIALECT));
    StatementKind kind = StatementKind.of(text);
    boolean merge = kind == StatementKind.MERGE && !RETURNING.matcher(text).find();
    // DuckDB's JDBC Statement is a PreparedStatement too: say which way it runs
    boolean prepared = sql.hasParameters();
    if (merge) {
      Optional<String> target = MergeTarget.countableByRows(text);
      if (target.isPresent()) {
        return mergeCountedByRows(connection, text, sql, target.get());
      }
    }
    String runText = merge ? text + " RETURNING merge_action AS courtside_merge_action" : text;
    try (Statement statement =
        prepared ? prepare(connection, runText, sql) : connection.createStatement()) {
      if (merge) {
        long inserted = 0;
        long updated = 0;
        long deleted = 0;
        try (ResultSet result =
            prepared
                ? ((PreparedStatement) statement).executeQuery()
                : statement.executeQuery(runText)) {
          while (result.next()) {
            switch (result.getString(1)) {
              case "INSERT" -> inserted++;
              case "UPDATE" -> updated++;
              case "DELETE" -> deleted++;
              default -> {
                // ERROR or DO NOTHING rows change nothing
              }
            }
          }
        }
        return new DmlResult(inserted, updated, deleted);
      }
      boolean hasResultSet =
          prepared ? ((PreparedStatement) statement).execute() : statement.execute(runText);
      long count = hasResultSet ? 0 : Math.max(0, statement.getLargeUpdateCount());
      return switch (kind) {
        case INSERT -> DmlResult.inserted(count);
        case UPDATE, MERGE -> DmlResult.updated(count);
        case DELETE -> DmlResult.deleted(count);
        case OTHER -> DmlResult.NONE;
      };
    }
  }

  /**
   * A MERGE that only updates and inserts ({@link MergeTarget}): its update count is the rows it
   * inserted or updated, and the target's row count grows by the rows it inserted, both read in the
   * MERGE's own transaction (one is opened when the connection has none), so concurrent writers do
   * not disturb the split.
   */
  private static DmlResult mergeCountedByRows(
      Connection connection, String text, SqlStatement sql, String target) throws SQLException {
    SqlWork<DmlResult> work =
        () -> {
          long before = rowCount(connection, target);
          long affected;
          if (sql.hasParameters()) {
            try (PreparedStatement statement = prepare(connection, text, sql)) {
              statement.execute();
              affected = statement.getLargeUpdateCount();
            }
          } else {
            try (Statement statement = connection.createStatement()) {
              statement.execute(text);
              affected = statement.getLargeUpdateCount();
            }
          }
          long inserted = rowCount(connection, target) - before;
          if (inserted < 0 || inserted > affected) {
            throw new SQLException(
                "MERGE into "
                    + target
                    + " changed the row count by "
                    + inserted
                    + " but affected "
                    + affected
                    + " rows; its counts cannot be split");
          }
          return new DmlResult(inserted, affected - inserted, 0);
        };
    return connection.getAutoCommit() ? inTransaction(connection, work) : work.run();
  }

  private static long rowCount(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static final java.util.regex.Pattern RETURNING =
      java.util.regex.Pattern.compile("(?i)\\bRETURNING\\b");

  private static String withoutTrailingSemicolons(String sql) {
    String text = sql.strip();
    while (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return text;
  }

  /**
   * Prepares {@code text} (the statement rendered in DuckDB's dialect, perhaps with a suffix) and
   * binds the statement's values to its {@code ?} placeholders in order of appearance. Values go in
   * as text where DuckDB's JDBC conversions would lose them (NUMERIC beyond a double, DATE and
   * TIMESTAMP outside {@code java.sql.Date}'s Gregorian range, microseconds); each placeholder
   * casts to its column type ({@code CAST(? AS ...)}), so the text is parsed exactly.
   */
  private static PreparedStatement prepare(Connection connection, String text, SqlStatement sql)
      throws SQLException {
    PreparedStatement prepared = connection.prepareStatement(text);
    try {
      int index = 1;
      for (SqlValue value : sql.positionalValues()) {
        bind(prepared, index++, value);
      }
      return prepared;
    } catch (SQLException | RuntimeException e) {
      prepared.close();
      throw e;
    }
  }

  private static final DateTimeFormatter TIMESTAMP_TEXT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static void bind(PreparedStatement prepared, int index, SqlValue parameter)
      throws SQLException {
    Object value = parameter.value();
    if (value == null) {
      prepared.setNull(index, Types.NULL);
      return;
    }
    switch (parameter.type()) {
      case STRING, JSON -> prepared.setString(index, (String) value);
      case INT64 -> prepared.setLong(index, (Long) value);
      case FLOAT64 -> prepared.setDouble(index, (Double) value);
      case BOOL -> prepared.setBoolean(index, (Boolean) value);
      case NUMERIC -> prepared.setString(index, ((BigDecimal) value).toPlainString());
      case DATE -> prepared.setString(index, value.toString());
      case TIMESTAMP -> prepared.setString(index, TIMESTAMP_TEXT.format((Instant) value));
    }
  }

  @Override
  public List<Row> query(SqlStatement sql) {
    Connection connection = database.connection();
    try (PreparedStatement statement = prepare(connection, sql.sql(DIALECT), sql);
        ResultSet result = statement.executeQuery()) {
      ResultSetMetaData meta = result.getMetaData();
      int count = meta.getColumnCount();
      List<Row> rows = new ArrayList<>();
      while (result.next()) {
        Row.Builder row = Row.builder();
        for (int i = 1; i <= count; i++) {
          row.set(meta.getColumnLabel(i), read(result, i, meta.getColumnTypeName(i)));
        }
        rows.add(row.build());
      }
      return rows;
    } catch (SQLException e) {
      throw failure(null, "query failed: " + e.getMessage() + "\n" + sql.describe(), e);
    }
  }

  @Override
  public void close() {
    if (ownsDatabase) {
      database.close();
    }
  }

  @Override
  public String toString() {
    return "DuckDbWarehouse[" + database.description() + "]";
  }

  private static @Nullable Object read(ResultSet result, int index, String typeName)
      throws SQLException {
    String type = typeName.toUpperCase(Locale.ROOT);
    if (type.startsWith("TIMESTAMP WITH TIME ZONE") || type.equals("TIMESTAMPTZ")) {
      OffsetDateTime value = result.getObject(index, OffsetDateTime.class);
      return value == null ? null : value.toInstant();
    }
    if (type.startsWith("TIMESTAMP")) {
      LocalDateTime value = result.getObject(index, LocalDateTime.class);
      return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
    if (type.equals("JSON")) {
      return result.getString(index);
    }
    Object value = result.getObject(index);
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
    }
    if (value instanceof Float number) {
      return number.doubleValue();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    return value;
  }

  private static ColumnType columnType(TableId table, String column, String duckType) {
    String type = duckType.toUpperCase(Locale.ROOT);
    return switch (type) {
      case "VARCHAR" -> ColumnType.STRING;
      case "BIGINT" -> ColumnType.INT64;
      case "DOUBLE" -> ColumnType.FLOAT64;
      case "DECIMAL(38,9)" -> ColumnType.NUMERIC;
      case "BOOLEAN" -> ColumnType.BOOL;
      case "DATE" -> ColumnType.DATE;
      case "TIMESTAMP" -> ColumnType.TIMESTAMP;
      case "JSON" -> ColumnType.JSON;
      default ->
          throw new WarehouseException(
              table, "column " + column + " of " + table + " has unsupported type " + duckType);
    };
  }

  private static String createTableSql(TableId table, TableSchema schema) {
    List<String> columns = new ArrayList<>();
    for (Column column : schema.columns()) {
      StringBuilder text =
          new StringBuilder(DIALECT.identifier(column.name()))
              .append(' ')
              .append(DIALECT.typeName(column.type()));
      // A DDL DEFAULT is part of the table's definition, stored as an expression: DuckDB takes no
      // prepared parameter there (nor in CREATE TABLE at all), so the value is a typed, escaped
      // literal. It comes from the schema's Column.withDefault, not from row data.
      column
          .defaultValue()
          .ifPresent(
              value -> text.append(" DEFAULT ").append(DIALECT.literal(value, column.type())));
      if (column.required()) {
        text.append(" NOT NULL");
      }
      columns.add(text.toString());
    }
    return "CREATE TABLE " + DIALECT.table(table) + " (" + String.join(", ", columns) + ")";
  }

  private static void requireLocal(TableId table) {
    if (table.project().isPresent()) {
      throw new WarehouseException(
          table,
          "DuckDB has no projects: table "
              + table
              + " names project '"
              + table.project().get()
              + "'; address it as "
              + table.withoutProject());
    }
  }

  private TableSchema requireSchema(TableId table) {
    return schema(table)
        .orElseThrow(() -> new WarehouseException(table, "table " + table + " does not exist"));
  }

  private static boolean exists(Connection connection, TableId table) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT 1 FROM duckdb_tables() WHERE database_name <> 'temp' AND schema_name = ?"
                + " AND table_name = ?")) {
      statement.setString(1, table.dataset());
      statement.setString(2, table.table());
      try (ResultSet result = statement.executeQuery()) {
        return result.next();
      }
    }
  }

  private static Map<String, @Nullable Object> lowerCased(Row row) {
    Map<String, @Nullable Object> values = new HashMap<>();
    row.asMap().forEach((name, value) -> values.put(name.toLowerCase(Locale.ROOT), value));
    return values;
  }

  private static @Nullable Object valueOf(Row row, String column) {
    return lowerCased(row).get(column.toLowerCase(Locale.ROOT));
  }

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  private static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static WarehouseException failure(
      @Nullable TableId table, String message, SQLException e) {
    String text = String.valueOf(e.getMessage());
    // DuckDB's optimistic concurrency: a write-write conflict succeeds when run again
    boolean retryable = text.contains("Conflict") || text.contains("conflict");
    return new WarehouseException(table, message + ": " + text, e, retryable, null);
  }
}
