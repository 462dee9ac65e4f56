package io.github.courtside.bigquery.local.internal.sql;

import com.google.zetasql.StructType;
import com.google.zetasql.Type;
import com.google.zetasql.resolvedast.ResolvedColumn;
import com.google.zetasql.resolvedast.ResolvedFunctionCallBaseEnums.ErrorMode;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAggregateFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedAnalyticFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCast;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedColumnRef;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCallBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedGetStructField;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedMakeStruct;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedParameter;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedSubqueryExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWindowFrame;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedWindowFrameExpr;
import com.google.zetasql.resolvedast.ResolvedNonScalarFunctionCallBaseEnums.NullHandlingModifier;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compiles resolved expressions to DuckDB expressions with BigQuery's semantics. */
final class ExpressionCompiler {
  private final CompileContext context;
  private final QueryCompiler queries;

  ExpressionCompiler(CompileContext context, QueryCompiler queries) {
    this.context = context;
    this.queries = queries;
  }

  CompileContext context() {
    return context;
  }

  String expr(ResolvedExpr e) {
    if (e instanceof ResolvedLiteral l) {
      return DuckDbLiterals.of(l.getValue());
    }
    if (e instanceof ResolvedColumnRef c) {
      return context.column(c.getColumn());
    }
    if (e instanceof ResolvedParameter p) {
      return parameter(p);
    }
    if (e instanceof ResolvedCast c) {
      return cast(c);
    }
    if (e instanceof ResolvedFunctionCall f) {
      return function(f);
    }
    if (e instanceof ResolvedMakeStruct m) {
      List<String> fields = new ArrayList<>();
      for (ResolvedExpr field : m.getFieldList()) {
        fields.add(expr(field));
      }
      return DuckDbLiterals.struct(fields, m.getType());
    }
    if (e instanceof ResolvedGetStructField g) {
      StructType.StructField field =
          g.getExpr().getType().asStruct().getField((int) g.getFieldIdx());
      return "struct_extract("
          + expr(g.getExpr())
          + ", "
          + DuckDbText.string(ZetaTypes.fieldName(field, (int) g.getFieldIdx()))
          + ")";
    }
    if (e instanceof ResolvedSubqueryExpr s) {
      return subquery(s);
    }
    if (e instanceof ResolvedAggregateFunctionCall || e instanceof ResolvedAnalyticFunctionCall) {
      throw ApiException.notSupported("aggregate function outside an aggregation");
    }
    throw ApiException.notSupported(
        "expression " + e.getClass().getSimpleName().replace("Resolved", ""));
  }

  List<String> arguments(ResolvedFunctionCallBase call) {
    List<String> args = new ArrayList<>();
    for (ResolvedExpr arg : call.getArgumentList()) {
      if (arg instanceof ResolvedLiteral l && l.getValue().getType().isEnum()) {
        args.add(l.getValue().getEnumName());
      } else {
        args.add(expr(arg));
      }
    }
    return args;
  }

  private String parameter(ResolvedParameter p) {
    if (p.getName() != null && !p.getName().isEmpty()) {
      String value = context.namedParameters.get(p.getName().toLowerCase(Locale.ROOT));
      if (value == null) {
        throw ApiException.invalidQuery("Query parameter '" + p.getName() + "' not found", null);
      }
      return value;
    }
    int index = (int) p.getPosition() - 1;
    if (index < 0 || index >= context.positionalParameters.size()) {
      throw ApiException.invalidQuery(
          "Positional query parameter " + p.getPosition() + " not found", null);
    }
    return context.positionalParameters.get(index);
  }

  private String cast(ResolvedCast c) {
    if (c.getFormat() != null || c.getTimeZone() != null) {
      throw ApiException.notSupported("CAST ... FORMAT");
    }
    Type from = c.getExpr().getType();
    Type to = c.getType();
    String value = expr(c.getExpr());
    String cast = c.getReturnNullOnError() ? "TRY_CAST" : "CAST";
    if (from.isDouble() && to.isString()) {
      // BigQuery prints whole doubles without ".0"; DuckDB prints "1.0".
      return "CASE WHEN isfinite("
          + value
          + ") AND "
          + value
          + " = trunc("
          + value
          + ") AND abs("
          + value
          + ") < 1e15 THEN CAST(CAST("
          + value
          + " AS BIGINT) AS VARCHAR) ELSE lower(CAST("
          + value
          + " AS VARCHAR)) END";
    }
    if (from.isDouble() && to.isInt64()) {
      return cast + "(round(" + value + ") AS BIGINT)";
    }
    if (from.getKind() == to.getKind() && from.isSimpleType()) {
      return value;
    }
    return cast + "(" + value + " AS " + ZetaTypes.duckDb(to) + ")";
  }

  private String function(ResolvedFunctionCall f) {
    String name = f.getFunction().getName().toLowerCase(Locale.ROOT);
    String sql = FunctionCatalog.scalar(name).render(f, arguments(f), this);
    if (f.getErrorMode() == ErrorMode.SAFE_ERROR_MODE) {
      return "TRY(" + sql + ")";
    }
    return sql;
  }

