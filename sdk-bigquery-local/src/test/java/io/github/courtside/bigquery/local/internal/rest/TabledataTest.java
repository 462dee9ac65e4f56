package io.github.courtside.bigquery.local.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.InsertAllResponse;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TableResult;
import io.github.courtside.bigquery.local.Fault;
import io.github.courtside.bigquery.local.LocalBigQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** tabledata.insertAll and tabledata.list through the official Java client. */
class TabledataTest {
  @RegisterExtension static LocalBigQuery bigQuery = LocalBigQuery.create();

  private static final Schema SCHEMA =
      Schema.of(
          Field.newBuilder("player_id", StandardSQLTypeName.INT64)
              .setMode(Field.Mode.REQUIRED)
              .build(),
          Field.of("name", StandardSQLTypeName.STRING),
          Field.of("pts", StandardSQLTypeName.FLOAT64),
          Field.of("at", StandardSQLTypeName.TIMESTAMP),
          Field.newBuilder("tags", StandardSQLTypeName.STRING).setMode(Field.Mode.REPEATED).build(),
          Field.of(
              "team",
              StandardSQLTypeName.STRUCT,
              Field.of("code", StandardSQLTypeName.STRING),
              Field.of("wins", StandardSQLTypeName.INT64)));

  private final BigQuery bq = bigQuery.client();

  @BeforeAll
  static void dataset() {
    bigQuery.client().create(DatasetInfo.of("td"));
  }

  @AfterEach
  void clearFaults() {
    bigQuery.faults().clear();
  }

  private TableId table(String name) {
    TableId id = TableId.of("td", name);
    bq.create(TableInfo.of(id, StandardTableDefinition.of(SCHEMA)));
    return id;
  }

