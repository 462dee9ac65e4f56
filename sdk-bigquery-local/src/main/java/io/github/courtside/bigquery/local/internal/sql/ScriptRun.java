package io.github.courtside.bigquery.local.internal.sql;

import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.ParseResumeLocation;
import com.google.zetasql.SqlException;
import com.google.zetasql.Type;
import com.google.zetasql.resolvedast.ResolvedColumn;
import com.google.zetasql.resolvedast.ResolvedCreateStatementEnums.CreateMode;
import com.google.zetasql.resolvedast.ResolvedCreateStatementEnums.CreateScope;
import com.google.zetasql.resolvedast.ResolvedMergeWhenEnums.ActionType;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAddColumnAction;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAlterAction;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAlterTableStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAssertStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedBeginStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedColumnAnnotations;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedColumnDefinition;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedColumnRef;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCommitStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateTableAsSelectStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateTableStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateTableStmtBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedDMLDefault;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedDMLValue;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedDeleteStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedDropStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpressionColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedInsertRow;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedInsertStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedMergeStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedMergeWhen;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOption;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOutputColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedQueryStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedRollbackStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSetOptionsAction;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedTableScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedTruncateStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedUpdateItem;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedUpdateStmt;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's SQL, run statement by statement on one DuckDB connection: each statement is analysed
 * when it is reached (so a script may create a table and then insert into it), compiled and run.
 */
final class ScriptRun {
  private static final Logger log = LoggerFactory.getLogger(ScriptRun.class);
  static final String DUPLICATE_MATCH =
      "UPDATE/MERGE must match at most one source row for each target row";

  private static final java.util.regex.Pattern TABLE_NOT_FOUND =
      java.util.regex.Pattern.compile("^Table not found: ([^ ]+)");

  private final LocalStorage storage;
  private final ServerSettings settings;
  private final ScriptRequest request;
  private final GoogleSqlAnalyzer analyzer;
  private final QueryParameters parameters;
  private final AnalyzerOptions options;
  private final Instant now;
  private final boolean execute;
  private final List<ScriptOutcome> children = new ArrayList<>();

  private @Nullable Connection connection;
  private boolean inTransaction;
  private final Map<String, TableReference> touchedInTransaction = new LinkedHashMap<>();

  private int statements;
  private String statementType = "SELECT";
  private @Nullable TableSchema resultSchema;
  private long resultRows;
  private boolean dml;
  private long inserted;
  private long updated;
  private long deleted;
  private @Nullable TableReference ddlTarget;
  private @Nullable String ddlOperation;
  private long bytes;
  private final Map<String, TableReference> referenced = new LinkedHashMap<>();

  ScriptRun(
      LocalStorage storage,
      ServerSettings settings,
      ScriptRequest request,
      GoogleSqlAnalyzer analyzer,
      boolean execute) {
    this.storage = storage;
    this.settings = settings;
    this.request = request;
    this.analyzer = analyzer;
    this.execute = execute;
    this.parameters = QueryParameters.of(request.parameters());
    this.options = analyzer.options(parameters.namedTypes(), parameters.positionalTypes());
    this.now = settings.clock().instant();
  }

  ScriptOutcome run() {
    String sql = request.sql();
    byte[] utf8 = sql.getBytes(StandardCharsets.UTF_8);
    ParseResumeLocation location = new ParseResumeLocation(sql);
    try {
      while (!onlyTrivia(utf8, location.getBytePosition())) {
        int position = location.getBytePosition();
        long started = System.nanoTime();
        List<List<String>> names = analyzer.tableNames(sql, position, options);
        long named = System.nanoTime();
        SqlOverhead.TABLE_NAMES.add(named - started);
        StatementTables tables =
            new StatementTables(
                storage, request.project(), request.defaultDataset(), settings.location());
        ResolvedStatement statement = analyze(location, position, names, tables, true);
        SqlOverhead.ANALYSIS.add(System.nanoTime() - named);
        SqlOverhead.STATEMENTS.increment();
        statements++;
        if (execute) {
          long insertedBefore = inserted;
          long updatedBefore = updated;
          long deletedBefore = deleted;
          boolean dmlBefore = dml;
          dml = false;
          ddlTarget = null;
          ddlOperation = null;
          runStatement(statement, tables);
          children.add(
              new ScriptOutcome(
                  statementType,
                  null,
                  0,
                  dml,
                  inserted - insertedBefore,
                  updated - updatedBefore,
                  deleted - deletedBefore,
                  ddlTarget,
                  ddlOperation,
                  0,
                  List.of(),
                  List.of(),
                  new String(
                          utf8,
                          position,
                          Math.min(utf8.length, location.getBytePosition()) - position,
                          StandardCharsets.UTF_8)
                      .strip()));
          dml = dml || dmlBefore;
        } else {
          describe(statement, tables);
        }
        for (TableReference ref : tables.referenced()) {
          referenced.putIfAbsent(key(ref), ref);
        }
      }
      if (inTransaction) {
        throw ApiException.invalidQuery(
            "Transaction started by BEGIN TRANSACTION was not committed or rolled back", null);
      }
    } catch (RuntimeException e) {
      abort();
      throw e;
    } finally {
      close();
    }
    return new ScriptOutcome(
        statements > 1 ? "SCRIPT" : statementType,
        resultSchema,
        resultRows,
        dml,
        inserted,
        updated,
        deleted,
        ddlTarget,
        ddlOperation,
        bytes,
        new ArrayList<>(referenced.values()),
        statements > 1 ? children : List.of(),
        sql);
  }

