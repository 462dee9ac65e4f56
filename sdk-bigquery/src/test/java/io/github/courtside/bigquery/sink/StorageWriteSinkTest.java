package io.github.courtside.bigquery.sink;

import static io.github.courtside.bigquery.sink.SinkFixtures.EVERY_TYPE;
import static io.github.courtside.bigquery.sink.SinkFixtures.EVOLVING;
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

import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import io.github.courtside.bigquery.BigQuerySchemas;
import io.github.courtside.bigquery.local.Fault;
import io.github.courtside.bigquery.local.LocalBigQuery;
import io.github.courtside.bigquery.quality.QualityIssueLog;
import io.github.courtside.core.batch.BatchRecord;
import io.github.courtside.core.batch.BatchWriter;
import io.github.courtside.core.batch.BatchWriterSetup;
import io.github.courtside.core.batch.BatchWriterStats;
import io.github.courtside.core.batch.DeadLetter;
import io.github.courtside.core.batch.DeadLetterSink;
import io.github.courtside.core.batch.NdjsonDeadLetterSink;
import io.github.courtside.core.batch.RowIdStrategy;
import io.github.courtside.core.batch.SinkException;
import io.github.courtside.core.batch.SinkResult;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link StorageWriteSink} against the local server's Storage Write API. */
class StorageWriteSinkTest {
  @RegisterExtension static LocalBigQuery bigQuery = LocalBigQuery.create();

  @BeforeEach
  void resetFaults() {
    bigQuery.faults().clear();
    bigQuery.faults().resetCalls();
  }

  private static StorageWriteSinkSetup.Builder sink(DeliveryGuarantee guarantee) {
    return StorageWriteSink.builder(bigQuery.writeSettings())
        .project(bigQuery.projectId())
        .guarantee(guarantee)
        .writeModes(MODES);
  }

  @Test
  void tenThousandQualityIssuesTakeAtMostThreeAppendRowsAndNoLoadJob() {
    DeliveryGuarantee guarantee = DeliveryGuarantee.EXACTLY_ONCE;
    LocalTables.recreate(bigQuery, ISSUES, ISSUE_SCHEMA);
    bigQuery.faults().resetCalls();
    List<DeadLetter> dead = new CopyOnWriteArrayList<>();
    Set<String> ids = new HashSet<>();
    QualityIssueLog log =
        QualityIssueLog.builder(sink(guarantee).table(ISSUES).build())
            .writeModes(MODES)
            .deadLetters(dead::add)
            .build();
    try (log) {
      for (int n = 0; n < 10_000; n++) {
        ids.add(log.record(issue(n)));
      }
    }
    long appends = bigQuery.faults().calls("AppendRows");
    assertTrue(appends >= 1 && appends <= 3, "AppendRows requests: " + appends);
    assertEquals(0, bigQuery.faults().calls("jobs.insert"), "load or query jobs");
    assertEquals(0, bigQuery.faults().calls("upload"), "media uploads");
    assertEquals(List.of(), dead);
    BatchWriterStats stats = log.stats();
    assertTrue(stats.balanced(), stats::toString);
    assertEquals(10_000, stats.written());
    Map<String, Integer> counts = LocalTables.counts(bigQuery, ISSUES, ISSUE_SCHEMA, "issue_id");
    assertEquals(ids, counts.keySet());
    assertTrue(counts.values().stream().allMatch(c -> c == 1), "every issue exactly once");
  }

