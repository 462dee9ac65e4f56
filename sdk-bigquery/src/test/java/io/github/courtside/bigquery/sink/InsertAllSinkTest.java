package io.github.courtside.bigquery.sink;

import static io.github.courtside.bigquery.sink.SinkFixtures.EVERY_TYPE;
import static io.github.courtside.bigquery.sink.SinkFixtures.ISSUES;
import static io.github.courtside.bigquery.sink.SinkFixtures.ISSUE_SCHEMA;
import static io.github.courtside.bigquery.sink.SinkFixtures.MODES;
import static io.github.courtside.bigquery.sink.SinkFixtures.VALUES;
import static io.github.courtside.bigquery.sink.SinkFixtures.VALUE_SCHEMA;
import static io.github.courtside.bigquery.sink.SinkFixtures.fast;
import static io.github.courtside.bigquery.sink.SinkFixtures.issue;
import static io.github.courtside.bigquery.sink.SinkFixtures.issueRecords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.bigquery.local.Fault;
import io.github.courtside.bigquery.local.LocalBigQuery;
import io.github.courtside.bigquery.quality.QualityIssueLog;
import io.github.courtside.core.batch.BatchRecord;
import io.github.courtside.core.batch.BatchWriterStats;
import io.github.courtside.core.batch.DeadLetter;
import io.github.courtside.core.batch.RowFailure;
import io.github.courtside.core.batch.SinkException;
import io.github.courtside.core.batch.SinkResult;
import io.github.courtside.core.warehouse.Row;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link InsertAllSink} against the local server's {@code tabledata.insertAll}. */
class InsertAllSinkTest {
  @RegisterExtension static LocalBigQuery bigQuery = LocalBigQuery.create();

  @BeforeEach
  void resetFaults() {
    bigQuery.faults().clear();
    bigQuery.faults().resetCalls();
  }

  private static InsertAllSinkSetup.Builder sink() {
    return InsertAllSink.builder(bigQuery.client()).writeModes(MODES);
  }

  @Test
  void tenThousandQualityIssuesTakeAtMostTwentyInsertAllRequestsAndNoLoadJob() {
    LocalTables.recreate(bigQuery, ISSUES, ISSUE_SCHEMA);
    bigQuery.faults().resetCalls();
    List<DeadLetter> dead = new CopyOnWriteArrayList<>();
    Set<String> ids = new HashSet<>();
    QualityIssueLog log =
        QualityIssueLog.builder(sink().table(ISSUES).build())
            .writeModes(MODES)
            .deadLetters(dead::add)
            .build();
    try (log) {
      for (int n = 0; n < 10_000; n++) {
        ids.add(log.record(issue(n)));
      }
    }
    long requests = bigQuery.faults().calls("tabledata.insertAll");
    assertTrue(requests >= 1 && requests <= 20, "insertAll requests: " + requests);
    assertEquals(0, bigQuery.faults().calls("jobs.insert"), "load or query jobs");
    assertEquals(0, bigQuery.faults().calls("upload"), "media uploads");
    assertEquals(List.of(), dead);
    assertEquals(10_000, log.stats().written());
    Map<String, Integer> counts = LocalTables.counts(bigQuery, ISSUES, ISSUE_SCHEMA, "issue_id");
    assertEquals(ids, counts.keySet());
    assertTrue(counts.values().stream().allMatch(c -> c == 1), "every issue exactly once");
  }

  @Test
  void throughRateLimitsBackendErrorsAmbiguousFailuresAndRowErrorsNothingIsLostOrDoubled() {
    LocalTables.recreate(bigQuery, ISSUES, ISSUE_SCHEMA);
    bigQuery
        .faults()
        .failNext("tabledata.insertAll", Fault.rowErrors(Map.of(2, "injected bad row")), 1)
        .failNext("tabledata.insertAll", Fault.rateLimitExceeded(), 2)
        .failNext("tabledata.insertAll", Fault.ambiguous(), 1)
        .failNext("tabledata.insertAll", Fault.backendError(), 1)
        .failNext("tabledata.insertAll", Fault.unavailable(), 1)
        .failNext("tabledata.insertAll", Fault.ambiguous(), 2);
    List<DeadLetter> dead = new CopyOnWriteArrayList<>();
    List<String> ids = new ArrayList<>();
    QualityIssueLog log =
        QualityIssueLog.builder(sink().table(ISSUES).build())
            .config(fast(100))
            .writeModes(MODES)
            .deadLetters(dead::add)
            .build();
    try (log) {
      for (int n = 0; n < 500; n++) {
        ids.add(log.record(issue(n)));
      }
    }
    BatchWriterStats stats = log.stats();
    assertTrue(stats.balanced(), stats::toString);
    assertEquals(0, stats.pending());
    assertEquals(499, stats.written(), stats::toString);
    assertEquals(1, dead.size(), () -> "dead letters: " + dead);
    assertTrue(dead.get(0).reason().contains("injected bad row"), dead.get(0).reason());
    assertTrue(stats.retries() >= 7, stats::toString);

    Map<String, Integer> counts = LocalTables.counts(bigQuery, ISSUES, ISSUE_SCHEMA, "issue_id");
    String deadId = dead.get(0).record().id();
    assertFalse(counts.containsKey(deadId));
    for (String id : ids) {
      if (!id.equals(deadId)) {
        assertEquals(1, counts.getOrDefault(id, 0), "insertIds keep a retried row single: " + id);
      }
    }
    assertEquals(499, counts.size());
  }

