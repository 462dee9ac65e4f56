package io.github.courtside.duckdb.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MergeTargetTest {
  @Test
  void aMergeThatOnlyUpdatesAndInsertsNamesItsTarget() {
    assertEquals(
        Optional.of("\"nba\".\"player \"\"x\"\"\""),
        MergeTarget.countableByRows(
            "MERGE INTO \"nba\".\"player \"\"x\"\"\" AS T USING s AS S ON T.k = S.k"
                + " WHEN MATCHED THEN UPDATE SET v = S.v WHEN NOT MATCHED THEN INSERT (k, v)"
                + " VALUES (S.k, S.v)"));
    assertEquals(
        Optional.of("main.t"),
        MergeTarget.countableByRows(
            "\n merge into main.t using s on t.k = s.k when not matched then insert values (s.k)"));
    assertEquals(
        Optional.of("t"),
        MergeTarget.countableByRows(
            "MERGE INTO t USING s ON t.k = s.k WHEN NOT MATCHED BY SOURCE THEN UPDATE SET v = 0"));
  }

  @Test
  void aMergeThatDeletesDoesNothingOrReturnsIsCountedFromItsRows() {
    for (String action :
        new String[] {
          "WHEN MATCHED THEN DELETE",
          "WHEN MATCHED AND S.v IS NULL THEN DELETE WHEN MATCHED THEN UPDATE SET v = S.v",
          "WHEN NOT MATCHED BY SOURCE THEN DELETE",
          "WHEN MATCHED THEN DO NOTHING WHEN NOT MATCHED THEN INSERT VALUES (S.k)",
          "WHEN MATCHED THEN ERROR",
          "WHEN MATCHED THEN UPDATE SET v = S.v RETURNING merge_action",
        }) {
      assertEquals(
          Optional.empty(),
          MergeTarget.countableByRows("MERGE INTO t USING s ON t.k = s.k " + action),
          action);
    }
  }

  @Test
  void anythingElseIsCountedFromItsRows() {
    assertEquals(
        Optional.empty(), MergeTarget.countableByRows("MERGE INTO t USING s ON t.k = s.k"));
    assertEquals(
        Optional.empty(),
        MergeTarget.countableByRows(
            "WITH s AS (SELECT 1 AS k) MERGE INTO t USING s ON t.k = s.k"
                + " WHEN MATCHED THEN UPDATE SET k = 2"));
    assertEquals(
        Optional.empty(),
        MergeTarget.countableByRows(
            "MERGE INTO (SELECT 1) USING s ON 1 = 1 THEN UPDATE SET k = 2"));
  }
}
