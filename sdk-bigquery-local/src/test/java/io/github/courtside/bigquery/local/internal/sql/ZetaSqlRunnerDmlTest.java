package io.github.courtside.bigquery.local.internal.sql;

import static io.github.courtside.bigquery.local.internal.sql.SqlTestServer.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.bigquery.model.Table;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.storage.WriteOrigin;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DML, MERGE, DDL, transactions and ASSERT, with their statistics. */
class ZetaSqlRunnerDmlTest {
  static SqlTestServer server;

  @BeforeAll
  static void start() {
    server = new SqlTestServer("d");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void tables() {
    server.run("DROP TABLE IF EXISTS d.main");
    server.run("DROP TABLE IF EXISTS d.src");
    server.run("CREATE TABLE d.main (k INT64 NOT NULL, v STRING, n FLOAT64)");
    server.run("CREATE TABLE d.src (k INT64, v STRING, n FLOAT64)");
    server.run("INSERT INTO d.main (k, v, n) VALUES (1, 'a', 1.0), (2, 'b', 2.0), (3, 'c', 3.0)");
    server.run("INSERT INTO d.src (k, v, n) VALUES (2, 'B', 20.0), (4, 'D', 40.0)");
  }

  static List<@Nullable Object> r(@Nullable Object... values) {
    return Arrays.asList(values);
  }

  private static void counts(ScriptOutcome o, long inserted, long updated, long deleted) {
    assertTrue(o.dml(), o.toString());
    assertEquals(
        List.of(inserted, updated, deleted),
        List.of(o.insertedRows(), o.updatedRows(), o.deletedRows()),
        o.toString());
  }

  @Test
  void insertUpdateDelete() {
    ScriptOutcome insert =
        server.run("INSERT INTO d.main (k, v) SELECT k + 10, v FROM d.src").outcome();
    assertEquals("INSERT", insert.statementType());
    counts(insert, 2, 0, 0);
    ScriptOutcome update =
        server.run("UPDATE d.main SET v = UPPER(v), n = n * 2 WHERE k < 3").outcome();
    assertEquals("UPDATE", update.statementType());
    counts(update, 0, 2, 0);
    ScriptOutcome from =
        server.run("UPDATE d.main t SET v = s.v FROM d.src s WHERE t.k = s.k").outcome();
    counts(from, 0, 1, 0);
    ScriptOutcome delete = server.run("DELETE FROM d.main WHERE v IS NULL OR k > 10").outcome();
    counts(delete, 0, 0, 2);
    assertEquals(
        List.of(r(1L, "A", 2.0), r(2L, "B", 4.0), r(3L, "c", 3.0)),
        server.rows("SELECT * FROM d.main ORDER BY k"));
    ScriptOutcome truncate = server.run("TRUNCATE TABLE d.main").outcome();
    assertEquals("TRUNCATE_TABLE", truncate.statementType());
    counts(truncate, 0, 0, 3);
  }

  @Test
  void updateFromMatchingTwiceFailsAsInBigQuery() {
    server.run("INSERT INTO d.src (k, v) VALUES (2, 'again')");
    ApiException e =
        fails(() -> server.run("UPDATE d.main t SET v = s.v FROM d.src s WHERE t.k = s.k"));
    assertEquals(ScriptRun.DUPLICATE_MATCH, e.getMessage());
  }

  @Test
  void mergeWithEveryClauseKind() {
    ScriptOutcome o =
        server
            .run(
                "MERGE d.main T USING d.src S ON T.k = S.k"
                    + " WHEN MATCHED AND S.n > 100 THEN DELETE"
                    + " WHEN MATCHED THEN UPDATE SET v = S.v, n = S.n"
                    + " WHEN NOT MATCHED BY TARGET THEN INSERT (k, v, n) VALUES (S.k, S.v, S.n)"
                    + " WHEN NOT MATCHED BY SOURCE AND T.k = 1 THEN DELETE"
                    + " WHEN NOT MATCHED BY SOURCE THEN UPDATE SET v = 'gone'")
            .outcome();
    assertEquals("MERGE", o.statementType());
    counts(o, 1, 2, 1);
    assertEquals(
        List.of(r(2L, "B", 20.0), r(3L, "gone", 3.0), r(4L, "D", 40.0)),
        server.rows("SELECT * FROM d.main ORDER BY k"));
    ScriptOutcome row =
        server
            .run(
                "MERGE d.main T USING (SELECT 9 AS k, 'i' AS v, 9.5 AS n) S ON FALSE WHEN NOT MATCHED THEN INSERT ROW")
            .outcome();
    counts(row, 1, 0, 0);
    assertEquals(List.of(r("i", 9.5)), server.rows("SELECT v, n FROM d.main WHERE k = 9"));
    ScriptOutcome deletes =
        server
            .run(
                "MERGE d.main T USING d.src S ON T.k = S.k WHEN MATCHED THEN DELETE WHEN NOT MATCHED BY SOURCE AND T.k = 9 THEN DELETE")
            .outcome();
    counts(deletes, 0, 0, 3);
  }

  @Test
  void mergeMatchingATargetRowTwiceFails() {
    server.run("INSERT INTO d.src (k, v) VALUES (2, 'again')");
    ApiException e =
        fails(
            () ->
                server.run(
                    "MERGE d.main T USING d.src S ON T.k = S.k WHEN MATCHED THEN UPDATE SET v = S.v"));
    assertEquals(400, e.httpStatus());
    assertEquals(ScriptRun.DUPLICATE_MATCH, e.getMessage());
    assertEquals(List.of(r("b")), server.rows("SELECT v FROM d.main WHERE k = 2"));
  }

  @Test
  void streamingBufferRefusesDmlUntilItDrains() {
    Map<String, @Nullable Object> row = new HashMap<>();
    row.put("k", 7L);
    row.put("v", "streamed");
    server.append("d", "main", WriteOrigin.STREAMING_INSERT, List.of(row));
    ApiException e = fails(() -> server.run("UPDATE d.main SET v = 'x' WHERE k = 7"));
    assertEquals(
        "UPDATE or DELETE statement over table test-proj.d.main would affect rows in the streaming buffer, which is not supported",
        e.getMessage());
    fails(() -> server.run("DELETE FROM d.main WHERE TRUE"));
    fails(() -> server.run("MERGE d.main T USING d.src S ON T.k = S.k WHEN MATCHED THEN DELETE"));
    server.clock.advance(Duration.ofMinutes(31));
    counts(server.run("UPDATE d.main SET v = 'x' WHERE k = 7").outcome(), 0, 1, 0);
  }

  @Test
  void transactionsCommitAndRollBack() {
    ScriptOutcome committed =
        server
            .run(
                "BEGIN TRANSACTION;\n"
                    + "INSERT INTO d.main (k, v) VALUES (10, 'x');\n"
                    + "UPDATE d.main SET v = 'y' WHERE k = 1;\n"
                    + "COMMIT TRANSACTION;")
            .outcome();
    assertEquals("SCRIPT", committed.statementType());
    counts(committed, 1, 1, 0);
    assertEquals(4L, server.value("SELECT COUNT(*) FROM d.main"));
    server.run("BEGIN; DELETE FROM d.main WHERE TRUE; ROLLBACK;");
    assertEquals(4L, server.value("SELECT COUNT(*) FROM d.main"));
    ApiException failed =
        fails(
            () ->
                server.run(
                    "BEGIN TRANSACTION; DELETE FROM d.main WHERE k = 10;"
                        + " ASSERT (SELECT COUNT(*) FROM d.main) > 100 AS 'fencing token is stale'; COMMIT TRANSACTION;"));
    assertEquals("fencing token is stale", failed.getMessage());
    assertEquals(
        4L, server.value("SELECT COUNT(*) FROM d.main"), "the failed transaction rolled back");
    assertFalse(
        ((java.util.concurrent.locks.ReentrantLock) server.storage.writeLock())
            .isHeldByCurrentThread());
  }

  @Test
  void assertStatements() {
    assertEquals(
        "ASSERT", server.run("ASSERT (SELECT COUNT(*) FROM d.main) = 3").outcome().statementType());
    ApiException e = fails(() -> server.run("ASSERT FALSE"));
    assertEquals("Assertion failed", e.getMessage());
    assertEquals("invalidQuery", e.reason());
  }

  @Test
  void ddlVariants() {
    ScriptOutcome created =
        server
            .run(
                "CREATE TABLE d.p (day DATE NOT NULL OPTIONS(description = 'game day'), player STRING, ts TIMESTAMP)"
                    + " PARTITION BY day CLUSTER BY player OPTIONS(description = 'partitioned')")
            .outcome();
    assertEquals("CREATE_TABLE", created.statementType());
    assertEquals("CREATE", created.ddlOperationPerformed());
    Table p = server.storage.table(SqlTestServer.ref("d", "p")).orElseThrow();
    assertEquals("day", p.getTimePartitioning().getField());
    assertEquals(List.of("player"), p.getClustering().getFields());
    assertEquals("REQUIRED", p.getSchema().getFields().get(0).getMode());
    assertEquals("game day", p.getSchema().getFields().get(0).getDescription());
    assertEquals("partitioned", p.getDescription());
    assertEquals(
        "SKIP",
        server.run("CREATE TABLE IF NOT EXISTS d.p (x INT64)").outcome().ddlOperationPerformed());
    assertEquals(409, fails(() -> server.run("CREATE TABLE d.p (x INT64)")).httpStatus());
    server.run("CREATE OR REPLACE TABLE d.p (ts TIMESTAMP, x INT64) PARTITION BY DATE(ts)");
    assertEquals(
        "ts",
        server
            .storage
            .table(SqlTestServer.ref("d", "p"))
            .orElseThrow()
            .getTimePartitioning()
            .getField());
    server.run("CREATE OR REPLACE TABLE d.p (x INT64) PARTITION BY _PARTITIONDATE");
    assertEquals(
        null,
        server
            .storage
            .table(SqlTestServer.ref("d", "p"))
            .orElseThrow()
            .getTimePartitioning()
            .getField());
    ScriptOutcome ctas =
        server
            .run(
                "CREATE TABLE d.copy AS SELECT k, v, [k, k] AS ks, STRUCT(v AS name) AS s FROM d.main ORDER BY k")
            .outcome();
    assertEquals("CREATE_TABLE_AS_SELECT", ctas.statementType());
    Table copy = server.storage.table(SqlTestServer.ref("d", "copy")).orElseThrow();
    assertEquals("REPEATED", copy.getSchema().getFields().get(2).getMode());
    assertEquals("RECORD", copy.getSchema().getFields().get(3).getType());
    assertEquals(3L, server.value("SELECT COUNT(*) FROM d.copy"));
    ScriptOutcome alter =
        server
            .run(
                "ALTER TABLE d.copy ADD COLUMN IF NOT EXISTS extra STRING, ADD COLUMN IF NOT EXISTS k INT64")
            .outcome();
    assertEquals("ALTER_TABLE", alter.statementType());
    assertEquals(
        5,
        server
            .storage
            .table(SqlTestServer.ref("d", "copy"))
            .orElseThrow()
            .getSchema()
            .getFields()
            .size());
    assertEquals("DROP", server.run("DROP TABLE d.copy").outcome().ddlOperationPerformed());
    assertEquals(404, fails(() -> server.run("DROP TABLE d.copy")).httpStatus());
    assertEquals(
        "SKIP", server.run("DROP TABLE IF EXISTS d.copy").outcome().ddlOperationPerformed());
  }

  @Test
  void scriptsAnalyseEachStatementWhenReached() {
    ScriptOutcome o =
        server
            .run(
                "CREATE TABLE d.fresh (x INT64); INSERT INTO d.fresh (x) VALUES (1), (2); SELECT SUM(x) AS s FROM d.fresh")
            .outcome();
    assertEquals("SCRIPT", o.statementType());
    assertEquals(1, o.resultRows());
    server.run("DROP TABLE d.fresh");
  }
}