  @ParameterizedTest
  @EnumSource(DeliveryGuarantee.class)
  void throughRateLimitsBackendErrorsAmbiguousFailuresAndRowErrorsNothingIsLost(
      DeliveryGuarantee guarantee) {
    LocalTables.recreate(bigQuery, ISSUES, ISSUE_SCHEMA);
    bigQuery
        .faults()
        .failNext("AppendRows", Fault.rowErrors(Map.of(5, "invalid: injected bad row")), 1)
        .failNext("AppendRows", Fault.rateLimitExceeded(), 2)
        .failNext("AppendRows", Fault.ambiguous(), 1)
        .failNext("AppendRows", Fault.backendError(), 1)
        .failNext("AppendRows", Fault.ambiguous(), 1);
    List<DeadLetter> dead = new CopyOnWriteArrayList<>();
    List<String> ids = new ArrayList<>();
    QualityIssueLog log =
        QualityIssueLog.builder(sink(guarantee).table(ISSUES).build())
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
    assertEquals(500, stats.written() + stats.deadLettered());
    assertEquals(1, dead.size(), () -> "dead letters: " + dead);
    assertTrue(dead.get(0).reason().contains("injected bad row"), dead.get(0).reason());
    // 5xx and ambiguous failures end the gRPC connection; JsonStreamWriter reconnects and resends
    // on its own, so only the row errors and the 429s (in-stream errors) reach the writer
    assertTrue(stats.retries() >= 3, stats::toString);

    Set<String> deadIds = new HashSet<>();
    dead.forEach(letter -> deadIds.add(letter.record().id()));
    Map<String, Integer> counts = LocalTables.counts(bigQuery, ISSUES, ISSUE_SCHEMA, "issue_id");
    for (String id : ids) {
      if (deadIds.contains(id)) {
        assertFalse(counts.containsKey(id), "a dead letter is not in the table: " + id);
      } else if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
        assertEquals(1, counts.getOrDefault(id, 0), "exactly once: " + id);
      } else {
        assertTrue(counts.getOrDefault(id, 0) >= 1, "at least once: " + id);
      }
    }
    int stored = counts.values().stream().mapToInt(Integer::intValue).sum();
    if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
      assertEquals(stats.written(), stored);
    } else {
      assertTrue(stored >= stats.written());
    }
  }

  @Test
  void aRetriedAppendThatHadLandedIsCountedWrittenAndStoredOnce() {
    LocalTables.recreate(bigQuery, ISSUES, ISSUE_SCHEMA);
    List<BatchRecord> request = issueRecords("landed", 0, 10);
    // the append lands and the connection breaks; the client's own resend is throttled
    bigQuery
        .faults()
        .failNext("AppendRows", Fault.ambiguous(), 1)
        .failNext("AppendRows", Fault.rateLimitExceeded(), 1);
    try (StorageWriteSink sink = sink(DeliveryGuarantee.EXACTLY_ONCE).table(ISSUES).build()) {
      SinkException failure = assertThrows(SinkException.class, () -> sink.write(request));
      assertTrue(failure.retryable(), failure::toString);
      assertEquals(List.of(), sink.write(request).failures());
      assertEquals(List.of(), sink.write(issueRecords("after", 0, 5)).failures());
    }
    Map<String, Integer> counts = LocalTables.counts(bigQuery, ISSUES, ISSUE_SCHEMA, "issue_id");
    assertEquals(15, counts.size(), counts::toString);
    assertTrue(counts.values().stream().allMatch(c -> c == 1), counts::toString);
  }

  @ParameterizedTest
  @EnumSource(InjectedFailure.class)
  void rowsTheWriterGaveUpOnAreSettledByFinalizingTheStream(InjectedFailure injected) {
    LocalTables.recreate(bigQuery, ISSUES, ISSUE_SCHEMA);
    if (injected == InjectedFailure.LANDED) {
      bigQuery.faults().failNext("AppendRows", Fault.ambiguous(), 1);
    }
    bigQuery.faults().failNext("AppendRows", Fault.rateLimitExceeded(), 1);
    try (StorageWriteSink sink = sink(DeliveryGuarantee.EXACTLY_ONCE).table(ISSUES).build()) {
      assertThrows(SinkException.class, () -> sink.write(issueRecords("given-up", 0, 10)));
      // the writer gave up on those rows; the next request carries others
      assertEquals(List.of(), sink.write(issueRecords("next", 0, 10)).failures());
      assertEquals(List.of(), sink.write(issueRecords("later", 0, 10)).failures());
    }
    assertEquals(2, bigQuery.faults().calls("FinalizeWriteStream"), "one to settle, one on close");
    Map<String, Integer> counts = LocalTables.counts(bigQuery, ISSUES, ISSUE_SCHEMA, "issue_id");
    long givenUp = counts.keySet().stream().filter(id -> id.startsWith("given-up")).count();
    assertEquals(injected == InjectedFailure.LANDED ? 10 : 0, givenUp, counts::toString);
    assertTrue(counts.values().stream().allMatch(c -> c == 1), counts::toString);
    assertEquals(20 + givenUp, counts.size());
  }

  @ParameterizedTest
  @EnumSource(InjectedFailure.class)
  void rowsGivenUpOnAfterAnUnresolvedAppendAreDeadLetteredAmbiguousAndNeverReplayedTwice(
      InjectedFailure injected, @TempDir Path spill) throws IOException {
    LocalTables.recreate(bigQuery, ISSUES, ISSUE_SCHEMA);
    if (injected == InjectedFailure.LANDED) {
      bigQuery.faults().failNext("AppendRows", Fault.ambiguous(), 1);
    }
    bigQuery.faults().failNext("AppendRows", Fault.rateLimitExceeded(), 1);
    List<BatchRecord> givenUp = issueRecords("given-up", 0, 10);
    try (StorageWriteSink sink = sink(DeliveryGuarantee.EXACTLY_ONCE).table(ISSUES).build()) {
      try (BatchWriter writer = writer(sink, 1).deadLetterFolder(spill).build()) {
        givenUp.forEach(record -> writer.add(record.row()));
        writer.flush().join();
        assertEquals(10, writer.stats().deadLettered(), writer.stats()::toString);
      }
      String lines = spilled(spill);
      for (int n = 0; n < 10; n++) {
        assertTrue(
            lines.contains("\"rowId\":\"given-up-" + n + "\",")
                && lines.contains("\"outcome\":\"ambiguous\""),
            lines);
        assertTrue(lines.contains("\"offset\":" + n + ","), lines);
      }
      assertTrue(lines.contains("\"stream\":\"" + sink.tableName() + "/streams/"), lines);

      // without a landed check the ambiguous rows are kept, not replayed
      NdjsonDeadLetterSink.Replay undecided;
      try (BatchWriter replayer = writer(sink, 5).deadLetters(unexpected()).build()) {
        undecided = NdjsonDeadLetterSink.inFolder(spill).replay(replayer);
      }
      assertEquals(0, undecided.rows(), undecided::toString);
      assertEquals(10, undecided.ambiguousKept(), undecided::toString);

      // the sink's check settles them: landed rows are skipped, the others replayed once
      NdjsonDeadLetterSink.Replay settled;
      try (BatchWriter replayer = writer(sink, 5).deadLetters(unexpected()).build()) {
        settled = NdjsonDeadLetterSink.inFolder(spill).replay(replayer, sink.landedCheck());
      }
      boolean landed = injected == InjectedFailure.LANDED;
      assertEquals(landed ? 10 : 0, settled.ambiguousLanded(), settled::toString);
      assertEquals(landed ? 0 : 10, settled.rows(), settled::toString);
      assertEquals(0, settled.ambiguousKept(), settled::toString);
    }
    Map<String, Integer> counts = LocalTables.counts(bigQuery, ISSUES, ISSUE_SCHEMA, "issue_id");
    assertEquals(10, counts.size(), counts::toString);
    assertTrue(counts.values().stream().allMatch(c -> c == 1), counts::toString);
  }

  /**
   * One write call sent as two AppendRows requests: the first is appended, the second fails and may
   * have landed. Its rows keep their ambiguous marker although part of the call was written (before
   * the fix they became plain row failures, so a replay could write them twice).
   */
  @ParameterizedTest
  @EnumSource(InjectedFailure.class)
  void theAmbiguousChunkOfAPartlyWrittenRequestIsDeadLetteredAmbiguousAndNeverReplayedTwice(
      InjectedFailure injected, @TempDir Path spill) throws IOException {
    LocalTables.recreate(bigQuery, ISSUES, ISSUE_SCHEMA);
    List<BatchRecord> rows = issueRecords("partly", 0, 10);
    long rowBytes = 0;
    for (BatchRecord record : rows) {
      rowBytes = Math.max(rowBytes, RowJson.estimateBytes(RowJson.forStorageWrite(record.row())));
    }
    // the first request (rows 0-4) passes; the second (rows 5-9) lands or not, and fails
    bigQuery.faults().failNext("AppendRows", Fault.delay(Duration.ZERO), 1);
    if (injected == InjectedFailure.LANDED) {
      bigQuery.faults().failNext("AppendRows", Fault.ambiguous(), 1);
    }
    bigQuery.faults().failNext("AppendRows", Fault.rateLimitExceeded(), 1);
    try (StorageWriteSink sink =
        sink(DeliveryGuarantee.EXACTLY_ONCE)
            .table(ISSUES)
            .maxRequestBytes(5 * rowBytes + rowBytes / 2)
            .build()) {
      try (BatchWriter writer = writer(sink, 1).deadLetterFolder(spill).build()) {
        rows.forEach(record -> writer.add(record.row()));
        writer.flush().join();
        BatchWriterStats stats = writer.stats();
        assertEquals(5, stats.written(), stats::toString);
        assertEquals(5, stats.deadLettered(), stats::toString);
      }
      String lines = spilled(spill);
      for (int n = 0; n < 5; n++) {
        assertFalse(lines.contains("\"rowId\":\"partly-" + n + "\","), lines);
      }
      List<String> letters = lines.lines().toList();
      assertEquals(5, letters.size(), lines);
      for (int n = 5; n < 10; n++) {
        String id = "partly-" + n;
        String letter =
            letters.stream()
                .filter(l -> l.contains("\"rowId\":\"" + id + "\","))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not dead-lettered: " + lines));
        assertTrue(letter.contains("\"outcome\":\"ambiguous\""), letter);
        assertTrue(letter.contains("\"offset\":" + n + ","), letter);
        assertTrue(letter.contains("\"stream\":\"" + sink.tableName() + "/streams/"), letter);
      }

      NdjsonDeadLetterSink.Replay settled;
      try (BatchWriter replayer = writer(sink, 5).deadLetters(unexpected()).build()) {
        settled = NdjsonDeadLetterSink.inFolder(spill).replay(replayer, sink.landedCheck());
      }
      boolean landed = injected == InjectedFailure.LANDED;
      assertEquals(landed ? 5 : 0, settled.ambiguousLanded(), settled::toString);
      assertEquals(landed ? 0 : 5, settled.rows(), settled::toString);
      assertEquals(0, settled.ambiguousKept(), settled::toString);
    }
    Map<String, Integer> counts = LocalTables.counts(bigQuery, ISSUES, ISSUE_SCHEMA, "issue_id");
    assertEquals(10, counts.size(), counts::toString);
    assertTrue(counts.values().stream().allMatch(c -> c == 1), counts::toString);
  }

  private static BatchWriterSetup.Builder writer(StorageWriteSink sink, int maxAttempts) {
    return BatchWriter.builder(sink)
        .config(fast(100).toBuilder().maxAttempts(maxAttempts).build())
        .rowIds(RowIdStrategy.column("issue_id"))
        .writeModes(MODES);
  }

  private static DeadLetterSink unexpected() {
    return letter -> {
      throw new AssertionError("a replayed row was dead-lettered: " + letter);
    };
  }

  private static String spilled(Path folder) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        text.append(Files.readString(file));
      }
    }
    return text.toString();
  }

  /** The failed append had landed (ambiguous, then the resend throttled) or had not (429). */
  enum InjectedFailure {
    LANDED,
    NOT_LANDED
  }

  @ParameterizedTest
  @EnumSource(DeliveryGuarantee.class)
  void rowErrorsAreRejectedWithTheirReasonAndOnlyTheRestIsRetried(DeliveryGuarantee guarantee) {
    LocalTables.recreate(bigQuery, ISSUES, ISSUE_SCHEMA);
    List<BatchRecord> request = issueRecords("rows", 0, 6);
    bigQuery
        .faults()
        .failNext("AppendRows", Fault.rowErrors(Map.of(1, "invalid: one", 4, "invalid: four")), 1);
    try (StorageWriteSink sink = sink(guarantee).table(ISSUES).build()) {
      SinkResult result = sink.write(request);
      assertEquals(6, result.failures().size());
      Set<String> retryable = new HashSet<>();
      result
          .failures()
          .forEach(
              failure -> {
                if (failure.retryable()) {
                  retryable.add(failure.recordId());
                } else {
                  assertTrue(
                      failure.recordId().equals("rows-1") && failure.reason().contains("one")
                          || failure.recordId().equals("rows-4")
                              && failure.reason().contains("four"),
                      failure::toString);
                }
              });
      assertEquals(Set.of("rows-0", "rows-2", "rows-3", "rows-5"), retryable);
      List<BatchRecord> rest = new ArrayList<>();
      request.stream().filter(r -> retryable.contains(r.id())).forEach(rest::add);
      assertEquals(List.of(), sink.write(rest).failures());
    }
    assertEquals(
        Set.of("rows-0", "rows-2", "rows-3", "rows-5"),
        LocalTables.counts(bigQuery, ISSUES, ISSUE_SCHEMA, "issue_id").keySet());
  }

  @Test
  void requestsAreSplitUnderTheByteLimit() {
    LocalTables.recreate(bigQuery, ISSUES, ISSUE_SCHEMA);
    List<BatchRecord> request = issueRecords("split", 0, 300);
    try (StorageWriteSink sink =
        sink(DeliveryGuarantee.EXACTLY_ONCE).table(ISSUES).maxRequestBytes(20_000).build()) {
      assertEquals(List.of(), sink.write(request).failures());
    }
    long appends = bigQuery.faults().calls("AppendRows");
    assertTrue(appends >= 4 && appends <= 12, "AppendRows requests: " + appends);
    assertEquals(300, LocalTables.counts(bigQuery, ISSUES, ISSUE_SCHEMA, "issue_id").size());
  }

  @ParameterizedTest
  @EnumSource(DeliveryGuarantee.class)
  void everyColumnTypeRoundTrips(DeliveryGuarantee guarantee) {
    LocalTables.recreate(bigQuery, VALUES, VALUE_SCHEMA);
    try (StorageWriteSink sink = sink(guarantee).table(VALUES).build()) {
      assertEquals(List.of(), sink.write(List.of(new BatchRecord("r1", 0, EVERY_TYPE))).failures());
    }
    List<Row> rows = LocalTables.read(bigQuery, VALUES, VALUE_SCHEMA);
    assertEquals(1, rows.size());
    assertSameValues(EVERY_TYPE, rows.get(0));
  }

  static void assertSameValues(Row expected, Row actual) {
    for (String column : expected.columns()) {
      Object want = expected.get(column);
      Object got = actual.get(column);
      if (want instanceof Double d && d.isNaN()) {
        assertTrue(got instanceof Double g && g.isNaN(), column + ": " + got);
      } else if (want instanceof java.math.BigDecimal decimal) {
        assertEquals(0, decimal.compareTo((java.math.BigDecimal) got), column + ": " + got);
      } else if (column.equals("doc")) {
        assertTrue(
            new JSONObject((String) want).similar(new JSONObject((String) got)),
            column + ": " + got);
      } else {
        assertEquals(want, got, column);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DeliveryGuarantee.class)
  void aColumnAddedToTheTableIsPickedUp(DeliveryGuarantee guarantee) {
    TableSchema before =
        TableSchema.builder()
            .column(Column.required("id", ColumnType.STRING))
            .column(Column.nullable("points", ColumnType.INT64))
            .build();
    TableSchema after =
        before.toBuilder().column(Column.nullable("note", ColumnType.STRING)).build();
    LocalTables.recreate(bigQuery, EVOLVING, before);
    List<DeadLetter> dead = new CopyOnWriteArrayList<>();
    try (StorageWriteSink sink = sink(guarantee).table(EVOLVING).build();
        BatchWriter writer =
            BatchWriter.builder(sink)
                .config(fast(10))
                .writeModes(MODES)
                .deadLetters(dead::add)
                .build()) {
      writer.add(Row.builder().set("id", "a").set("points", 1L).build());
      writer.flush().join();
      Table table = bigQuery.client().getTable(LocalTables.cloud(bigQuery, EVOLVING));
      table.toBuilder()
          .setDefinition(StandardTableDefinition.of(BigQuerySchemas.toSchema(after)))
          .build()
          .update();
      writer.add(Row.builder().set("id", "b").set("points", 2L).set("note", "new").build());
      writer.flush().join();
    }
    assertEquals(List.of(), dead);
    List<Row> rows = LocalTables.read(bigQuery, EVOLVING, after);
    rows.sort(java.util.Comparator.comparing(r -> String.valueOf(r.get("id"))));
    assertEquals(2, rows.size(), rows::toString);
    assertEquals(null, rows.get(0).get("note"));
    assertEquals("new", rows.get(1).get("note"));
  }
}
