package io.github.courtside.bigquery.local.internal.sql;

import com.google.zetasql.resolvedast.ResolvedColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAggregateScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAnalyticFunctionGroup;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAnalyticScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedArrayScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedColumnRef;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedComputedColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedComputedColumnBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCube;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFilterScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedGroupingSet;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedGroupingSetBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedGroupingSetMultiColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedJoinScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLimitOffsetScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOrderByItem;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOrderByScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedProjectScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedRollup;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSetOperationItem;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSetOperationScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSingleRowScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedTableScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWithEntry;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWithRefScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWithScan;
import com.google.zetasql.resolvedast.ResolvedOrderByItemEnums.NullOrderMode;
import com.google.zetasql.resolvedast.ResolvedSetOperationScanEnums.SetOperationColumnMatchMode;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles resolved scans to DuckDB SELECTs. Every scan becomes a SELECT whose output columns are
 * named {@code c<id>} after its resolved columns, so names never clash across subqueries and
 * correlated references resolve by name.
 */
final class QueryCompiler {
  private final CompileContext context;
  private final ExpressionCompiler expressions;

  QueryCompiler(CompileContext context) {
    this.context = context;
    this.expressions = new ExpressionCompiler(context, this);
  }

  ExpressionCompiler expressions() {
    return expressions;
  }

  CompileContext context() {
    return context;
  }

  /**
   * A SELECT of {@code select} (already rendered items) over the scan, keeping the scan's ORDER BY
   * and LIMIT in the outermost SELECT so the order survives.
   */
  String selectOrdered(ResolvedScan scan, String select) {
    ResolvedScan inner = scan;
    String limit = "";
    if (inner instanceof ResolvedLimitOffsetScan l
        && l.getInputScan() instanceof ResolvedOrderByScan) {
      limit = limitClause(l);
      inner = l.getInputScan();
    }
    if (inner instanceof ResolvedOrderByScan order) {
      return "SELECT "
          + select
          + " FROM ("
          + scan(order.getInputScan())
          + ") AS "
          + context.alias()
          + " ORDER BY "
          + orderBy(order.getOrderByItemList())
          + limit;
    }
    return "SELECT " + select + " FROM (" + scan(scan) + ") AS " + context.alias();
  }

  /** The DuckDB SELECT of a scan, with one output column {@code c<id>} per resolved column. */
  String scan(ResolvedScan scan) {
    if (scan instanceof ResolvedTableScan s) {
      return tableScan(s);
    }
    if (scan instanceof ResolvedProjectScan s) {
      return project(s.getColumnList(), s.getExprList(), s.getInputScan());
    }
    if (scan instanceof ResolvedFilterScan s) {
      return "SELECT "
          + columns(s.getColumnList())
          + " FROM ("
          + scan(s.getInputScan())
          + ") AS "
          + context.alias()
          + " WHERE "
          + expressions.expr(s.getFilterExpr());
    }
    if (scan instanceof ResolvedSingleRowScan) {
      return "SELECT NULL AS single_row";
    }
    if (scan instanceof ResolvedJoinScan s) {
      return join(s);
    }
    if (scan instanceof ResolvedAggregateScan s) {
      return aggregate(s);
    }
    if (scan instanceof ResolvedAnalyticScan s) {
      return analytic(s);
    }
    if (scan instanceof ResolvedOrderByScan s) {
      return "SELECT "
          + columns(s.getColumnList())
          + " FROM ("
          + scan(s.getInputScan())
          + ") AS "
          + context.alias()
          + " ORDER BY "
          + orderBy(s.getOrderByItemList());
    }
    if (scan instanceof ResolvedLimitOffsetScan s) {
      if (s.getInputScan() instanceof ResolvedOrderByScan) {
        return selectOrdered(s, columns(s.getColumnList()));
      }
      return "SELECT "
          + columns(s.getColumnList())
          + " FROM ("
          + scan(s.getInputScan())
          + ") AS "
          + context.alias()
          + limitClause(s);
    }
    if (scan instanceof ResolvedSetOperationScan s) {
      return setOperation(s);
    }
    if (scan instanceof ResolvedWithScan s) {
      return with(s);
    }
    if (scan instanceof ResolvedWithRefScan s) {
      List<ResolvedColumn> defined = context.withColumns(s.getWithQueryName());
      List<String> items = new ArrayList<>();
      for (int i = 0; i < s.getColumnList().size(); i++) {
        items.add(
            DuckDbText.column(defined.get(i).getId())
                + " AS "
                + context.column(s.getColumnList().get(i)));
      }
      return "SELECT "
          + selectItems(items)
          + " FROM "
          + withName(s.getWithQueryName())
          + " AS "
          + context.alias();
    }
    if (scan instanceof ResolvedArrayScan s) {
      return arrayScan(s);
    }
    throw ApiException.notSupported(describe(scan));
  }