  /**
   * Analyses one statement. DDL targets (ALTER TABLE, DROP TABLE) are not among the extracted table
   * names, so a "Table not found" for a table that exists is retried once with it added.
   */
  private ResolvedStatement analyze(
      ParseResumeLocation location,
      int position,
      List<List<String>> names,
      StatementTables tables,
      boolean retry) {
    try {
      return analyzer.analyzeNext(location, options, catalog -> tables.register(catalog, names));
    } catch (SqlException e) {
      ApiException missing = tables.notFound();
      String message = String.valueOf(e.getMessage());
      if (missing != null && message.contains("not found")) {
        throw missing;
      }
      java.util.regex.Matcher table = TABLE_NOT_FOUND.matcher(message);
      if (table.find()) {
        String name = table.group(1).replace("`", "");
        TableReference ref = tables.resolve(List.of(name));
        if (retry && storage.table(ref).isPresent()) {
          List<List<String>> more = new ArrayList<>(names);
          more.add(List.of(name));
          more.add(List.of(name.split("\\.")));
          location.setBytePosition(position);
          return analyze(location, position, more, tables, false);
        }
        throw tables.notFound(ref);
      }
      throw GoogleSqlAnalyzer.invalid(e);
    }
  }

  private static boolean onlyTrivia(byte[] utf8, int from) {
    int i = from;
    while (i < utf8.length) {
      char c = (char) (utf8[i] & 0xff);
      if (Character.isWhitespace(c) || c == ';') {
        i++;
      } else if (c == '#' || (c == '-' && i + 1 < utf8.length && utf8[i + 1] == '-')) {
        while (i < utf8.length && utf8[i] != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < utf8.length && utf8[i + 1] == '*') {
        i += 2;
        while (i + 1 < utf8.length && !(utf8[i] == '*' && utf8[i + 1] == '/')) {
          i++;
        }
        i += 2;
      } else {
        return false;
      }
    }
    return true;
  }

  // ---- connection and transactions ----

  private Connection connection() {
    if (connection == null) {
      // the storage's connections are already set to TimeZone UTC
      connection = storage.connect();
    }
    return connection;
  }

  private void abort() {
    if (inTransaction) {
      try (Statement s = connection().createStatement()) {
        s.execute("ROLLBACK");
      } catch (SQLException e) {
        log.debug("rollback after a failed statement failed", e);
      }
      inTransaction = false;
      touchedInTransaction.clear();
      storage.writeLock().unlock();
    }
  }

  private void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        log.debug("closing a DuckDB connection failed", e);
      }
      connection = null;
    }
  }

  private long update(String sql) {
    compiled();
    log.debug("DuckDB: {}", sql);
    try (Statement s = connection().createStatement()) {
      return s.executeLargeUpdate(sql);
    } catch (SQLException e) {
      throw duckDbError(e, sql);
    }
  }

  private void executeSql(String sql) {
    log.debug("DuckDB: {}", sql);
    try (Statement s = connection().createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw duckDbError(e, sql);
    }
  }

  private @Nullable Object scalar(String sql) {
    log.debug("DuckDB: {}", sql);
    try (Statement s = connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getObject(1) : null;
    } catch (SQLException e) {
      throw duckDbError(e, sql);
    }
  }

  private long count(String sql) {
    Object value = scalar(sql);
    return value == null ? 0 : ((Number) value).longValue();
  }

  static ApiException duckDbError(SQLException e, String sql) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("cannot affect the same target row more than once")) {
      return ApiException.invalidQuery(DUPLICATE_MATCH, null);
    }
    for (String prefix :
        List.of(
            "Invalid Input Error: ",
            "Conversion Error: ",
            "Constraint Error: ",
            "Out of Range Error: ",
            "Binder Error: ",
            "Parser Error: ")) {
      int at = message.indexOf(prefix);
      if (at >= 0) {
        String text = message.substring(at + prefix.length());
        int newline = text.indexOf('\n');
        if (newline > 0) {
          text = text.substring(0, newline);
        }
        if (prefix.startsWith("Binder") || prefix.startsWith("Parser")) {
          log.warn("compiled DuckDB SQL was refused ({}): {}", text, sql);
          return new ApiException(
              500, "backendError", "local server compiled invalid SQL: " + text);
        }
        return ApiException.invalidQuery(text, null);
      }
    }
    log.warn("DuckDB failed: {} in {}", message, sql);
    return new ApiException(500, "backendError", "DuckDB failed: " + message);
  }

  /** Runs a write with the storage's write lock (already held inside a transaction). */
  private <T> T writing(java.util.function.Supplier<T> write) {
    Lock lock = storage.writeLock();
    lock.lock();
    try {
      return write.get();
    } finally {
      lock.unlock();
    }
  }

  private void touched(TableReference ref) {
    if (inTransaction) {
      touchedInTransaction.put(key(ref), ref);
    } else {
      storage.touched(ref);
    }
  }

  private static String key(TableReference ref) {
    return ref.getProjectId() + ":" + ref.getDatasetId() + "." + ref.getTableId();
  }

  private static String dotted(TableReference ref) {
    return ref.getProjectId() + "." + ref.getDatasetId() + "." + ref.getTableId();
  }

  // ---- statements ----

  private long compileStarted;

  private void compiled() {
    if (compileStarted != 0) {
      SqlOverhead.COMPILATION.add(System.nanoTime() - compileStarted);
      compileStarted = 0;
    }
  }

  private QueryCompiler compiler(StatementTables tables) {
    compileStarted = System.nanoTime();
    return new QueryCompiler(
        new CompileContext(
            parameters.namedValues(),
            parameters.positionalValues(),
            now,
            t -> storage.physicalName(tables.reference(t))));
  }

  private void describe(ResolvedStatement statement, StatementTables tables) {
    statementType = typeOf(statement);
    if (statement instanceof ResolvedQueryStmt q) {
      resultSchema = new TableSchema().setFields(outputFields(q.getOutputColumnList()));
    }
    for (TableReference ref : tables.referenced()) {
      bytes += estimatedBytes(tables, ref);
    }
  }

  private static String typeOf(ResolvedStatement statement) {
    if (statement instanceof ResolvedQueryStmt) {
      return "SELECT";
    }
    if (statement instanceof ResolvedInsertStmt) {
      return "INSERT";
    }
    if (statement instanceof ResolvedUpdateStmt) {
      return "UPDATE";
    }
    if (statement instanceof ResolvedDeleteStmt) {
      return "DELETE";
    }
    if (statement instanceof ResolvedMergeStmt) {
      return "MERGE";
    }
    if (statement instanceof ResolvedTruncateStmt) {
      return "TRUNCATE_TABLE";
    }
    if (statement instanceof ResolvedCreateTableAsSelectStmt) {
      return "CREATE_TABLE_AS_SELECT";
    }
    if (statement instanceof ResolvedCreateTableStmt) {
      return "CREATE_TABLE";
    }
    if (statement instanceof ResolvedDropStmt) {
      return "DROP_TABLE";
    }
    if (statement instanceof ResolvedAlterTableStmt) {
      return "ALTER_TABLE";
    }
    if (statement instanceof ResolvedAssertStmt) {
      return "ASSERT";
    }
    if (statement instanceof ResolvedBeginStmt) {
      return "BEGIN_TRANSACTION";
    }
    if (statement instanceof ResolvedCommitStmt) {
      return "COMMIT_TRANSACTION";
    }
    if (statement instanceof ResolvedRollbackStmt) {
      return "ROLLBACK_TRANSACTION";
    }
    return statement.getClass().getSimpleName().replace("Resolved", "").replace("Stmt", "");
  }

  private long estimatedBytes(StatementTables tables, TableReference ref) {
    return tables
        .resource(ref)
        .map(t -> t.getNumBytes() != null ? t.getNumBytes().longValue() : 0L)
        .orElse(0L);
  }

  private void runStatement(ResolvedStatement statement, StatementTables tables) {
    statementType = typeOf(statement);
    for (TableReference ref : tables.referenced()) {
      bytes += estimatedBytes(tables, ref);
    }
    if (statement instanceof ResolvedQueryStmt q) {
      query(q, tables);
    } else if (statement instanceof ResolvedInsertStmt s) {
      insert(s, tables);
    } else if (statement instanceof ResolvedUpdateStmt s) {
      update(s, tables);
    } else if (statement instanceof ResolvedDeleteStmt s) {
      delete(s, tables);
    } else if (statement instanceof ResolvedMergeStmt s) {
      merge(s, tables);
    } else if (statement instanceof ResolvedTruncateStmt s) {
      truncate(s, tables);
    } else if (statement instanceof ResolvedCreateTableStmtBase s) {
      createTable(s, tables);
    } else if (statement instanceof ResolvedDropStmt s) {
      drop(s, tables);
    } else if (statement instanceof ResolvedAlterTableStmt s) {
      alter(s, tables);
    } else if (statement instanceof ResolvedAssertStmt s) {
      assertion(s, tables);
    } else if (statement instanceof ResolvedBeginStmt) {
      if (inTransaction) {
        throw ApiException.invalidQuery("Nested transactions are not supported", null);
      }
      storage.writeLock().lock();
      inTransaction = true;
      executeSql("BEGIN TRANSACTION");
    } else if (statement instanceof ResolvedCommitStmt) {
      endTransaction("COMMIT");
    } else if (statement instanceof ResolvedRollbackStmt) {
      endTransaction("ROLLBACK");
    } else {
      throw ApiException.notSupported("statement " + typeOf(statement));
    }
  }

  private void endTransaction(String how) {
    if (!inTransaction) {
      throw ApiException.invalidQuery(how + " TRANSACTION without BEGIN TRANSACTION", null);
    }
    try {
      executeSql(how);
    } finally {
      inTransaction = false;
      try {
        if (how.equals("COMMIT")) {
          for (TableReference ref : touchedInTransaction.values()) {
            storage.touched(ref);
          }
        }
      } finally {
        touchedInTransaction.clear();
        storage.writeLock().unlock();
      }
    }
  }

  // ---- queries ----

  static List<String> outputNames(List<ResolvedOutputColumn> columns) {
    List<String> names = new ArrayList<>();
    int anonymous = 0;
    Set<String> seen = new java.util.HashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (ResolvedOutputColumn column : columns) {
      String name = column.getName();
      if (name.isEmpty() || name.startsWith("$")) {
        name = "f" + anonymous++ + "_";
      }
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        duplicates.add(name);
      }
      names.add(name);
    }
    if (!duplicates.isEmpty()) {
      throw ApiException.invalidQuery(
          "Duplicate column names in the result are not supported. Found duplicate(s): "
              + String.join(", ", duplicates),
          null);
    }
    return names;
  }

  private static List<TableFieldSchema> outputFields(List<ResolvedOutputColumn> columns) {
    List<String> names = outputNames(columns);
    List<TableFieldSchema> fields = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      fields.add(ZetaTypes.toField(names.get(i), columns.get(i).getColumn().getType()));
    }
    return fields;
  }

  private void query(ResolvedQueryStmt q, StatementTables tables) {
    if (q.getIsValueTable()) {
      throw ApiException.notSupported("SELECT AS STRUCT / SELECT AS VALUE at the top level");
    }
    List<TableFieldSchema> fields = outputFields(q.getOutputColumnList());
    QueryCompiler compiler = compiler(tables);
    List<String> items = new ArrayList<>();
    List<String> names = outputNames(q.getOutputColumnList());
    for (int i = 0; i < names.size(); i++) {
      items.add(compiler.context().column(q.getOutputColumnList().get(i).getColumn()));
    }
    String select = compiler.selectOrdered(q.getQuery(), String.join(", ", items));
    TableReference result = request.resultTable();
    TableSchema schema = new TableSchema().setFields(fields);
    writing(
        () -> {
          if (storage.table(result).isPresent()) {
            storage.deleteTable(result);
          }
          storage.createTable(new Table().setTableReference(result).setSchema(schema));
          return null;
        });
    resultRows = update("INSERT INTO " + storage.physicalName(result) + " " + select);
    resultSchema = schema;
  }

  // ---- DML ----

  private TableReference target(
      ResolvedTableScan scan, StatementTables tables, CompileContext context) {
    TableReference ref = tables.reference(scan.getTable());
    for (int i = 0; i < scan.getColumnList().size(); i++) {
      String name =
          scan.getTable().getColumn(scan.getColumnIndexList().get(i).intValue()).getName();
      context.columnNames.put(
          scan.getColumnList().get(i).getId(), "t." + DuckDbText.identifier(name));
    }
    return ref;
  }

  private void refuseStreamingBuffer(TableReference ref, String what) {
    if (storage.streamingBufferOldestEntry(ref).isPresent()) {
      throw ApiException.invalidQuery(
          what
              + " statement over table "
              + dotted(ref)
              + " would affect rows in the streaming buffer, which is not supported",
          null);
    }
  }

  private String value(ResolvedDMLValue value, ExpressionCompiler expressions) {
    return value.getValue() instanceof ResolvedDMLDefault
        ? "DEFAULT"
        : expressions.expr(value.getValue());
  }

  private static String columnList(List<ResolvedColumn> columns) {
    List<String> names = new ArrayList<>();
    for (ResolvedColumn c : columns) {
      names.add(DuckDbText.identifier(c.getName()));
    }
    return "(" + String.join(", ", names) + ")";
  }

  private void insert(ResolvedInsertStmt s, StatementTables tables) {
    if (s.getReturning() != null || s.getOnConflictClause() != null) {
      throw ApiException.notSupported("INSERT ... RETURNING / ON CONFLICT");
    }
    QueryCompiler compiler = compiler(tables);
    TableReference ref = tables.reference(s.getTableScan().getTable());
    String source;
    if (s.getQuery() != null) {
      List<String> items = new ArrayList<>();
      for (ResolvedColumn c : s.getQueryOutputColumnList()) {
        items.add(compiler.context().column(c));
      }
      source = compiler.selectOrdered(s.getQuery(), String.join(", ", items));
    } else {
      List<String> rows = new ArrayList<>();
      for (ResolvedInsertRow row : s.getRowList()) {
        List<String> values = new ArrayList<>();
        for (ResolvedDMLValue v : row.getValueList()) {
          values.add(value(v, compiler.expressions()));
        }
        rows.add("(" + String.join(", ", values) + ")");
      }
      source = "VALUES " + String.join(", ", rows);
    }
    String sql =
        "INSERT INTO "
            + storage.physicalName(ref)
            + " "
            + columnList(s.getInsertColumnList())
            + " "
            + source;
    long n = writing(() -> update(sql));
    dml = true;
    inserted += n;
    touched(ref);
  }

  private void update(ResolvedUpdateStmt s, StatementTables tables) {
    if (s.getReturning() != null || s.getArrayOffsetColumn() != null) {
      throw ApiException.notSupported("UPDATE ... RETURNING / nested UPDATE");
    }
    QueryCompiler compiler = compiler(tables);
    TableReference ref = target(s.getTableScan(), tables, compiler.context());
    refuseStreamingBuffer(ref, "UPDATE or DELETE");
    String set = setClause(s.getUpdateItemList(), compiler.expressions());
    String physical = storage.physicalName(ref);
    String where =
        s.getWhereExpr() == null ? "TRUE" : compiler.expressions().expr(s.getWhereExpr());
    String from = "";
    if (s.getFromScan() != null) {
      from = " FROM (" + compiler.scan(s.getFromScan()) + ") AS s";
    }
    String fromClause = from;
    long n =
        writing(
            () -> {
              if (!fromClause.isEmpty()) {
                long twice =
                    count(
                        "SELECT count(*) FROM (SELECT t.rowid FROM "
                            + physical
                            + " AS t, "
                            + fromClause.substring(" FROM ".length())
                            + " WHERE "
                            + where
                            + " GROUP BY t.rowid HAVING count(*) > 1) AS d");
                if (twice > 0) {
                  throw ApiException.invalidQuery(DUPLICATE_MATCH, null);
                }
              }
              return update(
                  "UPDATE " + physical + " AS t SET " + set + fromClause + " WHERE " + where);
            });
    dml = true;
    updated += n;
    touched(ref);
  }

  private String setClause(List<ResolvedUpdateItem> items, ExpressionCompiler expressions) {
    List<String> sets = new ArrayList<>();
    for (ResolvedUpdateItem item : items) {
      if (!(item.getTarget() instanceof ResolvedColumnRef target)
          || !item.getArrayUpdateList().isEmpty()
          || !item.getDeleteList().isEmpty()
          || !item.getUpdateList().isEmpty()
          || !item.getInsertList().isEmpty()) {
        throw ApiException.notSupported("UPDATE of a STRUCT field or ARRAY element");
      }
      sets.add(
          DuckDbText.identifier(target.getColumn().getName())
              + " = "
              + value(item.getSetValue(), expressions));
    }
    return String.join(", ", sets);
  }

  private void delete(ResolvedDeleteStmt s, StatementTables tables) {
    if (s.getReturning() != null || s.getArrayOffsetColumn() != null) {
      throw ApiException.notSupported("DELETE ... RETURNING / nested DELETE");
    }
    QueryCompiler compiler = compiler(tables);
    TableReference ref = target(s.getTableScan(), tables, compiler.context());
    refuseStreamingBuffer(ref, "UPDATE or DELETE");
    String where =
        s.getWhereExpr() == null ? "TRUE" : compiler.expressions().expr(s.getWhereExpr());
    String sql = "DELETE FROM " + storage.physicalName(ref) + " AS t WHERE " + where;
    long n = writing(() -> update(sql));
    dml = true;
    deleted += n;
    touched(ref);
  }

  private void truncate(ResolvedTruncateStmt s, StatementTables tables) {
    if (s.getWhereExpr() != null) {
      throw ApiException.notSupported("TRUNCATE ... WHERE");
    }
    TableReference ref = tables.reference(s.getTableScan().getTable());
    refuseStreamingBuffer(ref, "UPDATE or DELETE");
    long n = writing(() -> update("DELETE FROM " + storage.physicalName(ref)));
    dml = true;
    deleted += n;
    touched(ref);
  }

  private void merge(ResolvedMergeStmt s, StatementTables tables) {
    QueryCompiler compiler = compiler(tables);
    TableReference ref = target(s.getTableScan(), tables, compiler.context());
    refuseStreamingBuffer(ref, "UPDATE or DELETE");
    ExpressionCompiler x = compiler.expressions();
    String physical = storage.physicalName(ref);
    StringBuilder sql =
        new StringBuilder("MERGE INTO ")
            .append(physical)
            .append(" AS t USING (")
            .append(compiler.scan(s.getFromScan()))
            .append(") AS s ON ")
            .append(x.expr(s.getMergeExpr()));
    Set<ActionType> actions = EnumSet.noneOf(ActionType.class);
    for (ResolvedMergeWhen when : s.getWhenClauseList()) {
      actions.add(when.getActionType());
      sql.append(
          switch (when.getMatchType()) {
            case MATCHED -> " WHEN MATCHED";
            case NOT_MATCHED_BY_TARGET -> " WHEN NOT MATCHED BY TARGET";
            case NOT_MATCHED_BY_SOURCE -> " WHEN NOT MATCHED BY SOURCE";
            default -> throw ApiException.notSupported("MERGE WHEN " + when.getMatchType());
          });
      if (when.getMatchExpr() != null) {
        sql.append(" AND ").append(x.expr(when.getMatchExpr()));
      }
      sql.append(" THEN ");
      switch (when.getActionType()) {
        case DELETE -> sql.append("DELETE");
        case UPDATE -> sql.append("UPDATE SET ").append(setClause(when.getUpdateItemList(), x));
        case INSERT -> {
          List<String> values = new ArrayList<>();
          for (ResolvedDMLValue v : when.getInsertRow().getValueList()) {
            values.add(value(v, x));
          }
          sql.append("INSERT ")
              .append(columnList(when.getInsertColumnList()))
              .append(" VALUES (")
              .append(String.join(", ", values))
              .append(")");
        }
        default -> throw ApiException.notSupported("MERGE action " + when.getActionType());
      }
    }
    boolean all = actions.size() == 3;
    String text = sql + (all ? " RETURNING merge_action" : "");
    long[] counts =
        writing(
            () -> {
              long[] c = new long[3];
              if (all) {
                log.debug("DuckDB: {}", text);
                try (Statement st = connection().createStatement();
                    ResultSet rs = st.executeQuery(text)) {
                  while (rs.next()) {
                    switch (rs.getString(1)) {
                      case "INSERT" -> c[0]++;
                      case "UPDATE" -> c[1]++;
                      default -> c[2]++;
                    }
                  }
                } catch (SQLException e) {
                  throw duckDbError(e, text);
                }
                return c;
              }
              long before = count("SELECT count(*) FROM " + physical);
              long affected = update(text);
              long after = count("SELECT count(*) FROM " + physical);
              long growth = after - before;
              if (!actions.contains(ActionType.DELETE)) {
                c[0] = growth;
                c[1] = affected - growth;
              } else if (!actions.contains(ActionType.INSERT)) {
                c[2] = -growth;
                c[1] = affected + growth;
              } else {
                // INSERT and DELETE, no UPDATE: inserted - deleted = growth, inserted + deleted =
                // affected
                c[0] = (affected + growth) / 2;
                c[2] = (affected - growth) / 2;
              }
              return c;
            });
    dml = true;
    inserted += counts[0];
    updated += counts[1];
    deleted += counts[2];
    touched(ref);
  }

  // ---- DDL ----

  private void refuseDdlInTransaction() {
    if (inTransaction) {
      throw ApiException.notSupported("DDL statements inside a transaction");
    }
  }

  private void createTable(ResolvedCreateTableStmtBase s, StatementTables tables) {
    refuseDdlInTransaction();
    if (s.getCreateScope() != CreateScope.CREATE_DEFAULT_SCOPE) {
      throw ApiException.notSupported("CREATE TEMP TABLE");
    }
    if (s.getLikeTable() != null
        || (s instanceof ResolvedCreateTableStmt c
            && (c.getCloneFrom() != null || c.getCopyFrom() != null))) {
      throw ApiException.notSupported("CREATE TABLE LIKE / CLONE / COPY");
    }
    TableReference ref = tables.resolve(s.getNamePath());
    ddlTarget = ref;
    Map<Long, String> columnNames = new HashMap<>();
    List<TableFieldSchema> fields = new ArrayList<>();
    List<ResolvedExpr> partitionBy;
    List<ResolvedExpr> clusterBy;
    ResolvedCreateTableAsSelectStmt ctas = null;
    if (s instanceof ResolvedCreateTableAsSelectStmt c) {
      ctas = c;
      partitionBy = c.getPartitionByList();
      clusterBy = c.getClusterByList();
      List<String> names = outputNames(c.getOutputColumnList());
      for (int i = 0; i < names.size(); i++) {
        columnNames.put(c.getOutputColumnList().get(i).getColumn().getId(), names.get(i));
      }
      if (!s.getColumnDefinitionList().isEmpty()) {
        for (ResolvedColumnDefinition d : s.getColumnDefinitionList()) {
          fields.add(field(d.getName(), d.getType(), d.getAnnotations()));
        }
      } else {
        fields.addAll(outputFields(c.getOutputColumnList()));
      }
    } else {
      ResolvedCreateTableStmt c = (ResolvedCreateTableStmt) s;
      partitionBy = c.getPartitionByList();
      clusterBy = c.getClusterByList();
      for (ResolvedColumnDefinition d : s.getColumnDefinitionList()) {
        fields.add(field(d.getName(), d.getType(), d.getAnnotations()));
        columnNames.put(d.getColumn().getId(), d.getName());
      }
    }
    Table table = new Table().setTableReference(ref).setSchema(new TableSchema().setFields(fields));
    for (ResolvedOption option : s.getOptionList()) {
      String name = option.getName().toLowerCase(Locale.ROOT);
      switch (name) {
        case "description" -> table.setDescription(stringOption(option));
        case "friendly_name" -> table.setFriendlyName(stringOption(option));
        case "require_partition_filter" -> table.setRequirePartitionFilter(boolOption(option));
        case "labels", "expiration_timestamp", "partition_expiration_days", "kms_key_name" ->
            log.debug("CREATE TABLE option {} is accepted and ignored", name);
        default -> throw ApiException.invalidQuery("Unknown option: " + option.getName(), null);
      }
    }
    if (!partitionBy.isEmpty()) {
      table.setTimePartitioning(partitioning(partitionBy.get(0), columnNames));
    }
    if (!clusterBy.isEmpty()) {
      List<String> cluster = new ArrayList<>();
      for (ResolvedExpr e : clusterBy) {
        if (!(e instanceof ResolvedColumnRef c)
            || !columnNames.containsKey(c.getColumn().getId())) {
          throw ApiException.invalidQuery("CLUSTER BY expressions must be column names", null);
        }
        cluster.add(columnNames.get(c.getColumn().getId()));
      }
      table.setClustering(new Clustering().setFields(cluster));
    }
    ResolvedCreateTableAsSelectStmt query = ctas;
    writing(
        () -> {
          boolean exists = storage.table(ref).isPresent();
          if (exists) {
            if (s.getCreateMode() == CreateMode.CREATE_IF_NOT_EXISTS) {
              ddlOperation = "SKIP";
              return null;
            }
            if (s.getCreateMode() != CreateMode.CREATE_OR_REPLACE) {
              throw ApiException.duplicate("Already Exists: Table " + key(ref));
            }
            storage.deleteTable(ref);
            ddlOperation = "REPLACE";
          } else {
            ddlOperation = "CREATE";
          }
          storage.createTable(table);
          if (query != null) {
            QueryCompiler compiler = compiler(tables);
            List<String> items = new ArrayList<>();
            for (ResolvedOutputColumn c : query.getOutputColumnList()) {
              items.add(compiler.context().column(c.getColumn()));
            }
            String select = compiler.selectOrdered(query.getQuery(), String.join(", ", items));
            try {
              long rows = update("INSERT INTO " + storage.physicalName(ref) + " " + select);
              storage.touched(ref);
              log.debug("CREATE TABLE AS SELECT wrote {} rows", rows);
            } catch (RuntimeException e) {
              storage.deleteTable(ref);
              throw e;
            }
          }
          return null;
        });
    tables.forget();
  }

  private static TableFieldSchema field(
      String name, Type type, @Nullable ResolvedColumnAnnotations annotations) {
    TableFieldSchema field = ZetaTypes.toField(name, type);
    if (annotations != null) {
      if (annotations.getNotNull() && !"REPEATED".equals(field.getMode())) {
        field.setMode("REQUIRED");
      }
      for (ResolvedOption option : annotations.getOptionList()) {
        if (option.getName().equalsIgnoreCase("description")) {
          field.setDescription(stringOption(option));
        }
      }
      if (field.getFields() != null && !annotations.getChildList().isEmpty()) {
        Type element = type.isArray() ? type.asArray().getElementType() : type;
        List<TableFieldSchema> children = new ArrayList<>();
        for (int i = 0; i < field.getFields().size(); i++) {
          ResolvedColumnAnnotations child =
              i < annotations.getChildList().size() ? annotations.getChildList().get(i) : null;
          children.add(
              field(
                  field.getFields().get(i).getName(),
                  element.asStruct().getField(i).getType(),
                  child));
        }
        field.setFields(children);
      }
    }
    return field;
  }

  private static String stringOption(ResolvedOption option) {
    if (option.getValue() instanceof ResolvedLiteral l && l.getValue().getType().isString()) {
      return l.getValue().isNull() ? "" : l.getValue().getStringValue();
    }
    throw ApiException.invalidQuery(
        "Option " + option.getName() + " must be a STRING literal", null);
  }

  private static boolean boolOption(ResolvedOption option) {
    if (option.getValue() instanceof ResolvedLiteral l
        && l.getValue().getType().isBool()
        && !l.getValue().isNull()) {
      return l.getValue().getBoolValue();
    }
    throw ApiException.invalidQuery("Option " + option.getName() + " must be a BOOL literal", null);
  }

  private static boolean isPseudoColumn(ResolvedExpr e, Map<Long, String> columns) {
    return e instanceof ResolvedColumnRef c
        && !columns.containsKey(c.getColumn().getId())
        && c.getColumn().getName().toUpperCase(Locale.ROOT).startsWith("_PARTITION");
  }

  private static TimePartitioning partitioning(ResolvedExpr e, Map<Long, String> columns) {
    if (e instanceof ResolvedExpressionColumn || isPseudoColumn(e, columns)) {
      return new TimePartitioning().setType("DAY");
    }
    if (e instanceof ResolvedColumnRef c && columns.containsKey(c.getColumn().getId())) {
      return new TimePartitioning().setType("DAY").setField(columns.get(c.getColumn().getId()));
    }
    if (e instanceof ResolvedFunctionCall f) {
      String name = f.getFunction().getName().toLowerCase(Locale.ROOT);
      ResolvedExpr arg = f.getArgumentList().get(0);
      String type = "DAY";
      if (name.endsWith("_trunc")
          && f.getArgumentList().size() > 1
          && f.getArgumentList().get(1) instanceof ResolvedLiteral part) {
        type = part.getValue().getEnumName().toUpperCase(Locale.ROOT);
      } else if (!name.equals("date")) {
        throw ApiException.notSupported("PARTITION BY " + name.toUpperCase(Locale.ROOT));
      }
      while (arg instanceof com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCast cast) {
        arg = cast.getExpr();
      }
      if (arg instanceof ResolvedExpressionColumn || isPseudoColumn(arg, columns)) {
        return new TimePartitioning().setType(type);
      }
      if (arg instanceof ResolvedColumnRef c && columns.containsKey(c.getColumn().getId())) {
        return new TimePartitioning().setType(type).setField(columns.get(c.getColumn().getId()));
      }
    }
    log.debug("unrecognised PARTITION BY expression {}", e.getClass().getSimpleName());
    throw ApiException.invalidQuery(
        "PARTITION BY expression must be a DATE column, DATE(timestamp_column), a *_TRUNC of a"
            + " column, or _PARTITIONDATE",
        null);
  }

  private void drop(ResolvedDropStmt s, StatementTables tables) {
    refuseDdlInTransaction();
    if (!s.getObjectType().equalsIgnoreCase("TABLE")) {
      throw ApiException.notSupported("DROP " + s.getObjectType());
    }
    TableReference ref = tables.resolve(s.getNamePath());
    ddlTarget = ref;
    writing(
        () -> {
          if (!storage.deleteTable(ref)) {
            if (!s.getIsIfExists()) {
              throw tables.notFound(ref);
            }
            ddlOperation = "SKIP";
          } else {
            ddlOperation = "DROP";
          }
          return null;
        });
  }

  private void alter(ResolvedAlterTableStmt s, StatementTables tables) {
    refuseDdlInTransaction();
    TableReference ref = tables.resolve(s.getNamePath());
    ddlTarget = ref;
    writing(
        () -> {
          Table current = storage.table(ref).orElse(null);
          if (current == null) {
            if (s.getIsIfExists()) {
              ddlOperation = "SKIP";
              return null;
            }
            throw tables.notFound(ref);
          }
          List<TableFieldSchema> fields =
              new ArrayList<>(
                  current.getSchema() == null || current.getSchema().getFields() == null
                      ? List.of()
                      : current.getSchema().getFields());
          Table patch = new Table();
          boolean schemaChanged = false;
          for (ResolvedAlterAction action : s.getAlterActionList()) {
            if (action instanceof ResolvedAddColumnAction add) {
              ResolvedColumnDefinition d = add.getColumnDefinition();
              boolean exists =
                  fields.stream().anyMatch(f -> f.getName().equalsIgnoreCase(d.getName()));
              if (exists) {
                if (add.getIsIfNotExists()) {
                  continue;
                }
                throw ApiException.invalidQuery("Column already exists: " + d.getName(), null);
              }
              TableFieldSchema field = field(d.getName(), d.getType(), d.getAnnotations());
              if ("REQUIRED".equals(field.getMode())) {
                throw ApiException.invalidQuery(
                    "Cannot add a REQUIRED column " + d.getName() + " to an existing table", null);
              }
              fields.add(field);
              schemaChanged = true;
            } else if (action instanceof ResolvedSetOptionsAction set) {
              for (ResolvedOption option : set.getOptionList()) {
                if (option.getName().equalsIgnoreCase("description")) {
                  patch.setDescription(stringOption(option));
                } else {
                  throw ApiException.notSupported(
                      "ALTER TABLE SET OPTIONS(" + option.getName() + ")");
                }
              }
            } else {
              throw ApiException.notSupported(
                  "ALTER TABLE "
                      + action
                          .getClass()
                          .getSimpleName()
                          .replace("Resolved", "")
                          .replace("Action", ""));
            }
          }
          if (schemaChanged) {
            patch.setSchema(new TableSchema().setFields(fields));
          }
          storage.patchTable(ref, patch);
          ddlOperation = "ALTER";
          return null;
        });
  }

  private void assertion(ResolvedAssertStmt s, StatementTables tables) {
    QueryCompiler compiler = compiler(tables);
    Object value = scalar("SELECT " + compiler.expressions().expr(s.getExpression()));
    if (!Boolean.TRUE.equals(value)) {
      String description = s.getDescription();
      throw ApiException.invalidQuery(
          description == null || description.isEmpty() ? "Assertion failed" : description, null);
    }
  }
}
