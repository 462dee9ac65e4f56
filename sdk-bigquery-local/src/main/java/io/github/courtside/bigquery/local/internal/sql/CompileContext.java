package io.github.courtside.bigquery.local.internal.sql;

import com.google.zetasql.Table;
import com.google.zetasql.resolvedast.ResolvedColumn;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What compiling one statement needs besides its tree: the parameters as DuckDB literals, the
 * statement's clock reading, the physical names of catalog tables, the column lists of the WITH
 * queries in scope, and column names that are not the default {@code c<id>} (DML targets).
 */
final class CompileContext {
  final Map<String, String> namedParameters;
  final List<String> positionalParameters;
  final Instant now;
  final Function<Table, String> physicalName;
  final Map<Long, String> columnNames = new HashMap<>();
  private final Deque<Map<String, List<ResolvedColumn>>> withScopes = new ArrayDeque<>();
  private int aliases;

  CompileContext(
      Map<String, String> namedParameters,
      List<String> positionalParameters,
      Instant now,
      Function<Table, String> physicalName) {
    this.namedParameters = namedParameters;
    this.positionalParameters = positionalParameters;
    this.now = now;
    this.physicalName = physicalName;
  }

  /** A fresh subquery alias. */
  String alias() {
    return "s" + (++aliases);
  }

  String column(ResolvedColumn column) {
    String name = columnNames.get(column.getId());
    return name != null ? name : DuckDbText.column(column.getId());
  }

  void pushWith() {
    withScopes.push(new HashMap<>());
  }

  void popWith() {
    withScopes.pop();
  }

  void defineWith(String name, List<ResolvedColumn> columns) {
    withScopes.peek().put(name, columns);
  }

  List<ResolvedColumn> withColumns(String name) {
    for (Map<String, List<ResolvedColumn>> scope : withScopes) {
      List<ResolvedColumn> columns = scope.get(name);
      if (columns != null) {
        return columns;
      }
    }
    throw new IllegalStateException("WITH query " + name + " is not in scope");
  }
}