  static String describe(ResolvedScan scan) {
    String name = scan.getClass().getSimpleName().replace("Resolved", "");
    return switch (name) {
      case "PivotScan" -> "PIVOT";
      case "UnpivotScan" -> "UNPIVOT";
      case "TVFScan" -> "table-valued functions";
      case "SampleScan" -> "TABLESAMPLE";
      case "RecursiveScan", "RecursiveRefScan" -> "WITH RECURSIVE";
      default -> "query construct " + name;
    };
  }

  private String tableScan(ResolvedTableScan s) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < s.getColumnList().size(); i++) {
      String name = s.getTable().getColumn(s.getColumnIndexList().get(i).intValue()).getName();
      items.add(DuckDbText.identifier(name) + " AS " + context.column(s.getColumnList().get(i)));
    }
    if (s.getForSystemTimeExpr() != null) {
      throw ApiException.notSupported("FOR SYSTEM_TIME AS OF");
    }
    return "SELECT " + selectItems(items) + " FROM " + context.physicalName.apply(s.getTable());
  }

  String project(
      List<ResolvedColumn> output, List<ResolvedComputedColumn> computed, ResolvedScan input) {
    Map<Long, String> exprs = new HashMap<>();
    for (ResolvedComputedColumn c : computed) {
      exprs.put(c.getColumn().getId(), expressions.expr(c.getExpr()));
    }
    List<String> items = new ArrayList<>();
    for (ResolvedColumn column : output) {
      String expr = exprs.get(column.getId());
      items.add(expr == null ? context.column(column) : expr + " AS " + context.column(column));
    }
    return "SELECT " + selectItems(items) + " FROM (" + scan(input) + ") AS " + context.alias();
  }

  private String join(ResolvedJoinScan s) {
    String kind =
        switch (s.getJoinType()) {
          case INNER -> s.getJoinExpr() == null ? "CROSS JOIN" : "INNER JOIN";
          case LEFT -> "LEFT JOIN";
          case RIGHT -> "RIGHT JOIN";
          case FULL -> "FULL JOIN";
          default -> throw ApiException.notSupported("join type " + s.getJoinType());
        };
    String on =
        s.getJoinExpr() == null
            ? (kind.equals("CROSS JOIN") ? "" : " ON TRUE")
            : " ON " + expressions.expr(s.getJoinExpr());
    return "SELECT "
        + columns(s.getColumnList())
        + " FROM ("
        + scan(s.getLeftScan())
        + ") AS "
        + context.alias()
        + " "
        + kind
        + " ("
        + scan(s.getRightScan())
        + ") AS "
        + context.alias()
        + on;
  }

  private String aggregate(ResolvedAggregateScan s) {
    if (!s.getGroupingCallList().isEmpty()) {
      throw ApiException.notSupported("GROUPING()");
    }
    String input = scan(s.getInputScan());
    List<String> keys = new ArrayList<>();
    List<String> pre = new ArrayList<>();
    for (ResolvedComputedColumn key : s.getGroupByList()) {
      pre.add(expressions.expr(key.getExpr()) + " AS " + context.column(key.getColumn()));
      keys.add(context.column(key.getColumn()));
    }
    String from =
        pre.isEmpty()
            ? "(" + input + ") AS " + context.alias()
            : "(SELECT *, "
                + String.join(", ", pre)
                + " FROM ("
                + input
                + ") AS "
                + context.alias()
                + ") AS "
                + context.alias();
    List<String> items = new ArrayList<>(keys);
    for (ResolvedComputedColumnBase agg : s.getAggregateList()) {
      items.add(expressions.aggregate(agg.getExpr()) + " AS " + context.column(agg.getColumn()));
    }
    String groupBy = "";
    if (!s.getGroupingSetList().isEmpty()) {
      List<String> sets = new ArrayList<>();
      for (ResolvedGroupingSetBase set : s.getGroupingSetList()) {
        sets.add(groupingSet(set));
      }
      groupBy = " GROUP BY GROUPING SETS (" + String.join(", ", sets) + ")";
    } else if (!s.getRollupColumnList().isEmpty()) {
      List<String> cols = new ArrayList<>();
      for (ResolvedColumnRef ref : s.getRollupColumnList()) {
        cols.add(context.column(ref.getColumn()));
      }
      groupBy = " GROUP BY ROLLUP (" + String.join(", ", cols) + ")";
    } else if (!keys.isEmpty()) {
      groupBy = " GROUP BY " + String.join(", ", keys);
    }
    return "SELECT " + selectItems(items) + " FROM " + from + groupBy;
  }

  private String groupingSet(ResolvedGroupingSetBase set) {
    if (set instanceof ResolvedGroupingSet g) {
      List<String> cols = new ArrayList<>();
      for (ResolvedColumnRef ref : g.getGroupByColumnList()) {
        cols.add(context.column(ref.getColumn()));
      }
      return "(" + String.join(", ", cols) + ")";
    }
    if (set instanceof ResolvedRollup r) {
      return "ROLLUP (" + multiColumns(r.getRollupColumnList()) + ")";
    }
    if (set instanceof ResolvedCube c) {
      return "CUBE (" + multiColumns(c.getCubeColumnList()) + ")";
    }
    throw ApiException.notSupported("grouping set " + set.getClass().getSimpleName());
  }

  private String multiColumns(List<ResolvedGroupingSetMultiColumn> list) {
    List<String> parts = new ArrayList<>();
    for (ResolvedGroupingSetMultiColumn m : list) {
      List<String> cols = new ArrayList<>();
      for (ResolvedColumnRef ref : m.getColumnList()) {
        cols.add(context.column(ref.getColumn()));
      }
      parts.add(cols.size() == 1 ? cols.get(0) : "(" + String.join(", ", cols) + ")");
    }
    return String.join(", ", parts);
  }

  private String analytic(ResolvedAnalyticScan s) {
    List<String> items = new ArrayList<>();
    for (ResolvedColumn column : s.getInputScan().getColumnList()) {
      items.add(context.column(column));
    }
    for (ResolvedAnalyticFunctionGroup group : s.getFunctionGroupList()) {
      StringBuilder window = new StringBuilder();
      if (group.getPartitionBy() != null) {
        List<String> parts = new ArrayList<>();
        for (ResolvedColumnRef ref : group.getPartitionBy().getPartitionByList()) {
          parts.add(context.column(ref.getColumn()));
        }
        window.append("PARTITION BY ").append(String.join(", ", parts));
      }
      if (group.getOrderBy() != null) {
        if (window.length() > 0) {
          window.append(' ');
        }
        window.append("ORDER BY ").append(orderBy(group.getOrderBy().getOrderByItemList()));
      }
      for (ResolvedComputedColumnBase f : group.getAnalyticFunctionList()) {
        items.add(
            expressions.analytic(f.getExpr(), window.toString())
                + " AS "
                + context.column(f.getColumn()));
      }
    }
    return "SELECT "
        + selectItems(items)
        + " FROM ("
        + scan(s.getInputScan())
        + ") AS "
        + context.alias();
  }

  String orderBy(List<ResolvedOrderByItem> items) {
    List<String> parts = new ArrayList<>();
    for (ResolvedOrderByItem item : items) {
      boolean desc = item.getIsDescending();
      NullOrderMode nulls = item.getNullOrder();
      boolean nullsFirst =
          nulls == NullOrderMode.NULLS_FIRST || (nulls != NullOrderMode.NULLS_LAST && !desc);
      parts.add(
          context.column(item.getColumnRef().getColumn())
              + (desc ? " DESC" : " ASC")
              + (nullsFirst ? " NULLS FIRST" : " NULLS LAST"));
    }
    return String.join(", ", parts);
  }

  private String limitClause(ResolvedLimitOffsetScan s) {
    String text = "";
    if (s.getLimit() != null) {
      text += " LIMIT " + expressions.expr(s.getLimit());
    }
    if (s.getOffset() != null) {
      text += " OFFSET " + expressions.expr(s.getOffset());
    }
    return text;
  }

  private String setOperation(ResolvedSetOperationScan s) {
    if (s.getColumnMatchMode() != SetOperationColumnMatchMode.BY_POSITION) {
      throw ApiException.notSupported("set operations matching columns BY NAME / CORRESPONDING");
    }
    String op =
        switch (s.getOpType()) {
          case UNION_ALL -> " UNION ALL ";
          case UNION_DISTINCT -> " UNION ";
          case INTERSECT_ALL -> " INTERSECT ALL ";
          case INTERSECT_DISTINCT -> " INTERSECT ";
          case EXCEPT_ALL -> " EXCEPT ALL ";
          case EXCEPT_DISTINCT -> " EXCEPT ";
          default -> throw ApiException.notSupported("set operation " + s.getOpType());
        };
    List<String> branches = new ArrayList<>();
    for (ResolvedSetOperationItem item : s.getInputItemList()) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < item.getOutputColumnList().size(); i++) {
        items.add(
            context.column(item.getOutputColumnList().get(i))
                + " AS "
                + context.column(s.getColumnList().get(i)));
      }
      branches.add(
          "(SELECT "
              + selectItems(items)
              + " FROM ("
              + scan(item.getScan())
              + ") AS "
              + context.alias()
              + ")");
    }
    return "SELECT * FROM (" + String.join(op, branches) + ") AS " + context.alias();
  }

  private String with(ResolvedWithScan s) {
    if (s.getRecursive()) {
      throw ApiException.notSupported("WITH RECURSIVE");
    }
    context.pushWith();
    try {
      List<String> entries = new ArrayList<>();
      for (ResolvedWithEntry entry : s.getWithEntryList()) {
        entries.add(
            withName(entry.getWithQueryName()) + " AS (" + scan(entry.getWithSubquery()) + ")");
        context.defineWith(entry.getWithQueryName(), entry.getWithSubquery().getColumnList());
      }
      return "WITH "
          + String.join(", ", entries)
          + " SELECT "
          + columns(s.getColumnList())
          + " FROM ("
          + scan(s.getQuery())
          + ") AS "
          + context.alias();
    } finally {
      context.popWith();
    }
  }

  private static String withName(String name) {
    return DuckDbText.identifier("with_" + name);
  }

  private String arrayScan(ResolvedArrayScan s) {
    if (s.getArrayExprList().size() != 1) {
      throw ApiException.notSupported("UNNEST of several arrays");
    }
    String array = expressions.expr(s.getArrayExprList().get(0));
    List<String> unnest = new ArrayList<>();
    unnest.add("UNNEST(" + array + ") AS " + context.column(s.getElementColumnList().get(0)));
    if (s.getArrayOffsetColumn() != null) {
      unnest.add(
          "UNNEST(range(0, len("
              + array
              + "))) AS "
              + context.column(s.getArrayOffsetColumn().getColumn()));
    }
    String unnested = "SELECT " + String.join(", ", unnest);
    if (s.getInputScan() == null) {
      String where = s.getJoinExpr() == null ? "" : " WHERE " + expressions.expr(s.getJoinExpr());
      if (s.getIsOuter()) {
        throw ApiException.notSupported("LEFT JOIN UNNEST without a left side");
      }
      return "SELECT "
          + columns(s.getColumnList())
          + " FROM ("
          + unnested
          + ") AS "
          + context.alias()
          + where;
    }
    String on = s.getJoinExpr() == null ? "TRUE" : expressions.expr(s.getJoinExpr());
    return "SELECT "
        + columns(s.getColumnList())
        + " FROM ("
        + scan(s.getInputScan())
        + ") AS "
        + context.alias()
        + (s.getIsOuter() ? " LEFT JOIN LATERAL (" : " INNER JOIN LATERAL (")
        + unnested
        + ") AS "
        + context.alias()
        + " ON "
        + on;
  }

  String columns(List<ResolvedColumn> columns) {
    List<String> items = new ArrayList<>();
    for (ResolvedColumn column : columns) {
      items.add(context.column(column));
    }
    return selectItems(items);
  }

  private static String selectItems(List<String> items) {
    return items.isEmpty() ? "NULL AS no_columns" : String.join(", ", items);
  }
}
