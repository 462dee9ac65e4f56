package io.github.courtside.bigquery.local.internal.sql;

import static io.github.courtside.bigquery.local.internal.sql.SqlTestServer.fails;
import static io.github.courtside.bigquery.local.internal.sql.SqlTestServer.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.bigquery.model.QueryParameter;
import com.google.api.services.bigquery.model.QueryParameterType;
import com.google.api.services.bigquery.model.QueryParameterValue;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BigQuery's errors (I-1, syntax, missing tables, unsupported constructs) and query parameters. */
class ZetaSqlRunnerErrorsAndParametersTest {
  static SqlTestServer server;

  @BeforeAll
  static void start() {
    server = new SqlTestServer("nba");
    server.table(
        "nba",
        "player_game",
        field("player_id", "INT64"),
        field("points", "FLOAT64"),
        field("updated_at", "TIMESTAMP"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<@Nullable Object> r(@Nullable Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void I1_partitionByFloat64IsRefusedWithItsLocation() {
    ApiException e =
        fails(
            () ->
                server.run(
                    "SELECT ROW_NUMBER() OVER (PARTITION BY points ORDER BY updated_at) FROM nba.player_game"));
    assertEquals(400, e.httpStatus());
    assertEquals("invalidQuery", e.reason());
    assertEquals(
        "Partitioning by expressions of type FLOAT64 is not allowed at [1:40]", e.getMessage());
    assertEquals("1:40", e.location());
  }

  @Test
  void groupByFloat64IsAcceptedAsInBigQuery() {
    assertEquals(
        List.of(), server.rows("SELECT points, COUNT(*) FROM nba.player_game GROUP BY points"));
  }

  @Test
  void syntaxErrorsCarryTheirLocation() {
    ApiException e = fails(() -> server.run("SELECT 1;\nSELEC 2"));
    assertEquals("2:1", e.location());
    assertTrue(e.getMessage().startsWith("Syntax error: "), e.getMessage());
    assertTrue(e.getMessage().endsWith(" at [2:1]"), e.getMessage());
  }

  @Test
  void missingTablesAre404() {
    ApiException e = fails(() -> server.run("SELECT * FROM nba.nothing"));
    assertEquals(404, e.httpStatus());
    assertEquals(
        "Not found: Table test-proj:nba.nothing was not found in location US", e.getMessage());
    ApiException qualified = fails(() -> server.run("SELECT * FROM t"));
    assertEquals(400, qualified.httpStatus());
  }

  @Test
  void unsupportedConstructsAreNamed() {
    ApiException f = fails(() -> server.run("SELECT FARM_FINGERPRINT('a')"));
    assertEquals("not supported by the local server: function FARM_FINGERPRINT", f.getMessage());
    ApiException pivot =
        fails(
            () ->
                server.run(
                    "SELECT * FROM (SELECT 1 AS a, 'x' AS b) PIVOT (SUM(a) FOR b IN ('x'))"));
    assertEquals("not supported by the local server: PIVOT", pivot.getMessage());
  }

  @Test
  void defaultDatasetResolvesBareNames() {
    assertEquals(0L, server.runIn("nba", "SELECT COUNT(*) FROM player_game").rows().get(0).get(0));
  }

  static QueryParameter named(String name, String type, String value) {
    return new QueryParameter()
        .setName(name)
        .setParameterType(new QueryParameterType().setType(type))
        .setParameterValue(new QueryParameterValue().setValue(value));
  }

  @Test
  void namedAndPositionalParameters() {
    assertEquals(
        List.of(
            r(
                3L,
                "it's",
                2.5,
                LocalDate.parse("2026-01-02"),
                Instant.parse("2026-01-02T03:04:05Z"),
                true)),
        server.rows(
            "SELECT @n + 1, @s, @f, @d, @ts, @b",
            named("n", "INT64", "2"),
            named("s", "STRING", "it's"),
            named("f", "FLOAT64", "2.5"),
            named("d", "DATE", "2026-01-02"),
            named("ts", "TIMESTAMP", "2026-01-02 03:04:05+00"),
            named("b", "BOOL", "true")));
    QueryParameter first = named("x", "INT64", "5").setName(null);
    QueryParameter second = named("x", "STRING", "a").setName(null);
    assertEquals(List.of(r(6L, "a")), server.rows("SELECT ? + 1, ?", first, second));
    assertEquals(
        List.of(r((Object) null)),
        server.rows(
            "SELECT @n",
            new QueryParameter()
                .setName("n")
                .setParameterType(new QueryParameterType().setType("INT64"))));
  }

  @Test
  void arrayAndStructParameters() {
    QueryParameter ids =
        new QueryParameter()
            .setName("ids")
            .setParameterType(
                new QueryParameterType()
                    .setType("ARRAY")
                    .setArrayType(new QueryParameterType().setType("INT64")))
            .setParameterValue(
                new QueryParameterValue()
                    .setArrayValues(
                        List.of(
                            new QueryParameterValue().setValue("1"),
                            new QueryParameterValue().setValue("3"))));
    assertEquals(
        List.of(r(2L, 3L)), server.rows("SELECT ARRAY_LENGTH(@ids), @ids[OFFSET(1)]", ids));
    Map<String, QueryParameterValue> values = new LinkedHashMap<>();
    values.put("a", new QueryParameterValue().setValue("7"));
    values.put("b", new QueryParameterValue().setValue("x"));
    QueryParameter struct =
        new QueryParameter()
            .setName("s")
            .setParameterType(
                new QueryParameterType()
                    .setType("STRUCT")
                    .setStructTypes(
                        List.of(
                            new QueryParameterType.StructTypes()
                                .setName("a")
                                .setType(new QueryParameterType().setType("INT64")),
                            new QueryParameterType.StructTypes()
                                .setName("b")
                                .setType(new QueryParameterType().setType("STRING")))))
            .setParameterValue(new QueryParameterValue().setStructValues(values));
    assertEquals(List.of(r(7L, "x")), server.rows("SELECT @s.a, @s.b", struct));
    ApiException bad = fails(() -> server.run("SELECT @n", named("n", "INT64", "1; DROP TABLE x")));
    assertEquals(400, bad.httpStatus());
  }

  @Test
  void dryRunsDescribeWithoutRunning() {
    ScriptOutcome o =
        server.runner.dryRun(
            new ScriptRequest(
                "SELECT player_id, points FROM nba.player_game",
                SqlTestServer.PROJECT,
                null,
                List.of(),
                SqlTestServer.ref("_results", "dry")));
    assertEquals("SELECT", o.statementType());
    assertEquals(2, o.resultSchema().getFields().size());
    assertEquals("INTEGER", o.resultSchema().getFields().get(0).getType());
    assertEquals(List.of(SqlTestServer.ref("nba", "player_game")), o.referencedTables());
  }
}
