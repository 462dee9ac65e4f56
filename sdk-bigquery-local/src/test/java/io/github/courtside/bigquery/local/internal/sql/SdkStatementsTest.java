package io.github.courtside.bigquery.local.internal.sql;

import static io.github.courtside.bigquery.local.internal.sql.SqlTestServer.field;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's own consolidation statements, as sdk-core's {@code SqlDialect.googleSql()} renders them
 * ({@code MergePlan.renderMerge}, {@code renderStagedRowCount}, {@code
 * renderOutsidePartitionCount}, {@code renderUnmergedCount}, the Consolidator's supersede UPDATE
 * and the journal's queries), copied from a run of the renderer against courtside-core's classes.
 */
class SdkStatementsTest {
  static final String MERGE =
      "MERGE INTO `nba.predictions` AS T\n"
          + "USING (SELECT `game_date`, `player`, `line`, `created_at`, `points`, `_courtside_has_points` FROM (SELECT `game_date`, `player`, `line`, `created_at`, `points`, `_courtside_has_points`, ROW_NUMBER() OVER (PARTITION BY `player`, FORMAT('%.17g', `line` + 0.0) ORDER BY `created_at` DESC NULLS LAST) AS `_courtside_rn` FROM (SELECT `game_date`, `player`, `line`, `created_at`, `points`, TRUE AS `_courtside_has_points` FROM `nba._staging_1` WHERE `game_date` = DATE '2026-02-01'\n"
          + "UNION ALL\n"
          + "SELECT `game_date`, `player`, `line`, `created_at`, CAST(NULL AS FLOAT64) AS `points`, FALSE AS `_courtside_has_points` FROM `nba._staging_2` WHERE `game_date` = DATE '2026-02-01') AS U) AS D WHERE `_courtside_rn` = 1) AS S\n"
          + "ON T.`game_date` = DATE '2026-02-01' AND T.`player` = S.`player` AND T.`line` IS NOT DISTINCT FROM S.`line`\n"
          + "WHEN MATCHED THEN UPDATE SET `points` = CASE WHEN S.`_courtside_has_points` THEN S.`points` ELSE T.`points` END, `updated_at` = TIMESTAMP '2026-02-01 10:00:00.000000+00'\n"
          + "WHEN NOT MATCHED THEN INSERT (`game_date`, `player`, `line`, `created_at`, `points`, `updated_at`) VALUES (S.`game_date`, S.`player`, S.`line`, S.`created_at`, CASE WHEN S.`_courtside_has_points` THEN S.`points` ELSE CAST(NULL AS FLOAT64) END, TIMESTAMP '2026-02-01 10:00:00.000000+00')";
  static final String STAGED =
      "SELECT COUNT(*) AS n FROM (SELECT `game_date`, `player`, `line`, `created_at`, `points`, `_courtside_has_points` FROM (SELECT `game_date`, `player`, `line`, `created_at`, `points`, `_courtside_has_points`, ROW_NUMBER() OVER (PARTITION BY `player`, FORMAT('%.17g', `line` + 0.0) ORDER BY `created_at` DESC NULLS LAST) AS `_courtside_rn` FROM (SELECT `game_date`, `player`, `line`, `created_at`, `points`, TRUE AS `_courtside_has_points` FROM `nba._staging_1` WHERE `game_date` = DATE '2026-02-01'\n"
          + "UNION ALL\n"
          + "SELECT `game_date`, `player`, `line`, `created_at`, CAST(NULL AS FLOAT64) AS `points`, FALSE AS `_courtside_has_points` FROM `nba._staging_2` WHERE `game_date` = DATE '2026-02-01') AS U) AS D WHERE `_courtside_rn` = 1) AS S";
  static final String OUTSIDE =
      "SELECT COUNT(*) AS n FROM (SELECT 1 AS x FROM `nba._staging_1` WHERE `game_date` IS DISTINCT FROM DATE '2026-02-01'\n"
          + "UNION ALL\n"
          + "SELECT 1 AS x FROM `nba._staging_2` WHERE `game_date` IS DISTINCT FROM DATE '2026-02-01') AS O";
  static final String UNMERGED =
      "SELECT COUNT(*) AS n FROM (SELECT `game_date`, `player`, `line`, `created_at`, `points`, `_courtside_has_points` FROM (SELECT `game_date`, `player`, `line`, `created_at`, `points`, `_courtside_has_points`, ROW_NUMBER() OVER (PARTITION BY `player`, FORMAT('%.17g', `line` + 0.0) ORDER BY `created_at` DESC NULLS LAST) AS `_courtside_rn` FROM (SELECT `game_date`, `player`, `line`, `created_at`, `points`, TRUE AS `_courtside_has_points` FROM `nba._staging_1` WHERE `game_date` = DATE '2026-02-01'\n"
          + "UNION ALL\n"
          + "SELECT `game_date`, `player`, `line`, `created_at`, CAST(NULL AS FLOAT64) AS `points`, FALSE AS `_courtside_has_points` FROM `nba._staging_2` WHERE `game_date` = DATE '2026-02-01') AS U) AS D WHERE `_courtside_rn` = 1) AS S\n"
          + "WHERE NOT EXISTS (SELECT 1 FROM `nba.predictions` AS T WHERE T.`game_date` = DATE '2026-02-01' AND T.`player` = S.`player` AND T.`line` IS NOT DISTINCT FROM S.`line` AND (NOT S.`_courtside_has_points` OR T.`points` IS NOT DISTINCT FROM S.`points`))";

  static SqlTestServer server;

  @BeforeAll
  static void start() {
    server = new SqlTestServer("nba");
    server.table(
        "nba",
        "predictions",
        field("game_date", "DATE", "REQUIRED"),
        field("player", "STRING", "REQUIRED"),
        field("line", "FLOAT64"),
        field("created_at", "TIMESTAMP", "REQUIRED"),
        field("points", "FLOAT64"),
        field("model", "STRING"),
        field("updated_at", "TIMESTAMP"));
    server.table(
        "nba",
        "_staging_1",
        field("game_date", "DATE", "REQUIRED"),
        field("player", "STRING", "REQUIRED"),
        field("line", "FLOAT64"),
        field("created_at", "TIMESTAMP", "REQUIRED"),
        field("points", "FLOAT64"));
    server.table(
        "nba",
        "_staging_2",
        field("game_date", "DATE", "REQUIRED"),
        field("player", "STRING", "REQUIRED"),
        field("line", "FLOAT64"),
        field("created_at", "TIMESTAMP", "REQUIRED"));
    server.run(
        "INSERT INTO nba.predictions (game_date, player, line, created_at, points, model) VALUES"
            + " (DATE '2026-02-01', 'ann', 20.5, TIMESTAMP '2026-01-31 09:00:00+00', 18.0, 'v1'),"
            + " (DATE '2026-02-01', 'bob', NULL, TIMESTAMP '2026-01-31 09:00:00+00', 7.0, 'v1')");
    server.run(
        "INSERT INTO nba._staging_1 (game_date, player, line, created_at, points) VALUES"
            + " (DATE '2026-02-01', 'ann', 20.5, TIMESTAMP '2026-02-01 08:00:00+00', 21.0),"
            + " (DATE '2026-02-01', 'ann', 20.5, TIMESTAMP '2026-02-01 07:00:00+00', 19.0),"
            + " (DATE '2026-02-01', 'cid', 10.0, TIMESTAMP '2026-02-01 08:00:00+00', 11.0),"
            + " (DATE '2026-02-02', 'dan', 10.0, TIMESTAMP '2026-02-01 08:00:00+00', 1.0)");
    server.run(
        "INSERT INTO nba._staging_2 (game_date, player, line, created_at) VALUES"
            + " (DATE '2026-02-01', 'bob', NULL, TIMESTAMP '2026-02-01 08:00:00+00')");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<@Nullable Object> r(@Nullable Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void consolidationStatementsRunWithBigQuerysResults() {
    assertEquals(1L, server.value(OUTSIDE), "dan is outside the partition");
    assertEquals(3L, server.value(STAGED), "ann deduplicated to her newest row, cid, bob");
    assertEquals(2L, server.value(UNMERGED), "ann's points changed, cid is new; bob keeps his");
    ScriptOutcome merge = server.run(MERGE).outcome();
    assertEquals("MERGE", merge.statementType());
    assertEquals(
        List.of(1L, 2L, 0L),
        List.of(merge.insertedRows(), merge.updatedRows(), merge.deletedRows()));
    assertEquals(
        List.of(r("ann", 21.0), r("bob", 7.0), r("cid", 11.0)),
        server.rows("SELECT player, points FROM `nba.predictions` ORDER BY player"));
    assertEquals(0L, server.value(UNMERGED));
    assertEquals(
        3L,
        server.value(
            "SELECT COUNT(*) AS n FROM `nba.predictions` WHERE `updated_at` = TIMESTAMP '2026-02-01 10:00:00.000000+00'"
                + " OR `updated_at` IS NULL"));
  }

  @Test
  void supersedeUpdateAndJournalQueries() {
    server.run(
        "CREATE TABLE IF NOT EXISTS nba.lines (game_date DATE, player STRING, line FLOAT64, created_at TIMESTAMP, active BOOL)");
    server.run(
        "INSERT INTO `nba.lines` (`game_date`, `player`, `line`, `created_at`, `active`) VALUES"
            + " (DATE '2026-02-01', 'ann', 20.5, TIMESTAMP '2026-02-01 08:00:00+00', TRUE),"
            + " (DATE '2026-02-01', 'ann', 21.5, TIMESTAMP '2026-02-01 09:00:00+00', TRUE)");
    ScriptOutcome supersede =
        server
            .run(
                "UPDATE `nba.lines` AS T SET `active` = FALSE FROM (SELECT * FROM (SELECT `player`, `line`,"
                    + " ROW_NUMBER() OVER (PARTITION BY `player` ORDER BY `created_at` DESC NULLS LAST, `line` ASC NULLS FIRST)"
                    + " AS `_courtside_rn` FROM `nba.lines` WHERE `game_date` = DATE '2026-02-01' AND `active` = TRUE) AS R"
                    + " WHERE `_courtside_rn` = 1) AS W WHERE T.`game_date` = DATE '2026-02-01' AND T.`active` = TRUE"
                    + " AND W.`player` IS NOT DISTINCT FROM T.`player` AND NOT (W.`player` IS NOT DISTINCT FROM T.`player`"
                    + " AND W.`line` IS NOT DISTINCT FROM T.`line`)")
            .outcome();
    assertEquals(1L, supersede.updatedRows());
    assertEquals(List.of(r(21.5)), server.rows("SELECT line FROM nba.lines WHERE active"));
    server.run(
        "CREATE TABLE IF NOT EXISTS nba._consolidation_journal (main_table STRING, batch_id STRING, seq INT64, partition_date DATE, fencing_token INT64)");
    server.run(
        "INSERT INTO `nba._consolidation_journal` (`main_table`, `batch_id`, `seq`, `partition_date`, `fencing_token`)"
            + " VALUES ('nba.predictions', 'b1', 1, DATE '2026-02-01', 7)");
    assertEquals(
        7L,
        server.value(
            "SELECT MAX(`fencing_token`) AS t FROM `nba._consolidation_journal` WHERE `main_table` = 'nba.predictions'"
                + " AND `partition_date` = DATE '2026-02-01'"));
    assertEquals(
        1,
        server
            .rows(
                "SELECT * FROM `nba._consolidation_journal` WHERE `main_table` = 'nba.predictions' AND `batch_id` = 'b1'"
                    + " ORDER BY `seq`")
            .size());
  }
}