  private static Map<String, Object> row(long id, String name, Object pts) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("player_id", id);
    row.put("name", name);
    row.put("pts", pts);
    return row;
  }

  @Test
  void duplicateInsertIdsAreKeptOnce() {
    TableId id = table("dedup");
    InsertAllResponse first =
        bq.insertAll(
            InsertAllRequest.newBuilder(id)
                .addRow("a", row(1, "LeBron", 25.5))
                .addRow("b", row(2, "Luka", 30.0))
                .addRow("a", row(1, "LeBron", 25.5))
                .build());
    assertFalse(first.hasErrors());
    InsertAllResponse retry =
        bq.insertAll(
            InsertAllRequest.newBuilder(id)
                .addRow("b", row(2, "Luka", 30.0))
                .addRow("c", row(3, "Jokic", 28.0))
                .build());
    assertFalse(retry.hasErrors());
    TableResult rows = bq.listTableData(id, SCHEMA);
    assertEquals(3, rows.getTotalRows());
    List<Long> ids = new ArrayList<>();
    rows.iterateAll().forEach(r -> ids.add(r.get("player_id").getLongValue()));
    assertEquals(List.of(1L, 2L, 3L), ids);
  }

  @Test
  void perRowErrorsStopTheRequestUnlessInvalidRowsAreSkipped() {
    TableId id = table("errors");
    InsertAllResponse stopped =
        bq.insertAll(
            InsertAllRequest.newBuilder(id)
                .addRow(row(1, "LeBron", 25.5))
                .addRow(row(2, "Luka", "bad"))
                .build());
    assertTrue(stopped.hasErrors());
    BigQueryError bad = stopped.getErrorsFor(1).get(0);
    assertEquals("invalid", bad.getReason());
    assertEquals("pts", bad.getLocation());
    assertEquals("stopped", stopped.getErrorsFor(0).get(0).getReason());
    assertEquals(0, bq.listTableData(id, SCHEMA).getTotalRows());

    InsertAllResponse skipped =
        bq.insertAll(
            InsertAllRequest.newBuilder(id)
                .addRow(row(1, "LeBron", 25.5))
                .addRow(Map.of("name", "no id"))
                .addRow(Map.of("player_id", 3, "unknown", 1))
                .setSkipInvalidRows(true)
                .build());
    assertEquals(2, skipped.getInsertErrors().size());
    assertEquals("player_id", skipped.getErrorsFor(1).get(0).getLocation());
    assertEquals("unknown", skipped.getErrorsFor(2).get(0).getLocation());
    assertEquals(1, bq.listTableData(id, SCHEMA).getTotalRows());

    InsertAllResponse ignored =
        bq.insertAll(
            InsertAllRequest.newBuilder(id)
                .addRow(Map.of("player_id", 4, "unknown", 1))
                .setIgnoreUnknownValues(true)
                .build());
    assertFalse(ignored.hasErrors());
    assertEquals(2, bq.listTableData(id, SCHEMA).getTotalRows());
  }

  @Test
  void injectedRowErrors() {
    TableId id = table("injected");
    bigQuery.faults().failNext("tabledata.insertAll", Fault.rowErrors(Map.of(1, "invalid")), 1);
    InsertAllResponse response =
        bq.insertAll(
            InsertAllRequest.newBuilder(id)
                .addRow(row(1, "a", 1.0))
                .addRow(row(2, "b", 2.0))
                .addRow(row(3, "c", 3.0))
                .setSkipInvalidRows(true)
                .build());
    assertEquals(1, response.getInsertErrors().size());
    assertEquals("invalid", response.getErrorsFor(1).get(0).getReason());
    assertEquals(2, bq.listTableData(id, SCHEMA).getTotalRows());
  }

  @Test
  void rateLimitOnInsertAllReachesTheCallerWithNothingWritten() {
    // google-cloud-bigquery retries insertAll only on connection failures, and never a 429
    TableId id = table("limited");
    bigQuery.faults().resetCalls();
    bigQuery.faults().failNext("tabledata.insertAll", Fault.rateLimitExceeded(), 1);
    BigQueryException error =
        assertThrows(
            BigQueryException.class,
            () ->
                bq.insertAll(
                    InsertAllRequest.newBuilder(id).addRow("x", row(1, "a", 1.0)).build()));
    assertEquals(429, error.getCode());
    assertEquals("rateLimitExceeded", error.getReason());
    assertEquals(1, bigQuery.faults().calls("tabledata.insertAll"));
    assertEquals(0, bq.listTableData(id, SCHEMA).getTotalRows());
  }

  @Test
  void ambiguousFailureWritesTheRowsAndARetryIsDeduplicated() {
    TableId id = table("ambiguous");
    bigQuery.faults().failNext("tabledata.insertAll", Fault.ambiguous(), 1);
    InsertAllRequest request =
        InsertAllRequest.newBuilder(id).addRow("x", row(1, "a", 1.0)).build();
    BigQueryException error = assertThrows(BigQueryException.class, () -> bq.insertAll(request));
    assertEquals(500, error.getCode());
    assertEquals("backendError", error.getReason());
    assertEquals(1, bq.listTableData(id, SCHEMA).getTotalRows());
    assertFalse(bq.insertAll(request).hasErrors());
    assertEquals(1, bq.listTableData(id, SCHEMA).getTotalRows());
  }

  @Test
  void nestedRepeatedAndTimestampValuesRoundTrip() {
    TableId id = table("values");
    Map<String, Object> row = row(7, "Tatum", 31.25);
    row.put("at", "2024-04-10 19:30:00.123456 UTC");
    row.put("tags", List.of("x", "y"));
    row.put("team", Map.of("code", "BOS", "wins", 64));
    assertFalse(bq.insertAll(InsertAllRequest.newBuilder(id).addRow(row).build()).hasErrors());
    FieldValueList read = bq.listTableData(id, SCHEMA).getValues().iterator().next();
    assertEquals(31.25, read.get("pts").getDoubleValue());
    assertEquals(
        Instant.parse("2024-04-10T19:30:00.123456Z"), read.get("at").getTimestampInstant());
    assertEquals(2, read.get("tags").getRepeatedValue().size());
    assertEquals("y", read.get("tags").getRepeatedValue().get(1).getStringValue());
    assertEquals("BOS", read.get("team").getRecordValue().get("code").getStringValue());
    assertEquals(64, read.get("team").getRecordValue().get("wins").getLongValue());
    assertFalse(read.get("name").isNull());
    assertEquals("Tatum", read.get("name").getStringValue());
  }

  @Test
  void tabledataListPagesWithTokensAndStartIndex() {
    TableId id = table("paged");
    InsertAllRequest.Builder request = InsertAllRequest.newBuilder(id);
    for (int i = 0; i < 25; i++) {
      request.addRow(row(i, "p" + i, (double) i));
    }
    assertFalse(bq.insertAll(request.build()).hasErrors());

    TableResult first = bq.listTableData(id, SCHEMA, BigQuery.TableDataListOption.pageSize(10));
    assertEquals(25, first.getTotalRows());
    assertEquals(10, count(first.getValues()));
    assertTrue(first.hasNextPage());
    TableResult second = first.getNextPage();
    assertEquals(10, second.getValues().iterator().next().get("player_id").getLongValue());
    List<Long> all = new ArrayList<>();
    bq.listTableData(id, SCHEMA, BigQuery.TableDataListOption.pageSize(10))
        .iterateAll()
        .forEach(r -> all.add(r.get("player_id").getLongValue()));
    assertEquals(25, all.size());
    assertEquals(24L, all.get(24));

    TableResult fromTwenty =
        bq.listTableData(
            id,
            SCHEMA,
            BigQuery.TableDataListOption.startIndex(20),
            BigQuery.TableDataListOption.pageSize(3));
    List<Long> tail = new ArrayList<>();
    fromTwenty.iterateAll().forEach(r -> tail.add(r.get("player_id").getLongValue()));
    assertEquals(List.of(20L, 21L, 22L, 23L, 24L), tail);
  }

  @Test
  void insertAllIntoAMissingTableIsNotFound() {
    BigQueryException missing =
        assertThrows(
            BigQueryException.class,
            () ->
                bq.insertAll(
                    InsertAllRequest.newBuilder(TableId.of("td", "nope"))
                        .addRow(row(1, "a", 1.0))
                        .build()));
    assertEquals(404, missing.getCode());
    assertTrue(missing.getMessage().contains("td.nope"), missing.getMessage());
  }

  private static int count(Iterable<?> items) {
    int n = 0;
    for (Object ignored : items) {
      n++;
    }
    return n;
  }
}