  /** An aggregate call (in an AggregateScan) with DISTINCT, IGNORE NULLS, ORDER BY and LIMIT. */
  String aggregate(ResolvedExpr e) {
    if (!(e instanceof ResolvedAggregateFunctionCall call)) {
      throw ApiException.notSupported("aggregate expression " + e.getClass().getSimpleName());
    }
    if (call.getHavingModifier() != null) {
      throw ApiException.notSupported("aggregate HAVING MAX/MIN");
    }
    if (!call.getGroupByList().isEmpty()) {
      throw ApiException.notSupported("multi-level aggregation");
    }
    String name = call.getFunction().getName().toLowerCase(Locale.ROOT);
    List<String> args = arguments(call);
    AggregateShape shape =
        new AggregateShape(
            call.getDistinct(),
            call.getNullHandlingModifier() == NullHandlingModifier.IGNORE_NULLS,
            call.getOrderByItemList().isEmpty() ? "" : " ORDER BY " + orderItems(call),
            call.getLimit() == null ? null : expr(call.getLimit()),
            "");
    String sql = FunctionCatalog.aggregate(name).render(call, args, shape);
    return call.getErrorMode() == ErrorMode.SAFE_ERROR_MODE ? "TRY(" + sql + ")" : sql;
  }

  private String orderItems(ResolvedAggregateFunctionCall call) {
    List<String> parts = new ArrayList<>();
    for (var item : call.getOrderByItemList()) {
      boolean desc = item.getIsDescending();
      boolean nullsFirst =
          switch (item.getNullOrder()) {
            case NULLS_FIRST -> true;
            case NULLS_LAST -> false;
            default -> !desc;
          };
      parts.add(
          expr(item.getColumnRef())
              + (desc ? " DESC" : " ASC")
              + (nullsFirst ? " NULLS FIRST" : " NULLS LAST"));
    }
    return String.join(", ", parts);
  }

  /** An analytic call with its window (PARTITION BY / ORDER BY already rendered) and frame. */
  String analytic(ResolvedExpr e, String window) {
    if (!(e instanceof ResolvedAnalyticFunctionCall call)) {
      throw ApiException.notSupported("analytic expression " + e.getClass().getSimpleName());
    }
    String name = call.getFunction().getName().toLowerCase(Locale.ROOT);
    String frame = frame(call.getWindowFrame());
    String over =
        " OVER (" + window + (window.isEmpty() || frame.isEmpty() ? "" : " ") + frame + ")";
    AggregateShape shape =
        new AggregateShape(
            call.getDistinct(),
            call.getNullHandlingModifier() == NullHandlingModifier.IGNORE_NULLS,
            "",
            null,
            over);
    return FunctionCatalog.analytic(name).render(call, arguments(call), shape);
  }

  private String frame(ResolvedWindowFrame frame) {
    if (frame == null) {
      return "";
    }
    String unit =
        switch (frame.getFrameUnit()) {
          case ROWS -> "ROWS";
          case RANGE -> "RANGE";
          default -> throw ApiException.notSupported("window frame unit " + frame.getFrameUnit());
        };
    return unit
        + " BETWEEN "
        + boundary(frame.getStartExpr())
        + " AND "
        + boundary(frame.getEndExpr());
  }

  private String boundary(ResolvedWindowFrameExpr b) {
    return switch (b.getBoundaryType()) {
      case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
      case OFFSET_PRECEDING -> expr(b.getExpression()) + " PRECEDING";
      case CURRENT_ROW -> "CURRENT ROW";
      case OFFSET_FOLLOWING -> expr(b.getExpression()) + " FOLLOWING";
      case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
      default -> throw ApiException.notSupported("window frame boundary " + b.getBoundaryType());
    };
  }

  private String subquery(ResolvedSubqueryExpr s) {
    List<ResolvedColumn> columns = s.getSubquery().getColumnList();
    switch (s.getSubqueryType()) {
      case SCALAR:
        return "(" + queries.selectOrdered(s.getSubquery(), context.column(columns.get(0))) + ")";
      case ARRAY:
        return "ARRAY("
            + queries.selectOrdered(s.getSubquery(), context.column(columns.get(0)))
            + ")";
      case EXISTS:
        return "EXISTS (" + queries.scan(s.getSubquery()) + ")";
      case IN:
        return "("
            + expr(s.getInExpr())
            + " IN ("
            + queries.selectOrdered(s.getSubquery(), context.column(columns.get(0)))
            + "))";
      default:
        throw ApiException.notSupported("subquery " + s.getSubqueryType());
    }
  }

  /** How an aggregate or analytic call is decorated. */
  record AggregateShape(
      boolean distinct,
      boolean ignoreNulls,
      String orderBy,
      @org.jspecify.annotations.Nullable String limit,
      String over) {}
}
