package io.github.courtside.bigquery.local.internal.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.core.ApiFuture;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.services.bigquery.model.Dataset;
import com.google.api.services.bigquery.model.DatasetReference;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsRequest;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.Exceptions;
import com.google.cloud.bigquery.storage.v1.FlushRowsRequest;
import com.google.cloud.bigquery.storage.v1.GetWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.JsonStreamWriter;
import com.google.cloud.bigquery.storage.v1.ProtoRows;
import com.google.cloud.bigquery.storage.v1.ProtoSchema;
import com.google.cloud.bigquery.storage.v1.StorageError.StorageErrorCode;
import com.google.cloud.bigquery.storage.v1.StreamWriter;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.cloud.bigquery.storage.v1.WriteStreamView;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Int64Value;
import io.github.courtside.bigquery.local.Fault;
import io.github.courtside.bigquery.local.Faults;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import io.github.courtside.bigquery.local.internal.storage.DuckDbLocalStorage;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import io.grpc.Status;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Storage Write API server driven by the official client: JsonStreamWriter, StreamWriter. */
class StorageWriteServerTest {
  private static final String PROJECT = "p";
  private static final String DATASET = "d";
  private static final AtomicInteger TABLES = new AtomicInteger();

  private static LocalStorage storage;
  private static final Faults faults = new Faults();
  private static StorageWriteServer server;
  private static BigQueryWriteClient client;

  @BeforeAll
  static void start() throws Exception {
    ServerSettings settings =
        new ServerSettings(
            PROJECT, "US", Clock.systemUTC(), Duration.ofMinutes(30), 1500, null, 0, 0);
    storage = DuckDbLocalStorage.open(settings);
    storage.createDataset(
        PROJECT,
        new Dataset()
            .setDatasetReference(new DatasetReference().setProjectId(PROJECT).setDatasetId(DATASET))
            .setLocation("US"));
    server = StorageWriteServer.start(storage, faults, settings);
    client = BigQueryWriteClient.create(server.clientSettings());
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    client.awaitTermination(5, TimeUnit.SECONDS);
    server.close();
    storage.close();
  }

  @AfterEach
  void clearFaults() {
    faults.clear();
  }

  // ---- the _default stream ----

  @Test
  void jsonStreamWriterOnTheDefaultStreamWritesEveryType() throws Exception {
    TableReference table =
        table(
            field("i", "INT64", "REQUIRED"),
            field("f", "FLOAT64", null),
            field("n", "NUMERIC", null),
            field("bn", "BIGNUMERIC", null),
            field("b", "BOOL", null),
            field("s", "STRING", null),
            field("by", "BYTES", null),
            field("d", "DATE", null),
            field("dt", "DATETIME", null),
            field("t", "TIME", null),
            field("ts", "TIMESTAMP", null),
            field("j", "JSON", null),
            field("rec", "RECORD", null)
                .setFields(List.of(field("x", "INT64", null), field("y", "STRING", null))),
            field("tags", "STRING", "REPEATED"),
            field("recs", "RECORD", "REPEATED").setFields(List.of(field("k", "STRING", null))));
    Instant ts = Instant.parse("2024-04-10T12:34:56.123456Z");
    JSONObject full =
        new JSONObject()
            .put("i", 42)
            .put("f", 1.5)
            .put("n", "123.456")
            .put("bn", "1234567890.12345678901234567890")
            .put("b", true)
            .put("s", "héllo")
            .put("by", ByteString.copyFromUtf8("bin"))
            .put("d", "2024-04-10")
            .put("dt", "2024-04-10T12:34:56.123456")
            .put("t", "12:34:56.123456")
            .put("ts", ts.getEpochSecond() * 1_000_000 + ts.getNano() / 1_000)
            .put("j", "{\"a\":[1,2]}")
            .put("rec", new JSONObject().put("x", 7).put("y", "seven"))
            .put("tags", new JSONArray().put("a").put("b"))
            .put("recs", new JSONArray().put(new JSONObject().put("k", "one")));
    JSONObject sparse = new JSONObject().put("i", 43);

    try (JsonStreamWriter writer = JsonStreamWriter.newBuilder(path(table), client).build()) {
      assertTrue(writer.getStreamName().endsWith("_default"), writer.getStreamName());
      AppendRowsResponse response = writer.append(new JSONArray().put(full).put(sparse)).get();
      assertFalse(response.hasError(), response::toString);
    }

    List<Map<String, Object>> rows = rows(table);
    assertEquals(2, rows.size());
    Map<String, Object> row = rows.get(0);
    assertEquals(42L, row.get("i"));
    assertEquals(1.5, row.get("f"));
    assertEquals(0, new BigDecimal("123.456").compareTo((BigDecimal) row.get("n")));
    assertEquals(
        0, new BigDecimal("1234567890.12345678901234567890").compareTo((BigDecimal) row.get("bn")));
    assertEquals(true, row.get("b"));
    assertEquals("héllo", row.get("s"));
    assertArrayEquals(
        "bin".getBytes(java.nio.charset.StandardCharsets.UTF_8), (byte[]) row.get("by"));
    assertEquals(LocalDate.of(2024, 4, 10), row.get("d"));
    assertEquals(LocalDateTime.of(2024, 4, 10, 12, 34, 56, 123_456_000), row.get("dt"));
    assertEquals(LocalTime.of(12, 34, 56, 123_456_000), row.get("t"));
    assertEquals(ts, row.get("ts"));
    assertEquals("{\"a\":[1,2]}", row.get("j").toString().replace(" ", ""));
    assertEquals(Map.of("x", 7L, "y", "seven"), row.get("rec"));
    assertEquals(List.of("a", "b"), row.get("tags"));
    assertEquals(List.of(Map.of("k", "one")), row.get("recs"));

    Map<String, Object> second = rows.get(1);
    assertEquals(43L, second.get("i"));
    assertEquals(null, second.get("s"));
    assertEquals(null, second.get("rec"));
    assertEquals(List.of(), second.get("tags"));
  }