  @Test
  void aStoppedRowIsRetryableAndTheInvalidOneIsPermanent() {
    LocalTables.recreate(bigQuery, ISSUES, ISSUE_SCHEMA);
    List<BatchRecord> request = issueRecords("stopped", 0, 5);
    bigQuery
        .faults()
        .failNext("tabledata.insertAll", Fault.rowErrors(Map.of(1, "injected invalid")), 1);
    InsertAllSink sink = sink().table(ISSUES).build();
    SinkResult result = sink.write(request);
    assertEquals(5, result.failures().size(), result::toString);
    for (RowFailure failure : result.failures()) {
      if (failure.recordId().equals("stopped-1")) {
        assertFalse(failure.retryable());
        assertTrue(failure.reason().contains("injected invalid"), failure.reason());
      } else {
        assertTrue(failure.retryable(), failure::toString);
        assertTrue(failure.reason().contains("stopped"), failure.reason());
      }
    }
    assertEquals(0, LocalTables.read(bigQuery, ISSUES, ISSUE_SCHEMA).size());
    List<BatchRecord> rest = new ArrayList<>(request);
    rest.remove(1);
    assertEquals(List.of(), sink.write(rest).failures());
    assertEquals(4, LocalTables.read(bigQuery, ISSUES, ISSUE_SCHEMA).size());
  }

  @Test
  void withSkipInvalidRowsOnlyTheInvalidRowFails() {
    LocalTables.recreate(bigQuery, ISSUES, ISSUE_SCHEMA);
    bigQuery
        .faults()
        .failNext("tabledata.insertAll", Fault.rowErrors(Map.of(3, "injected invalid")), 1);
    SinkResult result =
        sink().table(ISSUES).skipInvalidRows(true).build().write(issueRecords("skip", 0, 5));
    assertEquals(1, result.failures().size(), result::toString);
    assertEquals("skip-3", result.failures().get(0).recordId());
    assertFalse(result.failures().get(0).retryable());
    assertEquals(4, LocalTables.read(bigQuery, ISSUES, ISSUE_SCHEMA).size());
  }

  @Test
  void requestFailuresAreClassifiedAndNotRetriedByTheClient() {
    LocalTables.recreate(bigQuery, ISSUES, ISSUE_SCHEMA);
    InsertAllSink sink = sink().table(ISSUES).build();
    bigQuery.faults().failNext("tabledata.insertAll", Fault.rateLimitExceeded(), 1);
    SinkException limited =
        assertThrows(SinkException.class, () -> sink.write(issueRecords("a", 0, 3)));
    assertTrue(limited.retryable(), limited::toString);
    assertEquals(1, bigQuery.faults().calls("tabledata.insertAll"), "the client did not retry");

    bigQuery.faults().failNext("tabledata.insertAll", Fault.backendError(), 1);
    assertTrue(
        assertThrows(SinkException.class, () -> sink.write(issueRecords("b", 0, 3))).retryable());

    bigQuery
        .faults()
        .failNext("tabledata.insertAll", Fault.error(400, "invalid", "injected bad request"), 1);
    SinkException invalid =
        assertThrows(SinkException.class, () -> sink.write(issueRecords("c", 0, 3)));
    assertFalse(invalid.retryable(), invalid::toString);
    assertTrue(invalid.getMessage().contains("injected bad request"), invalid.getMessage());
  }

  @Test
  void requestsRespectTheRowAndByteLimits() {
    LocalTables.recreate(bigQuery, ISSUES, ISSUE_SCHEMA);
    assertEquals(
        List.of(),
        sink()
            .table(ISSUES)
            .maxRowsPerRequest(50)
            .build()
            .write(issueRecords("rows", 0, 120))
            .failures());
    assertEquals(3, bigQuery.faults().calls("tabledata.insertAll"));
    bigQuery.faults().resetCalls();
    assertEquals(
        List.of(),
        sink()
            .table(ISSUES)
            .maxRequestBytes(10_000)
            .build()
            .write(issueRecords("bytes", 0, 120))
            .failures());
    long requests = bigQuery.faults().calls("tabledata.insertAll");
    assertTrue(requests >= 3 && requests <= 12, "insertAll requests: " + requests);
    assertEquals(240, LocalTables.read(bigQuery, ISSUES, ISSUE_SCHEMA).size());
  }

  @Test
  void everyColumnTypeRoundTrips() {
    LocalTables.recreate(bigQuery, VALUES, VALUE_SCHEMA);
    assertEquals(
        List.of(),
        sink()
            .table(VALUES)
            .build()
            .write(List.of(new BatchRecord("r1", 0, EVERY_TYPE)))
            .failures());
    List<Row> rows = LocalTables.read(bigQuery, VALUES, VALUE_SCHEMA);
    assertEquals(1, rows.size());
    StorageWriteSinkTest.assertSameValues(EVERY_TYPE, rows.get(0));
  }
}
