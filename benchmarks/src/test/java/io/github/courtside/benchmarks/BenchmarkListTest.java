package io.github.courtside.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JMH annotation processor ran, and the benchmarks measure what they claim. */
class BenchmarkListTest {

  @Test
  void jmhGeneratedTheBenchmarkList() throws IOException {
    try (InputStream list = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
      assertNotNull(
          list, "META-INF/BenchmarkList missing: the JMH annotation processor did not run");
      String text = new String(list.readAllBytes(), StandardCharsets.UTF_8);
      for (String method :
          List.of(
              "completionRecord",
              "completionRecord8",
              "createIfAbsent",
              "newestById",
              "countBatch")) {
        assertTrue(
            text.lines()
                .anyMatch(
                    line ->
                        line.contains(CoordinationStoreBenchmark.class.getName())
                            && line.contains(" " + method + " ")),
            method + " missing from " + text);
      }
    }
  }

  @Test
  void theProbesReadOneBatchOfTheHistoryAndARecordMakesItsThreeCalls() {
    CoordinationStoreBenchmark benchmark = new CoordinationStoreBenchmark();
    benchmark.history = 3 * CoordinationStoreBenchmark.BATCH_SIZE;
    benchmark.fill();
    assertEquals(CoordinationStoreBenchmark.BATCH_SIZE, benchmark.countBatch());
    List<?> newest = benchmark.newestById();
    assertEquals(
        List.of(
            CoordinationStoreBenchmark.historyDocument(
                2L * CoordinationStoreBenchmark.BATCH_SIZE - 1)),
        newest);
    assertEquals(newest, benchmark.newestByField());
    assertTrue(benchmark.createIfAbsent());
    assertTrue(benchmark.completionRecord().isEmpty(), "no closure document in a fresh batch");
  }
}
