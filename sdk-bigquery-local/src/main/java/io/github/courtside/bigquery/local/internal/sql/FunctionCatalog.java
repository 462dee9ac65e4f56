package io.github.courtside.bigquery.local.internal.sql;

import com.google.zetasql.Type;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExpr;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCall;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedFunctionCallBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedLiteral;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.sql.ExpressionCompiler.AggregateShape;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * GoogleSQL functions as DuckDB SQL, one entry per ZetaSQL function name. Each entry renders the
 * call from its already compiled arguments (date parts and other enum arguments arrive as their
 * names, e.g. {@code DAY}). Add a function by adding one line to {@link #SCALAR}, {@link
 * #AGGREGATE} or {@link #ANALYTIC}; anything absent is "not supported by the local server: function
 * NAME".
 */
final class FunctionCatalog {
  /** Renders a scalar call. */
  interface Scalar {
    String render(ResolvedFunctionCall call, List<String> args, ExpressionCompiler compiler);
  }

  /** Renders an aggregate or analytic call. */
  interface Aggregate {
    String render(ResolvedFunctionCallBase call, List<String> args, AggregateShape shape);
  }

  private static final Map<String, Scalar> SCALAR = new HashMap<>();
  private static final Map<String, Aggregate> AGGREGATE = new HashMap<>();
  private static final Map<String, Aggregate> ANALYTIC = new HashMap<>();

  private FunctionCatalog() {}

  static Scalar scalar(String name) {
    Scalar s = SCALAR.get(name);
    if (s == null) {
      throw ApiException.notSupported("function " + display(name));
    }
    return s;
  }

  static Aggregate aggregate(String name) {
    Aggregate a = AGGREGATE.get(name);
    if (a == null) {
      throw ApiException.notSupported("aggregate function " + display(name));
    }
    return a;
  }

  static Aggregate analytic(String name) {
    Aggregate a = ANALYTIC.get(name);
    if (a == null) {
      a = AGGREGATE.get(name);
    }
    if (a == null) {
      throw ApiException.notSupported("analytic function " + display(name));
    }
    return a;
  }

  /** The names this catalog compiles, for the README. */
  static Set<String> supported() {
    Set<String> names = new TreeSet<>();
    SCALAR.keySet().forEach(n -> names.add(display(n)));
    AGGREGATE.keySet().forEach(n -> names.add(display(n)));
    ANALYTIC.keySet().forEach(n -> names.add(display(n)));
    return Collections.unmodifiableSet(names);
  }

  private static String display(String name) {
    return name.startsWith("$") ? "operator " + name.substring(1) : name.toUpperCase(Locale.ROOT);
  }

  // ---- helpers ----

  private static void scalar(String name, Scalar s) {
    SCALAR.put(name, s);
  }

  private static void direct(String name, String duckName) {
    scalar(name, (c, a, x) -> duckName + "(" + String.join(", ", a) + ")");
  }

  private static void infix(String name, String op) {
    scalar(name, (c, a, x) -> "(" + String.join(" " + op + " ", a) + ")");
  }

  private static Type resultType(ResolvedFunctionCallBase call) {
    return call.getType();
  }

  private static String castTo(String sql, ResolvedFunctionCallBase call) {
    return "CAST(" + sql + " AS " + ZetaTypes.duckDb(resultType(call)) + ")";
  }

  private static String nullIfAnyNull(List<String> args, String sql) {
    List<String> tests = new ArrayList<>();
    for (String a : args) {
      tests.add(a + " IS NULL");
    }
    return "CASE WHEN " + String.join(" OR ", tests) + " THEN NULL ELSE " + sql + " END";
  }

  private static String part(String enumName) {
    return enumName.toUpperCase(Locale.ROOT);
  }

  private static String interval(String amount, String part) {
    return switch (part(part)) {
      case "MICROSECOND" -> "to_microseconds(" + amount + ")";
      case "MILLISECOND" -> "to_milliseconds(" + amount + ")";
      case "SECOND" -> "to_seconds(" + amount + ")";
      case "MINUTE" -> "to_minutes(" + amount + ")";
      case "HOUR" -> "to_hours(" + amount + ")";
      case "DAY" -> "to_days(" + amount + ")";
      case "WEEK" -> "to_days(7 * " + amount + ")";
      case "MONTH" -> "to_months(" + amount + ")";
      case "QUARTER" -> "to_months(3 * " + amount + ")";
      case "YEAR" -> "to_years(" + amount + ")";
      default -> throw ApiException.notSupported("date part " + part);
    };
  }

  private static long unitMicros(String part) {
    return switch (part(part)) {
      case "MICROSECOND" -> 1L;
      case "MILLISECOND" -> 1_000L;
      case "SECOND" -> 1_000_000L;
      case "MINUTE" -> 60_000_000L;
      case "HOUR" -> 3_600_000_000L;
      case "DAY" -> 86_400_000_000L;
      default -> 0L;
    };
  }

  /** DATE_DIFF / DATETIME_DIFF / TIMESTAMP_DIFF: a - b in whole parts, as BigQuery counts them. */
  private static String diff(String a, String b, String part, boolean dateLike) {
    String p = part(part);
    long micros = unitMicros(p);
    if (dateLike && p.equals("DAY")) {
      return "CAST(date_diff('day', " + b + ", " + a + ") AS BIGINT)";
    }
    if (micros > 0) {
      return "CAST((epoch_us(" + a + ") - epoch_us(" + b + ")) // " + micros + " AS BIGINT)";
    }
    return switch (p) {
      case "WEEK" ->
          "CAST(floor(date_diff('day', DATE '1969-12-28', CAST("
              + a
              + " AS DATE)) / 7) - floor(date_diff('day', DATE '1969-12-28', CAST("
              + b
              + " AS DATE)) / 7) AS BIGINT)";
      case "ISOWEEK" -> "CAST(date_diff('week', " + b + ", " + a + ") AS BIGINT)";
      case "MONTH", "QUARTER", "YEAR", "ISOYEAR" ->
          "CAST(date_diff('"
              + (p.equals("ISOYEAR") ? "isoyear" : p.toLowerCase(Locale.ROOT))
              + "', "
              + b
              + ", "
              + a
              + ") AS BIGINT)";
      default -> throw ApiException.notSupported("date part " + part + " in a *_DIFF function");
    };
  }

  private static String trunc(String value, String part, boolean date) {
    String p = part(part);
    String sql =
        switch (p) {
          case "WEEK" ->
              "(CAST(" + value + " AS DATE) - CAST(dayofweek(" + value + ") AS INTEGER))";
          case "ISOWEEK" -> "date_trunc('week', " + value + ")";
          case "ISOYEAR" -> "date_trunc('isoyear', " + value + ")";
          case "MICROSECOND",
              "MILLISECOND",
              "SECOND",
              "MINUTE",
              "HOUR",
              "DAY",
              "MONTH",
              "QUARTER",
              "YEAR" ->
              "date_trunc('" + p.toLowerCase(Locale.ROOT) + "', " + value + ")";
          default ->
              throw ApiException.notSupported("date part " + part + " in a *_TRUNC function");
        };
    return sql;
  }

  private static String extract(String part, String value, Type from) {
    String p = part(part);
    return switch (p) {
      case "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "QUARTER", "DAYOFYEAR", "ISOYEAR" ->
          "CAST(extract('" + p.toLowerCase(Locale.ROOT) + "' FROM " + value + ") AS BIGINT)";
      case "SECOND" -> "CAST(extract('second' FROM " + value + ") AS BIGINT)";
      case "MILLISECOND" -> "CAST(extract('millisecond' FROM " + value + ") % 1000 AS BIGINT)";
      case "MICROSECOND" -> "CAST(extract('microsecond' FROM " + value + ") % 1000000 AS BIGINT)";
      case "DAYOFWEEK" -> "CAST(dayofweek(" + value + ") + 1 AS BIGINT)";
      case "ISOWEEK" -> "CAST(extract('week' FROM " + value + ") AS BIGINT)";
      case "WEEK" -> "CAST(strftime(" + value + ", '%U') AS BIGINT)";
      case "DATE" -> "CAST(" + value + " AS DATE)";
      case "TIME" -> "CAST(" + value + " AS TIME)";
      case "DATETIME" -> "CAST(" + value + " AS TIMESTAMP)";
      default -> throw ApiException.notSupported("EXTRACT(" + part + ")");
    };
  }

  /** BigQuery format elements that DuckDB's strftime/strptime spell differently. */
  static String formatElements(String format) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 >= format.length()) {
        b.append(c);
        continue;
      }
      char n = format.charAt(++i);
      switch (n) {
        case 'F' -> b.append("%Y-%m-%d");
        case 'T' -> b.append("%H:%M:%S");
        case 'D' -> b.append("%m/%d/%y");
        case 'R' -> b.append("%H:%M");
        case 'Z' -> b.append("UTC");
        case 'z' -> b.append("+0000");
        case 'E' -> {
          String rest = format.substring(i + 1);
          if (rest.startsWith("6S") || rest.startsWith("*S")) {
            b.append("%S.%f");
            i += 2;
          } else if (rest.startsWith("3S")) {
            b.append("%S.%g");
            i += 2;
          } else if (rest.startsWith("4Y")) {
            b.append("%Y");
            i += 2;
          } else {
            throw ApiException.notSupported("format element %E" + rest);
          }
        }
        case 'Y',
            'm',
            'd',
            'H',
            'M',
            'S',
            'y',
            'b',
            'B',
            'h',
            'a',
            'A',
            'j',
            'p',
            'I',
            'e',
            'f',
            'U',
            'W',
            'w',
            'u',
            'V',
            'G',
            'C',
            'c',
            'x',
            'X',
            'n',
            't',
            '%' ->
            b.append('%').append(n);
        default -> throw ApiException.notSupported("format element %" + n);
      }
    }
    return b.toString();
  }

  private static String literalFormat(ResolvedFunctionCall call, int index, String what) {
    ResolvedExpr arg = call.getArgumentList().get(index);
    if (arg instanceof ResolvedLiteral l
        && l.getValue().getType().isString()
        && !l.getValue().isNull()) {
      return DuckDbText.string(formatElements(l.getValue().getStringValue()));
    }
    throw ApiException.notSupported(what + " with a format that is not a literal");
  }

  private static int captureGroups(ResolvedFunctionCall call) {
    ResolvedExpr arg = call.getArgumentList().get(1);
    if (!(arg instanceof ResolvedLiteral l) || l.getValue().isNull()) {
      throw ApiException.notSupported("REGEXP_EXTRACT with a pattern that is not a literal");
    }
    String re = l.getValue().getType().isString() ? l.getValue().getStringValue() : "";
    int groups = 0;
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(' && (i + 1 >= re.length() || re.charAt(i + 1) != '?')) {
        groups++;
      }
    }
    if (groups > 1) {
      throw ApiException.invalidQuery(
          "Regular expressions passed into extraction functions must not have more than 1 capturing group",
          null);
    }
    return groups;
  }

  private static String divide(List<String> a, ResolvedFunctionCallBase call) {
    String sql =
        "CASE WHEN "
            + a.get(1)
            + " = 0 THEN error('division by zero: ' || CAST("
            + a.get(0)
            + " AS VARCHAR) || ' / ' || CAST("
            + a.get(1)
            + " AS VARCHAR)) ELSE "
            + a.get(0)
            + " / "
            + a.get(1)
            + " END";
    return castTo(sql, call);
  }

  private static String format(ResolvedFunctionCall call, List<String> a) {
    ResolvedExpr fmt = call.getArgumentList().get(0);
    if (!(fmt instanceof ResolvedLiteral l) || l.getValue().isNull()) {
      throw ApiException.notSupported("FORMAT with a format that is not a literal");
    }
    String text = l.getValue().getStringValue();
    List<String> args = new ArrayList<>();
    args.add(DuckDbText.string(text.replace("%i", "%d")));
    int arg = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != '%') {
        continue;
      }
      int j = i + 1;
      while (j < text.length() && "-+ #0123456789.'".indexOf(text.charAt(j)) >= 0) {
        j++;
      }
      if (j >= text.length()) {
        break;
      }
      char conv = text.charAt(j);
      i = j;
      if (conv == '%') {
        continue;
      }
      if (arg >= a.size()) {
        throw ApiException.invalidQuery(
            "Too few arguments to FORMAT for pattern \"" + text + "\"", null);
      }
      Type type = call.getArgumentList().get(arg).getType();
      String value = a.get(arg++);
      switch (conv) {
        case 'd', 'i', 'x', 'X', 'o' -> args.add(value);
        case 'f', 'F', 'e', 'E', 'g', 'G' -> args.add("CAST(" + value + " AS DOUBLE)");
        case 's' -> args.add(type.isString() ? value : "CAST(" + value + " AS VARCHAR)");
        default -> throw ApiException.notSupported("FORMAT specifier %" + conv);
      }
    }
    return "printf(" + String.join(", ", args) + ")";
  }

  private static String arrayAt(List<String> a, boolean ordinal, boolean safe) {
    String index = ordinal ? a.get(1) : "(" + a.get(1) + " + 1)";
    String low = ordinal ? "1" : "0";
    String high = ordinal ? "len(" + a.get(0) + ")" : "len(" + a.get(0) + ") - 1";
    String inRange = a.get(1) + " >= " + low + " AND " + a.get(1) + " <= " + high;
    if (safe) {
      return "CASE WHEN " + inRange + " THEN " + a.get(0) + "[" + index + "] END";
    }
    return "CASE WHEN "
        + a.get(0)
        + " IS NULL OR "
        + a.get(1)
        + " IS NULL THEN NULL WHEN "
        + inRange
        + " THEN "
        + a.get(0)
        + "["
        + index
        + "] ELSE error('Array index ' || CAST("
        + a.get(1)
        + " AS VARCHAR) || ' is out of bounds') END";
  }

  private static String caseNoValue(List<String> a) {
    StringBuilder b = new StringBuilder("CASE");
    int i = 0;
    for (; i + 1 < a.size(); i += 2) {
      b.append(" WHEN ").append(a.get(i)).append(" THEN ").append(a.get(i + 1));
    }
    if (i < a.size()) {
      b.append(" ELSE ").append(a.get(i));
    }
    return b.append(" END").toString();
  }

  private static String caseWithValue(List<String> a) {
    StringBuilder b = new StringBuilder("CASE ").append(a.get(0));
    int i = 1;
    for (; i + 1 < a.size(); i += 2) {
      b.append(" WHEN ").append(a.get(i)).append(" THEN ").append(a.get(i + 1));
    }
    if (i < a.size()) {
      b.append(" ELSE ").append(a.get(i));
    }
    return b.append(" END").toString();
  }

  private static String now(ExpressionCompiler x) {
    return DuckDbLiterals.timestamp(x.context().now);
  }

  static {
    // arithmetic
    scalar(
        "$add",
        (c, a, x) ->
            c.getType().isDate()
                ? "CAST(" + a.get(0) + " + " + a.get(1) + " AS DATE)"
                : "(" + a.get(0) + " + " + a.get(1) + ")");
    scalar(
        "$subtract",
        (c, a, x) -> {
          if (c.getType().isInterval()) {
            throw ApiException.notSupported("subtracting dates or timestamps (INTERVAL results)");
          }
          return c.getType().isDate()
              ? "CAST(" + a.get(0) + " - " + a.get(1) + " AS DATE)"
              : "(" + a.get(0) + " - " + a.get(1) + ")";
        });
    infix("$multiply", "*");
    scalar("$divide", (c, a, x) -> divide(a, c));
    scalar("$unary_minus", (c, a, x) -> "(-" + a.get(0) + ")");
    scalar("div", (c, a, x) -> "(" + a.get(0) + " // " + a.get(1) + ")");
    scalar("mod", (c, a, x) -> "(" + a.get(0) + " % " + a.get(1) + ")");
    scalar(
        "safe_divide",
        (c, a, x) ->
            castTo(
                "CASE WHEN "
                    + a.get(1)
                    + " = 0 THEN NULL ELSE "
                    + a.get(0)
                    + " / "
                    + a.get(1)
                    + " END",
                c));
    scalar(
        "ieee_divide",
        (c, a, x) ->
            "CASE WHEN "
                + a.get(1)
                + " = 0 THEN CASE WHEN "
                + a.get(0)
                + " > 0 THEN CAST('Infinity' AS DOUBLE) WHEN "
                + a.get(0)
                + " < 0 THEN CAST('-Infinity' AS DOUBLE) ELSE CAST('NaN' AS DOUBLE) END ELSE CAST("
                + a.get(0)
                + " AS DOUBLE) / "
                + a.get(1)
                + " END");
    scalar("safe_add", (c, a, x) -> "TRY(" + a.get(0) + " + " + a.get(1) + ")");
    scalar("safe_subtract", (c, a, x) -> "TRY(" + a.get(0) + " - " + a.get(1) + ")");
    scalar("safe_multiply", (c, a, x) -> "TRY(" + a.get(0) + " * " + a.get(1) + ")");
    scalar("safe_negate", (c, a, x) -> "TRY(-" + a.get(0) + ")");
    direct("abs", "abs");
    scalar("sign", (c, a, x) -> castTo("sign(" + a.get(0) + ")", c));
    direct("sqrt", "sqrt");
    scalar("pow", (c, a, x) -> castTo("pow(" + a.get(0) + ", " + a.get(1) + ")", c));
    scalar("power", (c, a, x) -> castTo("pow(" + a.get(0) + ", " + a.get(1) + ")", c));
    direct("exp", "exp");
    direct("ln", "ln");
    direct("log10", "log10");
    scalar(
        "log",
        (c, a, x) ->
            a.size() == 1
                ? "ln(" + a.get(0) + ")"
                : "(ln(" + a.get(0) + ") / ln(" + a.get(1) + "))");
    scalar(
        "round",
        (c, a, x) ->
            castTo(
                a.size() == 1
                    ? "round(" + a.get(0) + ")"
                    : "round(" + a.get(0) + ", CAST(" + a.get(1) + " AS INTEGER))",
                c));
    scalar(
        "trunc",
        (c, a, x) ->
            castTo(
                a.size() == 1
                    ? "trunc(" + a.get(0) + ")"
                    : "trunc("
                        + a.get(0)
                        + " * pow(10, "
                        + a.get(1)
                        + ")) / pow(10, "
                        + a.get(1)
                        + ")",
                c));
    scalar("ceil", (c, a, x) -> castTo("ceil(" + a.get(0) + ")", c));
    scalar("ceiling", (c, a, x) -> castTo("ceil(" + a.get(0) + ")", c));
    scalar("floor", (c, a, x) -> castTo("floor(" + a.get(0) + ")", c));
    scalar("greatest", (c, a, x) -> nullIfAnyNull(a, "greatest(" + String.join(", ", a) + ")"));
    scalar("least", (c, a, x) -> nullIfAnyNull(a, "least(" + String.join(", ", a) + ")"));
    scalar("is_nan", (c, a, x) -> "isnan(" + a.get(0) + ")");
    scalar("is_inf", (c, a, x) -> "isinf(" + a.get(0) + ")");
    scalar("rand", (c, a, x) -> "random()");

    // comparison and logic
    infix("$equal", "=");
    infix("$not_equal", "<>");
    infix("$less", "<");
    infix("$less_or_equal", "<=");
    infix("$greater", ">");
    infix("$greater_or_equal", ">=");
    infix("$and", "AND");
    infix("$or", "OR");
    scalar("$not", (c, a, x) -> "(NOT " + a.get(0) + ")");
    scalar("$is_null", (c, a, x) -> "(" + a.get(0) + " IS NULL)");
    scalar("$is_true", (c, a, x) -> "(" + a.get(0) + " IS TRUE)");
    scalar("$is_false", (c, a, x) -> "(" + a.get(0) + " IS FALSE)");
    scalar(
        "$is_distinct_from", (c, a, x) -> "(" + a.get(0) + " IS DISTINCT FROM " + a.get(1) + ")");
    scalar(
        "$is_not_distinct_from",
        (c, a, x) -> "(" + a.get(0) + " IS NOT DISTINCT FROM " + a.get(1) + ")");
    scalar("$like", (c, a, x) -> "(" + a.get(0) + " LIKE " + a.get(1) + " ESCAPE '\\')");
    scalar(
        "$between",
        (c, a, x) -> "(" + a.get(0) + " BETWEEN " + a.get(1) + " AND " + a.get(2) + ")");
    scalar(
        "$in",
        (c, a, x) -> "(" + a.get(0) + " IN (" + String.join(", ", a.subList(1, a.size())) + "))");
    scalar("$in_array", (c, a, x) -> "(" + a.get(0) + " IN (SELECT UNNEST(" + a.get(1) + ")))");
    scalar("$case_no_value", (c, a, x) -> caseNoValue(a));
    scalar("$case_with_value", (c, a, x) -> caseWithValue(a));
    scalar(
        "if",
        (c, a, x) -> "CASE WHEN " + a.get(0) + " THEN " + a.get(1) + " ELSE " + a.get(2) + " END");
    scalar("ifnull", (c, a, x) -> "coalesce(" + a.get(0) + ", " + a.get(1) + ")");
    direct("coalesce", "coalesce");
    direct("nullif", "nullif");

    // strings
    scalar("concat", (c, a, x) -> "(" + String.join(" || ", a) + ")");
    scalar(
        "length",
        (c, a, x) ->
            c.getArgumentList().get(0).getType().isBytes()
                ? "CAST(octet_length(" + a.get(0) + ") AS BIGINT)"
                : "CAST(length(" + a.get(0) + ") AS BIGINT)");
    scalar("char_length", (c, a, x) -> "CAST(length(" + a.get(0) + ") AS BIGINT)");
    scalar("character_length", (c, a, x) -> "CAST(length(" + a.get(0) + ") AS BIGINT)");
    scalar(
        "byte_length", (c, a, x) -> "CAST(octet_length(CAST(" + a.get(0) + " AS BLOB)) AS BIGINT)");
    scalar("substr", FunctionCatalog::substr);
    scalar("substring", FunctionCatalog::substr);
    direct("lower", "lower");
    direct("upper", "upper");
    direct("trim", "trim");
    direct("ltrim", "ltrim");
    direct("rtrim", "rtrim");
    direct("replace", "replace");
    direct("starts_with", "starts_with");
    direct("ends_with", "suffix");
    scalar("strpos", (c, a, x) -> "CAST(strpos(" + a.get(0) + ", " + a.get(1) + ") AS BIGINT)");
    scalar(
        "instr",
        (c, a, x) -> {
          if (a.size() > 2) {
            throw ApiException.notSupported("INSTR with a position or occurrence");
          }
          return "CAST(strpos(" + a.get(0) + ", " + a.get(1) + ") AS BIGINT)";
        });
    scalar(
        "split",
        (c, a, x) -> "string_split(" + a.get(0) + ", " + (a.size() > 1 ? a.get(1) : "','") + ")");
    scalar("regexp_contains", (c, a, x) -> "regexp_matches(" + a.get(0) + ", " + a.get(1) + ")");
    scalar(
        "regexp_extract",
        (c, a, x) -> {
          if (a.size() > 2) {
            throw ApiException.notSupported("REGEXP_EXTRACT with a position or occurrence");
          }
          return "CASE WHEN regexp_matches("
              + a.get(0)
              + ", "
              + a.get(1)
              + ") THEN regexp_extract("
              + a.get(0)
              + ", "
              + a.get(1)
              + ", "
              + captureGroups(c)
              + ") END";
        });
    scalar(
        "regexp_extract_all",
        (c, a, x) ->
            "regexp_extract_all(" + a.get(0) + ", " + a.get(1) + ", " + captureGroups(c) + ")");
    scalar(
        "regexp_replace",
        (c, a, x) -> "regexp_replace(" + a.get(0) + ", " + a.get(1) + ", " + a.get(2) + ", 'g')");
    scalar("format", (c, a, x) -> format(c, a));
    direct("lpad", "lpad");
    direct("rpad", "rpad");
    direct("repeat", "repeat");
    direct("reverse", "reverse");
    direct("left", "left");
    direct("right", "right");
    scalar("ascii", (c, a, x) -> "CAST(ascii(" + a.get(0) + ") AS BIGINT)");
    scalar("chr", (c, a, x) -> "chr(CAST(" + a.get(0) + " AS INTEGER))");
    scalar(
        "initcap",
        (c, a, x) -> {
          throw ApiException.notSupported("function INITCAP");
        });
    scalar("to_hex", (c, a, x) -> "lower(hex(" + a.get(0) + "))");
    scalar("from_hex", (c, a, x) -> "unhex(" + a.get(0) + ")");
    scalar("generate_uuid", (c, a, x) -> "CAST(uuid() AS VARCHAR)");
    scalar("md5", (c, a, x) -> "unhex(md5(" + a.get(0) + "))");
    scalar("sha256", (c, a, x) -> "unhex(sha256(" + a.get(0) + "))");

    // JSON
    scalar("to_json_string", (c, a, x) -> "CAST(to_json(" + a.get(0) + ") AS VARCHAR)");
    scalar("to_json", (c, a, x) -> "to_json(" + a.get(0) + ")");
    scalar("parse_json", (c, a, x) -> "json(" + a.get(0) + ")");
    scalar(
        "json_value",
        (c, a, x) ->
            "json_extract_string(" + a.get(0) + ", " + (a.size() > 1 ? a.get(1) : "'$'") + ")");
    scalar(
        "json_extract_scalar",
        (c, a, x) ->
            "json_extract_string(" + a.get(0) + ", " + (a.size() > 1 ? a.get(1) : "'$'") + ")");
    scalar(
        "json_query", (c, a, x) -> castTo("json_extract(" + a.get(0) + ", " + a.get(1) + ")", c));
    scalar(
        "json_extract", (c, a, x) -> castTo("json_extract(" + a.get(0) + ", " + a.get(1) + ")", c));

    // arrays and structs
    scalar("$make_array", (c, a, x) -> DuckDbLiterals.array(a, c.getType()));
    scalar("$array_at_offset", (c, a, x) -> arrayAt(a, false, false));
    scalar("$array_at_ordinal", (c, a, x) -> arrayAt(a, true, false));
    scalar("$safe_array_at_offset", (c, a, x) -> arrayAt(a, false, true));
    scalar("$safe_array_at_ordinal", (c, a, x) -> arrayAt(a, true, true));
    scalar("array_length", (c, a, x) -> "CAST(len(" + a.get(0) + ") AS BIGINT)");
    scalar(
        "array_concat", (c, a, x) -> nullIfAnyNull(a, "list_concat(" + String.join(", ", a) + ")"));
    scalar("array_reverse", (c, a, x) -> "list_reverse(" + a.get(0) + ")");
    scalar(
        "array_to_string",
        (c, a, x) -> {
          if (a.size() > 2) {
            return "array_to_string(list_transform("
                + a.get(0)
                + ", e -> coalesce(e, "
                + a.get(2)
                + ")), "
                + a.get(1)
                + ")";
          }
          return "array_to_string(list_filter("
              + a.get(0)
              + ", e -> e IS NOT NULL), "
              + a.get(1)
              + ")";
        });
    scalar(
        "generate_array",
        (c, a, x) -> {
          if (!c.getType().asArray().getElementType().isInt64()) {
            throw ApiException.notSupported("GENERATE_ARRAY of non-INT64 values");
          }
          return "generate_series(" + String.join(", ", a) + ")";
        });
    scalar(
        "generate_date_array",
        (c, a, x) -> {
          String step = a.size() > 2 ? interval(a.get(2), a.get(3)) : "to_days(1)";
          return "CAST(generate_series(CAST("
              + a.get(0)
              + " AS TIMESTAMP), CAST("
              + a.get(1)
              + " AS TIMESTAMP), "
              + step
              + ") AS DATE[])";
        });

    // dates and times
    scalar(
        "current_date",
        (c, a, x) -> {
          if (!a.isEmpty()) {
            throw ApiException.notSupported("CURRENT_DATE with a time zone");
          }
          return DuckDbLiterals.date(x.context().now.atOffset(ZoneOffset.UTC).toLocalDate());
        });
    scalar("current_timestamp", (c, a, x) -> now(x));
    scalar(
        "current_datetime",
        (c, a, x) -> {
          if (!a.isEmpty()) {
            throw ApiException.notSupported("CURRENT_DATETIME with a time zone");
          }
          return DuckDbLiterals.datetime(
              x.context().now.atOffset(ZoneOffset.UTC).toLocalDateTime());
        });
    scalar(
        "current_time",
        (c, a, x) -> DuckDbLiterals.time(x.context().now.atOffset(ZoneOffset.UTC).toLocalTime()));
    scalar(
        "date",
        (c, a, x) -> {
          List<ResolvedExpr> args = c.getArgumentList();
          if (args.size() == 3) {
            return "make_date(" + String.join(", ", a) + ")";
          }
          if (args.size() == 2) {
            throw ApiException.notSupported("DATE with a time zone");
          }
          return "CAST(" + a.get(0) + " AS DATE)";
        });
    scalar(
        "datetime",
        (c, a, x) -> {
          List<ResolvedExpr> args = c.getArgumentList();
          if (args.size() == 6) {
            return "make_timestamp(" + String.join(", ", a) + ")";
          }
          if (args.size() == 2 && args.get(1).getType().isTime()) {
            return "(" + a.get(0) + " + " + a.get(1) + ")";
          }
          if (args.size() == 2) {
            throw ApiException.notSupported("DATETIME with a time zone");
          }
          return "CAST(" + a.get(0) + " AS TIMESTAMP)";
        });
    scalar(
        "timestamp",
        (c, a, x) -> {
          if (a.size() > 1) {
            throw ApiException.notSupported("TIMESTAMP with a time zone");
          }
          return "CAST(" + a.get(0) + " AS TIMESTAMPTZ)";
        });
    scalar(
        "time",
        (c, a, x) ->
            a.size() == 3
                ? "make_time(" + String.join(", ", a) + ")"
                : "CAST(" + a.get(0) + " AS TIME)");
    Scalar add =
        (c, a, x) -> castTo("(" + a.get(0) + " + " + interval(a.get(1), a.get(2)) + ")", c);
    Scalar sub =
        (c, a, x) -> castTo("(" + a.get(0) + " - " + interval(a.get(1), a.get(2)) + ")", c);
    for (String kind : List.of("date", "datetime", "timestamp", "time")) {
      scalar(kind + "_add", add);
      scalar(kind + "_sub", sub);
    }
    scalar("date_diff", (c, a, x) -> diff(a.get(0), a.get(1), a.get(2), true));
    scalar("datetime_diff", (c, a, x) -> diff(a.get(0), a.get(1), a.get(2), false));
    scalar("timestamp_diff", (c, a, x) -> diff(a.get(0), a.get(1), a.get(2), false));
    scalar("date_trunc", (c, a, x) -> castTo(trunc(a.get(0), a.get(1), true), c));
    scalar("datetime_trunc", (c, a, x) -> castTo(trunc(a.get(0), a.get(1), false), c));
    scalar(
        "timestamp_trunc",
        (c, a, x) -> {
          if (a.size() > 2) {
            throw ApiException.notSupported("TIMESTAMP_TRUNC with a time zone");
          }
          return castTo(trunc(a.get(0), a.get(1), false), c);
        });
    scalar(
        "last_day",
        (c, a, x) -> {
          if (a.size() > 1 && !part(a.get(1)).equals("MONTH")) {
            throw ApiException.notSupported("LAST_DAY with date part " + a.get(1));
          }
          return "last_day(" + a.get(0) + ")";
        });
    scalar(
        "$extract",
        (c, a, x) -> {
          if (a.size() > 2) {
            throw ApiException.notSupported("EXTRACT ... AT TIME ZONE");
          }
          return extract(a.get(1), a.get(0), c.getArgumentList().get(0).getType());
        });
    scalar("$extract_date", (c, a, x) -> "CAST(" + a.get(0) + " AS DATE)");
    scalar("$extract_time", (c, a, x) -> "CAST(" + a.get(0) + " AS TIME)");
    scalar("$extract_datetime", (c, a, x) -> "CAST(" + a.get(0) + " AS TIMESTAMP)");
    Scalar strftime =
        (c, a, x) -> {
          if (a.size() > 2) {
            throw ApiException.notSupported(
                c.getFunction().getName().toUpperCase(Locale.ROOT) + " with a time zone");
          }
          return "strftime("
              + a.get(1)
              + ", "
              + literalFormat(c, 0, c.getFunction().getName())
              + ")";
        };
    scalar("format_date", strftime);
    scalar("format_datetime", strftime);
    scalar("format_timestamp", strftime);
    scalar("format_time", strftime);
    Scalar strptime =
        (c, a, x) -> {
          if (a.size() > 2) {
            throw ApiException.notSupported(
                c.getFunction().getName().toUpperCase(Locale.ROOT) + " with a time zone");
          }
          return castTo(
              "strptime(" + a.get(1) + ", " + literalFormat(c, 0, c.getFunction().getName()) + ")",
              c);
        };
    scalar("parse_date", strptime);
    scalar("parse_datetime", strptime);
    scalar("parse_timestamp", strptime);
    scalar("parse_time", strptime);
    scalar(
        "unix_seconds",
        (c, a, x) -> "CAST(floor(epoch_us(" + a.get(0) + ") / 1000000.0) AS BIGINT)");
    scalar(
        "unix_millis", (c, a, x) -> "CAST(floor(epoch_us(" + a.get(0) + ") / 1000.0) AS BIGINT)");
    scalar("unix_micros", (c, a, x) -> "epoch_us(" + a.get(0) + ")");
    scalar(
        "unix_date",
        (c, a, x) -> "CAST(date_diff('day', DATE '1970-01-01', " + a.get(0) + ") AS BIGINT)");
    scalar(
        "date_from_unix_date",
        (c, a, x) -> "CAST(DATE '1970-01-01' + CAST(" + a.get(0) + " AS INTEGER) AS DATE)");
    scalar("timestamp_seconds", (c, a, x) -> "make_timestamptz(" + a.get(0) + " * 1000000)");
    scalar("timestamp_millis", (c, a, x) -> "make_timestamptz(" + a.get(0) + " * 1000)");
    scalar("timestamp_micros", (c, a, x) -> "make_timestamptz(" + a.get(0) + ")");

    // aggregates
    AGGREGATE.put("$count_star", (c, a, s) -> "count(*)" + s.over());
    AGGREGATE.put(
        "count",
        (c, a, s) -> "count(" + (s.distinct() ? "DISTINCT " : "") + a.get(0) + ")" + s.over());
    AGGREGATE.put(
        "countif",
        (c, a, s) ->
            "count("
                + (s.distinct() ? "DISTINCT " : "")
                + "CASE WHEN "
                + a.get(0)
                + " THEN 1 END)"
                + s.over());
    AGGREGATE.put(
        "sum",
        (c, a, s) ->
            castTo("sum(" + (s.distinct() ? "DISTINCT " : "") + a.get(0) + ")" + s.over(), c));
    AGGREGATE.put(
        "avg",
        (c, a, s) ->
            castTo("avg(" + (s.distinct() ? "DISTINCT " : "") + a.get(0) + ")" + s.over(), c));
    AGGREGATE.put("min", (c, a, s) -> "min(" + a.get(0) + ")" + s.over());
    AGGREGATE.put("max", (c, a, s) -> "max(" + a.get(0) + ")" + s.over());
    AGGREGATE.put("any_value", (c, a, s) -> "any_value(" + a.get(0) + ")" + s.over());
    AGGREGATE.put("logical_and", (c, a, s) -> "bool_and(" + a.get(0) + ")" + s.over());
    AGGREGATE.put("logical_or", (c, a, s) -> "bool_or(" + a.get(0) + ")" + s.over());
    AGGREGATE.put(
        "approx_count_distinct", (c, a, s) -> "count(DISTINCT " + a.get(0) + ")" + s.over());
    AGGREGATE.put("stddev", (c, a, s) -> "stddev_samp(" + a.get(0) + ")" + s.over());
    AGGREGATE.put("stddev_samp", (c, a, s) -> "stddev_samp(" + a.get(0) + ")" + s.over());
    AGGREGATE.put("stddev_pop", (c, a, s) -> "stddev_pop(" + a.get(0) + ")" + s.over());
    AGGREGATE.put("variance", (c, a, s) -> "var_samp(" + a.get(0) + ")" + s.over());
    AGGREGATE.put("var_samp", (c, a, s) -> "var_samp(" + a.get(0) + ")" + s.over());
    AGGREGATE.put("var_pop", (c, a, s) -> "var_pop(" + a.get(0) + ")" + s.over());
    AGGREGATE.put("corr", (c, a, s) -> "corr(" + a.get(0) + ", " + a.get(1) + ")" + s.over());
    AGGREGATE.put("bit_and", (c, a, s) -> "bit_and(" + a.get(0) + ")" + s.over());
    AGGREGATE.put("bit_or", (c, a, s) -> "bit_or(" + a.get(0) + ")" + s.over());
    AGGREGATE.put(
        "array_agg",
        (c, a, s) -> {
          String filter = s.ignoreNulls() ? " FILTER (WHERE " + a.get(0) + " IS NOT NULL)" : "";
          String list =
              "list("
                  + (s.distinct() ? "DISTINCT " : "")
                  + a.get(0)
                  + s.orderBy()
                  + ")"
                  + filter
                  + s.over();
          if (s.limit() != null) {
            list = "list_slice(" + list + ", 1, " + s.limit() + ")";
          }
          if (s.ignoreNulls() || !s.over().isEmpty()) {
            return list;
          }
          return "CASE WHEN count(*) FILTER (WHERE "
              + a.get(0)
              + " IS NULL) > 0 THEN error('Array cannot have a null element; error in writing field') ELSE "
              + list
              + " END";
        });
    AGGREGATE.put(
        "string_agg",
        (c, a, s) -> {
          if (s.limit() != null) {
            throw ApiException.notSupported("STRING_AGG ... LIMIT");
          }
          return "string_agg("
              + (s.distinct() ? "DISTINCT " : "")
              + a.get(0)
              + ", "
              + (a.size() > 1 ? a.get(1) : "','")
              + s.orderBy()
              + ")"
              + s.over();
        });

    // analytic
    ANALYTIC.put("row_number", (c, a, s) -> "row_number()" + s.over());
    ANALYTIC.put("rank", (c, a, s) -> "rank()" + s.over());
    ANALYTIC.put("dense_rank", (c, a, s) -> "dense_rank()" + s.over());
    ANALYTIC.put("percent_rank", (c, a, s) -> "percent_rank()" + s.over());
    ANALYTIC.put("cume_dist", (c, a, s) -> "cume_dist()" + s.over());
    ANALYTIC.put("ntile", (c, a, s) -> "ntile(" + a.get(0) + ")" + s.over());
    ANALYTIC.put("lag", (c, a, s) -> "lag(" + String.join(", ", a) + ")" + s.over());
    ANALYTIC.put("lead", (c, a, s) -> "lead(" + String.join(", ", a) + ")" + s.over());
    ANALYTIC.put(
        "first_value",
        (c, a, s) ->
            "first_value(" + a.get(0) + (s.ignoreNulls() ? " IGNORE NULLS" : "") + ")" + s.over());
    ANALYTIC.put(
        "last_value",
        (c, a, s) ->
            "last_value(" + a.get(0) + (s.ignoreNulls() ? " IGNORE NULLS" : "") + ")" + s.over());
    ANALYTIC.put(
        "nth_value",
        (c, a, s) ->
            "nth_value("
                + a.get(0)
                + ", "
                + a.get(1)
                + (s.ignoreNulls() ? " IGNORE NULLS" : "")
                + ")"
                + s.over());
  }

  private static String substr(ResolvedFunctionCall c, List<String> a, ExpressionCompiler x) {
    String value = a.get(0);
    String pos = a.get(1);
    String start =
        "CASE WHEN "
            + pos
            + " = 0 THEN 1 WHEN "
            + pos
            + " < 0 THEN greatest(length("
            + value
            + ") + "
            + pos
            + " + 1, 1) ELSE "
            + pos
            + " END";
    if (a.size() > 2) {
      return "CASE WHEN "
          + a.get(2)
          + " < 0 THEN error('Third argument in SUBSTR() cannot be negative') ELSE substr("
          + value
          + ", "
          + start
          + ", "
          + a.get(2)
          + ") END";
    }
    return "substr(" + value + ", " + start + ")";
  }
}
