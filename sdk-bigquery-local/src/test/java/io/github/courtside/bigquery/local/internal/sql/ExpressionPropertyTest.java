package io.github.courtside.bigquery.local.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random INT64/BOOL expressions with NULLs, compiled to DuckDB, agree with an independent Java
 * evaluation of GoogleSQL's rules (NULL propagation, three-valued AND/OR, IF/COALESCE/IFNULL, DIV
 * truncating toward zero, MOD taking the dividend's sign, GREATEST being NULL on any NULL).
 */
class ExpressionPropertyTest {
  static SqlTestServer server;

  @BeforeAll
  static void start() {
    server = new SqlTestServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** An expression with its SQL text and its value by GoogleSQL's rules. */
  record Expr(String sql, @Nullable Object value) {}

  static Expr integer(Random r, int depth) {
    int pick = depth <= 0 ? r.nextInt(2) : r.nextInt(10);
    switch (pick) {
      case 0:
        {
          long v = r.nextInt(11) - 5;
          return new Expr(v < 0 ? "(" + v + ")" : Long.toString(v), v);
        }
      case 1:
        return new Expr("CAST(NULL AS INT64)", null);
      case 2:
      case 3:
      case 4:
        {
          Expr a = integer(r, depth - 1);
          Expr b = integer(r, depth - 1);
          String op = new String[] {"+", "-", "*"}[pick - 2];
          Long x = (Long) a.value();
          Long y = (Long) b.value();
          Long v =
              x == null || y == null
                  ? null
                  : switch (op) {
                    case "+" -> x + y;
                    case "-" -> x - y;
                    default -> x * y;
                  };
          return new Expr("(" + a.sql() + " " + op + " " + b.sql() + ")", v);
        }
      case 5:
        {
          Expr a = integer(r, depth - 1);
          Expr b = integer(r, depth - 1);
          Long x = (Long) a.value();
          Long y = (Long) b.value();
          boolean div = r.nextBoolean();
          // a zero divisor is replaced by 7 so that the property stays about values, not errors
          String divisor = "IF(" + b.sql() + " = 0, 7, " + b.sql() + ")";
          Long d = y == null ? null : (y == 0 ? 7L : y);
          Long v = x == null || d == null ? null : (div ? x / d : x % d);
          return new Expr((div ? "DIV(" : "MOD(") + a.sql() + ", " + divisor + ")", v);
        }
      case 6:
        {
          Expr c = bool(r, depth - 1);
          Expr a = integer(r, depth - 1);
          Expr b = integer(r, depth - 1);
          return new Expr(
              "IF(" + c.sql() + ", " + a.sql() + ", " + b.sql() + ")",
              Boolean.TRUE.equals(c.value()) ? a.value() : b.value());
        }
      case 7:
        {
          Expr a = integer(r, depth - 1);
          Expr b = integer(r, depth - 1);
          return new Expr(
              "COALESCE(" + a.sql() + ", " + b.sql() + ")",
              a.value() != null ? a.value() : b.value());
        }
      case 8:
        {
          Expr a = integer(r, depth - 1);
          Expr b = integer(r, depth - 1);
          Long x = (Long) a.value();
          Long y = (Long) b.value();
          return new Expr(
              "GREATEST(" + a.sql() + ", " + b.sql() + ")",
              x == null || y == null ? null : Math.max(x, y));
        }
      default:
        {
          Expr a = integer(r, depth - 1);
          Long x = (Long) a.value();
          return new Expr("(-" + a.sql() + ")", x == null ? null : -x);
        }
    }
  }

  static Expr bool(Random r, int depth) {
    int pick = depth <= 0 ? 0 : r.nextInt(6);
    switch (pick) {
      case 0:
      case 1:
        {
          Expr a = integer(r, depth - 1);
          Expr b = integer(r, depth - 1);
          String op = new String[] {"=", "<", "<=", "<>", ">", ">="}[r.nextInt(6)];
          Long x = (Long) a.value();
          Long y = (Long) b.value();
          Boolean v =
              x == null || y == null
                  ? null
                  : switch (op) {
                    case "=" -> x.equals(y);
                    case "<" -> x < y;
                    case "<=" -> x <= y;
                    case "<>" -> !x.equals(y);
                    case ">" -> x > y;
                    default -> x >= y;
                  };
          return new Expr("(" + a.sql() + " " + op + " " + b.sql() + ")", v);
        }
      case 2:
        {
          Expr a = bool(r, depth - 1);
          Expr b = bool(r, depth - 1);
          Boolean x = (Boolean) a.value();
          Boolean y = (Boolean) b.value();
          Boolean v =
              Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y)
                  ? Boolean.FALSE
                  : (x == null || y == null ? null : Boolean.TRUE);
          return new Expr("(" + a.sql() + " AND " + b.sql() + ")", v);
        }
      case 3:
        {
          Expr a = bool(r, depth - 1);
          Expr b = bool(r, depth - 1);
          Boolean x = (Boolean) a.value();
          Boolean y = (Boolean) b.value();
          Boolean v =
              Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y)
                  ? Boolean.TRUE
                  : (x == null || y == null ? null : Boolean.FALSE);
          return new Expr("(" + a.sql() + " OR " + b.sql() + ")", v);
        }
      case 4:
        {
          Expr a = bool(r, depth - 1);
          Boolean x = (Boolean) a.value();
          return new Expr("(NOT " + a.sql() + ")", x == null ? null : !x);
        }
      default:
        {
          Expr a = integer(r, depth - 1);
          Expr b = integer(r, depth - 1);
          boolean distinct = r.nextBoolean();
          boolean same = a.value() == null ? b.value() == null : a.value().equals(b.value());
          return new Expr(
              "("
                  + a.sql()
                  + (distinct ? " IS DISTINCT FROM " : " IS NOT DISTINCT FROM ")
                  + b.sql()
                  + ")",
              distinct != same);
        }
    }
  }

  @Test
  void compiledExpressionsAgreeWithGoogleSqlRules() {
    qt().withExamples(25)
        .withShrinkCycles(0)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random random = new Random(seed);
              List<Expr> exprs = new ArrayList<>();
              for (int i = 0; i < 6; i++) {
                exprs.add(i % 2 == 0 ? integer(random, 3) : bool(random, 3));
              }
              List<String> items = new ArrayList<>();
              List<@Nullable Object> expected = new ArrayList<>();
              for (int i = 0; i < exprs.size(); i++) {
                items.add(exprs.get(i).sql() + " AS e" + i);
                expected.add(exprs.get(i).value());
              }
              String sql = "SELECT " + String.join(", ", items);
              assertEquals(List.of(expected), server.rows(sql), sql);
            });
  }

  static List<@Nullable Object> r(@Nullable Object... values) {
    return Arrays.asList(values);
  }
}
