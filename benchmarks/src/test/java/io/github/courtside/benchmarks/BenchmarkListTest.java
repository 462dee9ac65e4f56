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
      for (String method : List.of("createIfAbsent", "newestById")) {
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
  void newestByIdReturnsTheLastDocumentCreated() {
    CoordinationStoreBenchmark benchmark = new CoordinationStoreBenchmark();
    benchmark.fill();
    assertTrue(benchmark.createIfAbsent());
    List<?> newest = benchmark.newestById();
    assertEquals(List.of(CoordinationStoreBenchmark.document(10_000)), newest);
  }
}
