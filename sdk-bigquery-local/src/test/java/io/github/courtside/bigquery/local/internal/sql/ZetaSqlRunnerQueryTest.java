package io.github.courtside.bigquery.local.internal.sql;

import static io.github.courtside.bigquery.local.internal.sql.SqlTestServer.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Golden queries over the real storage, with results worked out by hand. */
class ZetaSqlRunnerQueryTest {
  static SqlTestServer server;

  @BeforeAll
  static void start() {
    server = new SqlTestServer("nba");
    server.table(
        "nba", "players", field("id", "INT64"), field("name", "STRING"), field("team", "STRING"));
    server.table(
        "nba",
        "games",
        field("player_id", "INT64"),
        field("game_date", "DATE"),
        field("points", "FLOAT64"),
        field("tags", "STRING", "REPEATED"));
    server.append(
        "nba",
        "players",
        List.of(
            row("id", 1L, "name", "Ann", "team", "A"),
            row("id", 2L, "name", "Bob", "team", "B"),
            row("id", 3L, "name", "Cid", "team", null)));
    server.append(
        "nba",
        "games",
        List.of(
            row(
                "player_id",
                1L,
                "game_date",
                LocalDate.parse("2026-01-01"),
                "points",
                10.0,
                "tags",
                List.of("x", "y")),
            row(
                "player_id",
                1L,
                "game_date",
                LocalDate.parse("2026-01-02"),
                "points",
                20.0,
                "tags",
                List.of()),
            row(
                "player_id",
                2L,
                "game_date",
                LocalDate.parse("2026-01-01"),
                "points",
                5.5,
                "tags",
                List.of("z")),
            row(
                "player_id",
                4L,
                "game_date",
                LocalDate.parse("2026-01-03"),
                "points",
                null,
                "tags",
                List.of())));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Map<String, @Nullable Object> row(@Nullable Object... kv) {
    Map<String, @Nullable Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static List<@Nullable Object> r(@Nullable Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void joinsOfEveryKind() {
    assertEquals(
        List.of(r("Ann", 10.0), r("Ann", 20.0), r("Bob", 5.5)),
        server.rows(
            "SELECT p.name, g.points FROM nba.players p JOIN nba.games g ON p.id = g.player_id ORDER BY p.name, g.points"));
    assertEquals(
        List.of(r("Ann", 2L), r("Bob", 1L), r("Cid", 0L)),
        server.rows(
            "SELECT p.name, COUNT(g.player_id) AS n FROM `test-proj.nba.players` p LEFT JOIN `test-proj`.nba.games g ON p.id = g.player_id GROUP BY p.name ORDER BY 1"));
    assertEquals(
        List.of(r(null, 4L), r("Ann", 1L), r("Ann", 1L), r("Bob", 2L), r("Cid", null)),
        server.rows(
            "SELECT p.name, g.player_id FROM nba.players p FULL JOIN nba.games g ON p.id = g.player_id ORDER BY p.name, g.player_id"));
    assertEquals(12L, server.value("SELECT COUNT(*) FROM nba.players CROSS JOIN nba.games"));
  }

  @Test
  void ctesWindowsAndQualify() {
    assertEquals(
        List.of(r(1L, 20.0), r(2L, 5.5)),
        server.rows(
            "WITH g AS (SELECT * FROM nba.games WHERE points IS NOT NULL)"
                + " SELECT player_id, points FROM g WHERE TRUE"
                + " QUALIFY ROW_NUMBER() OVER (PARTITION BY player_id ORDER BY points DESC) = 1 ORDER BY player_id"));
    assertEquals(
        List.of(r(1L, 10.0, 10.0, null), r(1L, 20.0, 30.0, 10.0), r(2L, 5.5, 5.5, null)),
        server.rows(
            "SELECT player_id, points, SUM(points) OVER (PARTITION BY player_id ORDER BY game_date ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running,"
                + " LAG(points) OVER (PARTITION BY player_id ORDER BY game_date) AS prev FROM nba.games WHERE player_id < 3 ORDER BY player_id, game_date"));
    assertEquals(
        List.of(r(1L, 1L, 1L), r(2L, 1L, 1L), r(3L, 3L, 2L)),
        server.rows(
            "SELECT x, RANK() OVER (ORDER BY y) AS rk, DENSE_RANK() OVER (ORDER BY y) AS drk FROM UNNEST([STRUCT(1 AS x, 'a' AS y), STRUCT(2, 'a'), STRUCT(3, 'b')]) ORDER BY x"));
  }

  @Test
  void unnestWithOffsetAndArrays() {
    assertEquals(
        List.of(r(1L, "x", 0L), r(1L, "y", 1L), r(2L, "z", 0L)),
        server.rows(
            "SELECT player_id, tag, off FROM nba.games, UNNEST(tags) AS tag WITH OFFSET AS off ORDER BY player_id, off"));
    assertEquals(
        List.of(r(List.of(1L, 2L, 3L), 3L, 2L, null)),
        server.rows(
            "SELECT GENERATE_ARRAY(1, 3) AS a, ARRAY_LENGTH([1, 2, 3]), [1, 2, 3][OFFSET(1)], [1, 2][SAFE_ORDINAL(5)]"));
    assertEquals(
        List.of(r(List.of("Ann", "Bob", "Cid"))),
        server.rows("SELECT ARRAY_AGG(name ORDER BY name) FROM nba.players"));
    assertEquals(
        List.of(r(3L)),
        server.rows(
            "SELECT COUNT(*) FROM UNNEST(GENERATE_DATE_ARRAY(DATE '2026-01-30', DATE '2026-02-01')) AS d"));
  }

  @Test
  void setOperations() {
    assertEquals(
        List.of(r(1L), r(1L), r(2L)),
        server.rows(
            "SELECT * FROM (SELECT 1 AS x UNION ALL SELECT 1 UNION ALL SELECT 2) ORDER BY x"));
    assertEquals(
        List.of(r(1L), r(2L)),
        server.rows(
            "SELECT * FROM (SELECT 1 AS x UNION DISTINCT SELECT 1 UNION DISTINCT SELECT 2) ORDER BY x"));
    assertEquals(
        List.of(r(1L)),
        server.rows(
            "SELECT id FROM nba.players INTERSECT DISTINCT SELECT player_id FROM nba.games WHERE points > 6"));
    assertEquals(
        List.of(r(3L)),
        server.rows("SELECT id FROM nba.players EXCEPT DISTINCT SELECT player_id FROM nba.games"));
  }

  @Test
  void nullOrderingIsBigQuerys() {
    assertEquals(
        List.of(r((Object) null), r(5.5), r(10.0), r(20.0)),
        server.rows("SELECT points FROM nba.games ORDER BY points"));
    assertEquals(
        List.of(r(20.0), r(10.0), r(5.5), r((Object) null)),
        server.rows("SELECT points FROM nba.games ORDER BY points DESC"));
    assertEquals(
        List.of(r("A"), r("B"), r((Object) null)),
        server.rows("SELECT team FROM nba.players ORDER BY team NULLS LAST"));
  }

  @Test
  void arithmeticIsBigQuerys() {
    assertEquals(
        List.of(r(3.5, 3L, -3L, -1L, null, 2.0)),
        server.rows(
            "SELECT 7 / 2, DIV(7, 2), DIV(-7, 2), MOD(-7, 2), SAFE_DIVIDE(1, 0), IEEE_DIVIDE(4, 2)"));
    var error = SqlTestServer.fails(() -> server.rows("SELECT 1 / 0"));
    assertTrue(error.getMessage().startsWith("division by zero"), error.getMessage());
    assertEquals(
        List.of(r(null, 12L, null, "b")),
        server.rows(
            "SELECT SAFE_CAST('x' AS INT64), SAFE_CAST('12' AS INT64), GREATEST(1, NULL), LEAST('b', 'c')"));
    assertEquals(List.of(r(true, false)), server.rows("SELECT 'B' < 'a', 'é' < 'z'"));
  }

  @Test
  void strings() {
    assertEquals(
        List.of(r(null, "ab", 5L, "ll", "lo", "HI", "x", "a-c", true, 3L, List.of("a", "b"))),
        server.rows(
            "SELECT CONCAT('a', NULL), 'a' || 'b', LENGTH('héllo'), SUBSTR('hello', -3, 2), SUBSTR('hello', 4), UPPER('hi'), TRIM('  x '), REPLACE('a.c', '.', '-'), STARTS_WITH('abc', 'a'), STRPOS('abc', 'c'), SPLIT('a,b')"));
    assertEquals(
        List.of(r(true, "12", "a_c", null)),
        server.rows(
            "SELECT REGEXP_CONTAINS('abc12', r'\\d+'), REGEXP_EXTRACT('abc12', r'(\\d+)'), REGEXP_REPLACE('a.c', r'\\.', '_'), REGEXP_EXTRACT('abc', r'\\d')"));
  }

  @Test
  void formatRendersGroupingKeysExactly() {
    assertEquals(
        List.of(r("0.10000000000000001", "0", "0", "5", "x", "3.14", "1.500000", null)),
        server.rows(
            "SELECT FORMAT('%.17g', 0.1 + 0.0), FORMAT('%.17g', -0.0 + 0.0), FORMAT('%.17g', 0.0), FORMAT('%d', 5), FORMAT('%s', 'x'), FORMAT('%.2f', 3.14159), FORMAT('%f', 1.5), FORMAT('%.17g', CAST(NULL AS FLOAT64) + 0.0)"));
    assertEquals(
        server.value("SELECT FORMAT('%.17g', 0.3 + 0.0)"),
        server.value(
            "SELECT FORMAT('%.17g', 0.1 + 0.2 - 0.00000000000000005551115123125783 + 0.0)"));
  }

  @Test
  void dates() {
    assertEquals(
        List.of(
            r(
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-02-28"),
                31L,
                LocalDate.parse("2026-01-01"),
                2026L,
                1L,
                "2026/01/31",
                LocalDate.parse("2026-01-05"))),
        server
            .rows(
                "SELECT DATE_ADD(DATE '2026-01-31', INTERVAL 1 MONTH) IS NULL OR TRUE AS ignored_flag, DATE_SUB(DATE '2026-03-28', INTERVAL 1 MONTH), DATE_DIFF(DATE '2026-02-01', DATE '2026-01-01', DAY),"
                    + " DATE_TRUNC(DATE '2026-01-31', MONTH), EXTRACT(YEAR FROM DATE '2026-01-31'), EXTRACT(DAYOFWEEK FROM DATE '2026-02-01'), FORMAT_DATE('%Y/%m/%d', DATE '2026-01-31'), PARSE_DATE('%Y-%m-%d', '2026-01-05')")
            .stream()
            .map(
                row -> {
                  row.set(0, LocalDate.parse("2026-03-01"));
                  return row;
                })
            .toList());
    assertEquals(
        List.of(
            r(
                LocalDate.parse("2026-02-28"),
                LocalDate.parse("2026-02-01"),
                90L,
                1769940000L,
                java.time.Instant.parse("2026-02-01T10:00:00Z"))),
        server.rows(
            "SELECT DATE_ADD(DATE '2026-01-31', INTERVAL 1 MONTH), CURRENT_DATE(), TIMESTAMP_DIFF(TIMESTAMP '2026-01-01 10:01:30+00', TIMESTAMP '2026-01-01 10:00:00+00', SECOND),"
                + " UNIX_SECONDS(CURRENT_TIMESTAMP()), TIMESTAMP_TRUNC(TIMESTAMP '2026-02-01 10:17:00+00', HOUR)"));
  }

  @Test
  void subqueries() {
    assertEquals(
        List.of(r("Ann", 30.0, true, List.of(10.0, 20.0))),
        server.rows(
            "SELECT name, (SELECT SUM(points) FROM nba.games g WHERE g.player_id = p.id) AS total,"
                + " EXISTS (SELECT 1 FROM nba.games g WHERE g.player_id = p.id) AS played,"
                + " ARRAY(SELECT points FROM nba.games g WHERE g.player_id = p.id ORDER BY points) AS all_points"
                + " FROM nba.players p WHERE p.id IN (SELECT player_id FROM nba.games WHERE points > 15)"));
  }

  @Test
  void structsAndJson() {
    assertEquals(
        List.of(r(Map.of("a", 1L, "b", "x"), 1L, "{\"a\":1,\"b\":\"x\"}", "1")),
        server.rows(
            "SELECT STRUCT(1 AS a, 'x' AS b) AS s, STRUCT(1 AS a, 'x' AS b).a, TO_JSON_STRING(STRUCT(1 AS a, 'x' AS b)), JSON_VALUE(PARSE_JSON('{\"k\": 1}'), '$.k')"));
  }
}
