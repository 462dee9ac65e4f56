package io.github.courtside.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The batch-writer benchmark writes what it claims: 1,000 rows per operation, in full batches. */
class BatchWriterBenchmarkTest {

  @Test
  void oneOperationWritesAThousandRowsInRequestsOfMaxRows() {
    BatchWriterBenchmark benchmark = new BatchWriterBenchmark();
    benchmark.rowIds = "sequence";
    benchmark.maxRows = 100;
    benchmark.open();
    try {
      assertEquals(10 + 1, benchmark.addAndFlush(), "10 requests in round 1");
      assertEquals(10 + 2, benchmark.addAndFlush(), "the sink is emptied between rounds");
    } finally {
      benchmark.close();
    }
  }
}