  @Test
  void theDefaultStreamRefusesOffsets() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    try (JsonStreamWriter writer = JsonStreamWriter.newBuilder(path(table), client).build()) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () -> writer.append(new JSONArray().put(new JSONObject().put("id", 1)), 0).get());
      assertEquals(Status.Code.INVALID_ARGUMENT, Status.fromThrowable(e.getCause()).getCode());
    }
    assertEquals(0, rows(table).size());
  }

  @Test
  void getWriteStreamDescribesTheDefaultStreamWithItsSchemaInTheFullView() {
    TableReference table =
        table(
            field("id", "INTEGER", "REQUIRED"),
            field("r", "RECORD", "REPEATED").setFields(List.of(field("x", "FLOAT", null))));
    WriteStream stream =
        client.getWriteStream(
            GetWriteStreamRequest.newBuilder()
                .setName(path(table) + "/streams/_default")
                .setView(WriteStreamView.FULL)
                .build());
    assertEquals(WriteStream.Type.COMMITTED, stream.getType());
    assertEquals("US", stream.getLocation());
    var fields = stream.getTableSchema().getFieldsList();
    assertEquals("id", fields.get(0).getName());
    assertEquals(
        com.google.cloud.bigquery.storage.v1.TableFieldSchema.Type.INT64, fields.get(0).getType());
    assertEquals(
        com.google.cloud.bigquery.storage.v1.TableFieldSchema.Mode.REQUIRED,
        fields.get(0).getMode());
    assertEquals(
        com.google.cloud.bigquery.storage.v1.TableFieldSchema.Type.STRUCT, fields.get(1).getType());
    assertEquals(
        com.google.cloud.bigquery.storage.v1.TableFieldSchema.Mode.REPEATED,
        fields.get(1).getMode());
    assertEquals(
        com.google.cloud.bigquery.storage.v1.TableFieldSchema.Type.DOUBLE,
        fields.get(1).getFields(0).getType());

    WriteStream basic =
        client.getWriteStream(
            GetWriteStreamRequest.newBuilder().setName(path(table) + "/streams/_default").build());
    assertFalse(basic.hasTableSchema());
  }

  @Test
  void theConnectionPoolWritesGzippedRequestsThroughTheDefaultStream() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    try (JsonStreamWriter writer =
        JsonStreamWriter.newBuilder(path(table), client)
            .setEnableConnectionPool(true)
            .setCompressorName("gzip")
            .build()) {
      writer.append(new JSONArray().put(new JSONObject().put("id", 1))).get();
      writer.append(new JSONArray().put(new JSONObject().put("id", 2))).get();
    }
    assertEquals(List.of(1L, 2L), ids(table));
  }

  @Test
  void aWriterPicksUpAColumnAddedWhileItWrites() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    try (JsonStreamWriter writer = JsonStreamWriter.newBuilder(path(table), client).build()) {
      writer.append(ids(1)).get();
      storage.patchTable(
          table,
          new Table()
              .setSchema(
                  new TableSchema()
                      .setFields(
                          List.of(field("id", "INT64", null), field("note", "STRING", null)))));
      AppendRowsResponse response = writer.append(ids(2)).get();
      assertTrue(response.hasUpdatedSchema(), "the response tells the writer the new schema");
      assertEquals(2, response.getUpdatedSchema().getFieldsCount());
      writer.append(new JSONArray().put(new JSONObject().put("id", 3).put("note", "new"))).get();
    }
    List<Map<String, Object>> rows = rows(table);
    assertEquals(List.of(1L, 2L, 3L), ids(table));
    assertEquals("new", rows.get(2).get("note"));
    assertEquals(null, rows.get(0).get("note"));
  }

  // ---- COMMITTED streams and offsets ----

  @Test
  void aRetriedAppendAtTheSameOffsetIsRefusedAndEveryRowLandsOnce() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    WriteStream stream = create(table, WriteStream.Type.COMMITTED);
    assertTrue(stream.getName().startsWith(path(table) + "/streams/"));
    assertEquals(WriteStream.WriteMode.INSERT, stream.getWriteMode());
    assertTrue(stream.hasCreateTime());
    try (JsonStreamWriter writer =
        JsonStreamWriter.newBuilder(stream.getName(), stream.getTableSchema(), client).build()) {
      AppendRowsResponse first = writer.append(ids(1, 2), 0).get();
      assertEquals(0, first.getAppendResult().getOffset().getValue());
      assertEquals(List.of(1L, 2L), ids(table));

      ExecutionException retried =
          assertThrows(ExecutionException.class, () -> writer.append(ids(1, 2), 0).get());
      Exceptions.OffsetAlreadyExists already =
          assertInstanceOf(Exceptions.OffsetAlreadyExists.class, retried.getCause());
      assertEquals(Status.Code.ALREADY_EXISTS, already.getStatus().getCode());
      assertEquals(2, already.getExpectedOffset());
      assertEquals(0, already.getActualOffset());

      AppendRowsResponse next = writer.append(ids(3), 2).get();
      assertEquals(2, next.getAppendResult().getOffset().getValue());
    }
    assertEquals(List.of(1L, 2L, 3L), ids(table));
  }

  @Test
  void anOffsetBeyondTheEndIsOutOfRangeAndAppendsNothing() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    WriteStream stream = create(table, WriteStream.Type.COMMITTED);
    try (JsonStreamWriter writer =
        JsonStreamWriter.newBuilder(stream.getName(), stream.getTableSchema(), client).build()) {
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> writer.append(ids(1), 5).get());
      assertInstanceOf(Exceptions.OffsetOutOfRange.class, e.getCause());
    }
    assertEquals(List.of(), ids(table));
  }

  @Test
  void aFinalizedStreamRefusesAppends() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    WriteStream stream = create(table, WriteStream.Type.COMMITTED);
    try (JsonStreamWriter writer =
        JsonStreamWriter.newBuilder(stream.getName(), stream.getTableSchema(), client).build()) {
      writer.append(ids(1, 2, 3)).get();
      assertEquals(3, client.finalizeWriteStream(stream.getName()).getRowCount());
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> writer.append(ids(4)).get());
      assertInstanceOf(Exceptions.StreamFinalizedException.class, e.getCause());
    }
    assertEquals(List.of(1L, 2L, 3L), ids(table));
  }

  // ---- PENDING streams ----

  @Test
  void pendingStreamsBecomeVisibleTogetherAtBatchCommit() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    WriteStream a = create(table, WriteStream.Type.PENDING);
    WriteStream b = create(table, WriteStream.Type.PENDING);
    append(a, ids(1, 2));
    append(b, ids(3));
    assertEquals(List.of(), ids(table));

    assertEquals(2, client.finalizeWriteStream(a.getName()).getRowCount());
    assertEquals(1, client.finalizeWriteStream(b.getName()).getRowCount());
    assertEquals(List.of(), ids(table));

    BatchCommitWriteStreamsResponse commit = commit(table, a, b);
    assertTrue(commit.hasCommitTime(), commit::toString);
    assertEquals(0, commit.getStreamErrorsCount());
    assertEquals(List.of(1L, 2L, 3L), ids(table).stream().sorted().toList());
    assertTrue(
        client.getWriteStream(a.getName()).hasCommitTime(), "a committed stream has commit_time");

    BatchCommitWriteStreamsResponse again = commit(table, a);
    assertFalse(again.hasCommitTime());
    assertEquals(StorageErrorCode.STREAM_ALREADY_COMMITTED, again.getStreamErrors(0).getCode());
    assertEquals(3, ids(table).size());
  }

  @Test
  void aBatchCommitWithAnUnfinalizedStreamCommitsNothing() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    WriteStream a = create(table, WriteStream.Type.PENDING);
    WriteStream b = create(table, WriteStream.Type.PENDING);
    append(a, ids(1));
    append(b, ids(2));
    client.finalizeWriteStream(a.getName());

    BatchCommitWriteStreamsResponse refused = commit(table, a, b);
    assertFalse(refused.hasCommitTime());
    assertEquals(1, refused.getStreamErrorsCount());
    assertEquals(b.getName(), refused.getStreamErrors(0).getEntity());
    assertEquals(StorageErrorCode.INVALID_STREAM_STATE, refused.getStreamErrors(0).getCode());
    assertEquals(List.of(), ids(table));

    client.finalizeWriteStream(b.getName());
    assertTrue(commit(table, a, b).hasCommitTime());
    assertEquals(List.of(1L, 2L), ids(table).stream().sorted().toList());
  }

  // ---- BUFFERED streams ----

  @Test
  void bufferedRowsBecomeVisibleUpToTheFlushedOffset() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    WriteStream stream = create(table, WriteStream.Type.BUFFERED);
    try (JsonStreamWriter writer =
        JsonStreamWriter.newBuilder(stream.getName(), stream.getTableSchema(), client).build()) {
      writer.append(ids(1, 2, 3), 0).get();
      writer.append(ids(4, 5), 3).get();
    }
    assertEquals(List.of(), ids(table));
    assertEquals(2, flush(stream, 2));
    assertEquals(List.of(1L, 2L, 3L), ids(table));
    assertEquals(1, flush(stream, 1), "flushing below the flush point is a no-op");
    assertEquals(List.of(1L, 2L, 3L), ids(table));
    assertEquals(4, flush(stream, 4));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(table));
    com.google.api.gax.rpc.ApiException beyond =
        assertThrows(com.google.api.gax.rpc.ApiException.class, () -> flush(stream, 5));
    assertEquals(
        com.google.api.gax.rpc.StatusCode.Code.OUT_OF_RANGE, beyond.getStatusCode().getCode());
  }

  // ---- row errors ----

  @Test
  void rowErrorsNameTheRowAndFieldAndAppendNothing() throws Exception {
    TableReference table = table(field("id", "INT64", "REQUIRED"), field("payload", "JSON", null));
    Descriptor descriptor =
        descriptor(
            FieldDescriptorProto.newBuilder()
                .setName("id")
                .setNumber(1)
                .setType(FieldDescriptorProto.Type.TYPE_INT64)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL),
            FieldDescriptorProto.newBuilder()
                .setName("payload")
                .setNumber(2)
                .setType(FieldDescriptorProto.Type.TYPE_STRING)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL));
    ProtoRows rows =
        ProtoRows.newBuilder()
            .addSerializedRows(message(descriptor, 1L, "{\"ok\":true}"))
            .addSerializedRows(message(descriptor, 2L, "{not json"))
            .addSerializedRows(message(descriptor, null, "{}"))
            .build();
    try (StreamWriter writer =
        StreamWriter.newBuilder(path(table) + "/streams/_default", client)
            .setWriterSchema(
                ProtoSchema.newBuilder().setProtoDescriptor(descriptor.toProto()).build())
            .build()) {
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> writer.append(rows).get());
      Exceptions.AppendSerializationError error =
          assertInstanceOf(Exceptions.AppendSerializationError.class, e.getCause());
      assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
      Map<Integer, String> byRow = error.getRowIndexToErrorMessage();
      assertEquals(List.of(1, 2), byRow.keySet().stream().sorted().toList());
      assertTrue(byRow.get(1).contains("payload"), byRow.get(1));
      assertTrue(byRow.get(2).contains("id"), byRow.get(2));

      AppendRowsResponse ok =
          writer
              .append(
                  ProtoRows.newBuilder().addSerializedRows(message(descriptor, 9L, null)).build())
              .get();
      assertFalse(ok.hasError());
    }
    assertEquals(List.of(9L), ids(table));
  }

  @Test
  void aWriterSchemaFieldWithoutAColumnIsRefused() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    Descriptor descriptor =
        descriptor(
            FieldDescriptorProto.newBuilder()
                .setName("id")
                .setNumber(1)
                .setType(FieldDescriptorProto.Type.TYPE_INT64),
            FieldDescriptorProto.newBuilder()
                .setName("extra")
                .setNumber(2)
                .setType(FieldDescriptorProto.Type.TYPE_STRING));
    try (StreamWriter writer =
        StreamWriter.newBuilder(path(table) + "/streams/_default", client)
            .setWriterSchema(
                ProtoSchema.newBuilder().setProtoDescriptor(descriptor.toProto()).build())
            .build()) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () ->
                  writer
                      .append(
                          ProtoRows.newBuilder()
                              .addSerializedRows(message(descriptor, 1L, "x"))
                              .build())
                      .get());
      assertInstanceOf(Exceptions.SchemaMismatchedException.class, e.getCause());
    }
    assertEquals(List.of(), ids(table));
  }

  @Test
  void injectedRowErrorsRejectTheRequest() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    faults.failNext("AppendRows", Fault.rowErrors(Map.of(1, "invalid (injected)")), 1);
    try (JsonStreamWriter writer = JsonStreamWriter.newBuilder(path(table), client).build()) {
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> writer.append(ids(1, 2, 3)).get());
      Exceptions.AppendSerializationError error =
          assertInstanceOf(Exceptions.AppendSerializationError.class, e.getCause());
      assertEquals(Map.of(1, "invalid (injected)"), error.getRowIndexToErrorMessage());
      assertEquals(List.of(), ids(table));
      writer.append(ids(1, 2, 3)).get();
    }
    assertEquals(List.of(1L, 2L, 3L), ids(table));
  }

  // ---- faults ----

  @Test
  void aRateLimitedAppendIsSurfacedWithoutRetrySettingsAndRetriedWithThem() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    faults.failNext("AppendRows", Fault.rateLimitExceeded(), 1);
    try (JsonStreamWriter writer = JsonStreamWriter.newBuilder(path(table), client).build()) {
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> writer.append(ids(1)).get());
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, Status.fromThrowable(e.getCause()).getCode());
      assertEquals(List.of(), ids(table));
    }

    faults.resetCalls();
    faults.failNext("AppendRows", Fault.rateLimitExceeded(), 2);
    RetrySettings retry =
        RetrySettings.newBuilder()
            .setMaxAttempts(5)
            .setInitialRetryDelayDuration(Duration.ofMillis(10))
            .setRetryDelayMultiplier(1.5)
            .setMaxRetryDelayDuration(Duration.ofMillis(100))
            .build();
    try (JsonStreamWriter writer =
        JsonStreamWriter.newBuilder(path(table), client).setRetrySettings(retry).build()) {
      assertFalse(writer.append(ids(2)).get().hasError());
    }
    assertEquals(3, faults.calls("AppendRows"));
    assertEquals(List.of(2L), ids(table));
  }

  @Test
  void aServiceUnavailableAppendIsResentOnANewConnection() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    WriteStream stream = create(table, WriteStream.Type.COMMITTED);
    faults.failNext("AppendRows", Fault.unavailable(), 1);
    try (JsonStreamWriter writer =
        JsonStreamWriter.newBuilder(stream.getName(), stream.getTableSchema(), client).build()) {
      assertEquals(0, writer.append(ids(1, 2), 0).get().getAppendResult().getOffset().getValue());
    }
    assertEquals(List.of(1L, 2L), ids(table));
  }

  @Test
  void anAmbiguousAppendLandsWhileTheClientSeesAFailure() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    WriteStream stream = create(table, WriteStream.Type.COMMITTED);
    faults.failNext("AppendRows", Fault.ambiguous(), 1);
    try (JsonStreamWriter writer =
        JsonStreamWriter.newBuilder(stream.getName(), stream.getTableSchema(), client).build()) {
      // the connection breaks after the write; the client resends at the same offset, which the
      // server refuses: the caller sees a failure, the rows are in the table exactly once
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> writer.append(ids(1, 2), 0).get());
      assertInstanceOf(Exceptions.OffsetAlreadyExists.class, e.getCause());
      assertEquals(List.of(1L, 2L), ids(table));
      writer.append(ids(3), 2).get();
    }
    assertEquals(List.of(1L, 2L, 3L), ids(table));
  }

  @Test
  void anAmbiguousBatchCommitCommitsOnceAndTheRetryIsToldSo() throws Exception {
    TableReference table = table(field("id", "INT64", null));
    WriteStream a = create(table, WriteStream.Type.PENDING);
    append(a, ids(1, 2));
    client.finalizeWriteStream(a.getName());
    faults.failNext("BatchCommitWriteStreams", Fault.ambiguous(), 1);
    long before = faults.calls("BatchCommitWriteStreams");
    BatchCommitWriteStreamsResponse response = commit(table, a);
    // gax retried the UNAVAILABLE; the retry finds the stream committed
    assertEquals(before + 2, faults.calls("BatchCommitWriteStreams"));
    assertEquals(StorageErrorCode.STREAM_ALREADY_COMMITTED, response.getStreamErrors(0).getCode());
    assertEquals(List.of(1L, 2L), ids(table));
  }

  @Test
  void unaryRateLimitsAreRetriedByTheClient() {
    TableReference table = table(field("id", "INT64", null));
    long before = faults.calls("GetWriteStream");
    faults.failNext("GetWriteStream", Fault.rateLimitExceeded(), 2);
    WriteStream stream = client.getWriteStream(path(table) + "/streams/_default");
    assertEquals(path(table) + "/streams/_default", stream.getName());
    assertEquals(before + 3, faults.calls("GetWriteStream"));
  }

  @Test
  void anAmbiguousAppendOnTheDefaultStreamIsResentAndLandsTwice() throws Exception {
    // at-least-once: StreamWriter resends what was in flight when a connection breaks, and the
    // _default stream has no offsets to refuse the copy; exactly-once needs a COMMITTED stream
    TableReference table = table(field("id", "INT64", null));
    faults.failNext("AppendRows", Fault.ambiguous(), 1);
    try (JsonStreamWriter writer = JsonStreamWriter.newBuilder(path(table), client).build()) {
      assertFalse(writer.append(ids(1)).get().hasError());
    }
    assertEquals(List.of(1L, 1L), ids(table));
  }

  @Test
  void operationsOnTheWrongKindOfStreamAreRefused() {
    TableReference table = table(field("id", "INT64", null));
    WriteStream committed = create(table, WriteStream.Type.COMMITTED);
    com.google.api.gax.rpc.ApiException flush =
        assertThrows(com.google.api.gax.rpc.ApiException.class, () -> flush(committed, 0));
    assertEquals(
        com.google.api.gax.rpc.StatusCode.Code.INVALID_ARGUMENT, flush.getStatusCode().getCode());
    com.google.api.gax.rpc.ApiException finalizeDefault =
        assertThrows(
            com.google.api.gax.rpc.ApiException.class,
            () -> client.finalizeWriteStream(path(table) + "/streams/_default"));
    assertEquals(
        com.google.api.gax.rpc.StatusCode.Code.INVALID_ARGUMENT,
        finalizeDefault.getStatusCode().getCode());
    client.finalizeWriteStream(committed.getName());
    BatchCommitWriteStreamsResponse commit = commit(table, committed);
    assertFalse(commit.hasCommitTime());
    assertEquals(StorageErrorCode.INVALID_STREAM_TYPE, commit.getStreamErrors(0).getCode());
    BatchCommitWriteStreamsResponse unknown =
        client.batchCommitWriteStreams(
            BatchCommitWriteStreamsRequest.newBuilder()
                .setParent(path(table))
                .addWriteStreams(path(table) + "/streams/nosuchstream")
                .build());
    assertEquals(StorageErrorCode.STREAM_NOT_FOUND, unknown.getStreamErrors(0).getCode());
  }

  // ---- missing things ----

  @Test
  void aMissingTableIsNotFound() {
    TableReference missing =
        new TableReference().setProjectId(PROJECT).setDatasetId(DATASET).setTableId("missing");
    NotFoundException create =
        assertThrows(
            NotFoundException.class,
            () ->
                client.createWriteStream(
                    CreateWriteStreamRequest.newBuilder()
                        .setParent(path(missing))
                        .setWriteStream(WriteStream.newBuilder().setType(WriteStream.Type.PENDING))
                        .build()));
    assertTrue(create.getMessage().contains("missing"), create.getMessage());
    assertThrows(
        NotFoundException.class, () -> JsonStreamWriter.newBuilder(path(missing), client).build());
    assertThrows(
        NotFoundException.class,
        () -> client.getWriteStream(path(missing) + "/streams/nosuchstream"));
  }

  // ---- helpers ----

  private static TableFieldSchema field(String name, String type, String mode) {
    TableFieldSchema field = new TableFieldSchema().setName(name).setType(type);
    return mode == null ? field : field.setMode(mode);
  }

  private static TableReference table(TableFieldSchema... fields) {
    TableReference ref =
        new TableReference()
            .setProjectId(PROJECT)
            .setDatasetId(DATASET)
            .setTableId("t" + TABLES.incrementAndGet());
    storage.createTable(
        new Table().setTableReference(ref).setSchema(new TableSchema().setFields(List.of(fields))));
    return ref;
  }

  private static String path(TableReference ref) {
    return "projects/"
        + ref.getProjectId()
        + "/datasets/"
        + ref.getDatasetId()
        + "/tables/"
        + ref.getTableId();
  }

  private static List<Map<String, Object>> rows(TableReference table) {
    List<Map<String, Object>> rows = new ArrayList<>();
    storage.read(table, 0, 10_000, null).rows().forEach(rows::add);
    return rows;
  }

  private static List<Long> ids(TableReference table) {
    return rows(table).stream().map(r -> (Long) r.get("id")).toList();
  }

  private static JSONArray ids(long... ids) {
    JSONArray rows = new JSONArray();
    for (long id : ids) {
      rows.put(new JSONObject().put("id", id));
    }
    return rows;
  }

  private static WriteStream create(TableReference table, WriteStream.Type type) {
    WriteStream stream =
        client.createWriteStream(
            CreateWriteStreamRequest.newBuilder()
                .setParent(path(table))
                .setWriteStream(WriteStream.newBuilder().setType(type))
                .build());
    assertEquals(type, stream.getType());
    return stream;
  }

  private static void append(WriteStream stream, JSONArray rows) throws Exception {
    try (JsonStreamWriter writer =
        JsonStreamWriter.newBuilder(stream.getName(), stream.getTableSchema(), client).build()) {
      ApiFuture<AppendRowsResponse> future = writer.append(rows);
      assertFalse(future.get().hasError());
    }
  }

  private static BatchCommitWriteStreamsResponse commit(
      TableReference table, WriteStream... streams) {
    BatchCommitWriteStreamsRequest.Builder request =
        BatchCommitWriteStreamsRequest.newBuilder().setParent(path(table));
    for (WriteStream stream : streams) {
      request.addWriteStreams(stream.getName());
    }
    return client.batchCommitWriteStreams(request.build());
  }

  private static long flush(WriteStream stream, long offset) {
    return client
        .flushRows(
            FlushRowsRequest.newBuilder()
                .setWriteStream(stream.getName())
                .setOffset(Int64Value.of(offset))
                .build())
        .getOffset();
  }

  private static Descriptor descriptor(FieldDescriptorProto.Builder... fields) throws Exception {
    DescriptorProto.Builder message = DescriptorProto.newBuilder().setName("Row");
    for (FieldDescriptorProto.Builder field : fields) {
      message.addField(field);
    }
    FileDescriptor file =
        FileDescriptor.buildFrom(
            FileDescriptorProto.newBuilder().setName("row.proto").addMessageType(message).build(),
            new FileDescriptor[0]);
    return file.findMessageTypeByName("Row");
  }

  private static ByteString message(Descriptor descriptor, Long id, String second) {
    DynamicMessage.Builder message = DynamicMessage.newBuilder(descriptor);
    if (id != null) {
      message.setField(descriptor.findFieldByName("id"), id);
    }
    if (second != null) {
      message.setField(descriptor.getFields().get(1), second);
    }
    return message.build().toByteString();
  }
}
