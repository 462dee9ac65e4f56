package io.github.courtside.bigquery.local.internal.sql;

import static io.github.courtside.bigquery.local.internal.sql.SqlTestServer.field;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Prints (never asserts) the warm per-statement overhead; JMH in benchmarks/ measures it properly.
 */
class OverheadProbeTest {
  @Test
  void warmOverheadOfAnalysisAndCompilation() throws Exception {
    long t0 = System.nanoTime();
    try (SqlTestServer server = new SqlTestServer("nba")) {
      long t1 = System.nanoTime();
      server.table("nba", "t", field("k", "INT64"), field("v", "FLOAT64"));
      assertEquals(0L, server.value("SELECT COUNT(*) FROM nba.t"));
      long t2 = System.nanoTime();
      System.out.printf(
          "storage open %.0f ms, first statement %.0f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
      long s0 = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        server.storage.table(SqlTestServer.ref("nba", "t"));
      }
      long s1 = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        server.storage.physicalName(SqlTestServer.ref("nba", "t"));
      }
      long s2 = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        server.storage.connect().close();
      }
      long s3 = System.nanoTime();
      System.out.printf(
          "storage: table() %.1f ms, physicalName() %.1f ms, connect+close %.1f ms%n",
          (s1 - s0) / 20e6, (s2 - s1) / 20e6, (s3 - s2) / 20e6);
      for (int round = 0; round < 3; round++) {
        Overhead.reset();
        long a = System.nanoTime();
        int n = 20;
        for (int i = 0; i < n; i++) {
          server.run("SELECT k, FORMAT('%.17g', v + 0.0) AS f FROM nba.t WHERE k > " + i);
        }
        long b = System.nanoTime();
        for (int i = 0; i < n; i++) {
          server.run("UPDATE nba.t SET v = v + 1 WHERE k = " + i);
        }
        long c = System.nanoTime();
        double s = Overhead.STATEMENTS.sum();
        System.out.printf(
            "round %d: SELECT %.1f ms/stmt, UPDATE %.1f ms/stmt; per statement: table names %.1f ms,"
                + " analysis %.1f ms, compilation %.2f ms%n",
            round,
            (b - a) / 1e6 / n,
            (c - b) / 1e6 / n,
            Overhead.TABLE_NAMES.sum() / 1e6 / s,
            Overhead.ANALYSIS.sum() / 1e6 / s,
            Overhead.COMPILATION.sum() / 1e6 / s);
      }
    }
  }
}
