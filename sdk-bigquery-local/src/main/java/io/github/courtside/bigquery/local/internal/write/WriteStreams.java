package io.github.courtside.bigquery.local.internal.write;

import com.google.api.services.bigquery.model.Dataset;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsResponse;
import com.google.cloud.bigquery.storage.v1.RowError;
import com.google.cloud.bigquery.storage.v1.StorageError;
import com.google.cloud.bigquery.storage.v1.StorageError.StorageErrorCode;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.cloud.bigquery.storage.v1.WriteStreamView;
import com.google.protobuf.Int64Value;
import com.google.protobuf.Timestamp;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import io.github.courtside.bigquery.local.internal.storage.TableAppend;
import io.github.courtside.bigquery.local.internal.storage.WriteOrigin;
import io.grpc.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The server's write streams and what each operation does to them and to the storage: COMMITTED
 * streams and {@code _default} write through, PENDING streams hold rows until {@code
 * BatchCommitWriteStreams}, BUFFERED streams until {@code FlushRows}. Offsets are checked against a
 * stream's row count, which is what makes retried appends exactly-once.
 */
final class WriteStreams {
  private final LocalStorage storage;
  private final ServerSettings settings;
  private final Map<String, WriteStreamState> streams = new ConcurrentHashMap<>();

  WriteStreams(LocalStorage storage, ServerSettings settings) {
    this.storage = storage;
    this.settings = settings;
  }

  // ---- lookup ----

  /** The table's current resource; NOT_FOUND (TABLE_NOT_FOUND) when it is missing. */
  Table table(TableReference ref) {
    return storage.table(ref).orElseThrow(() -> WriteError.tableNotFound(ref));
  }

  /** The stream named {@code name}; {@code _default} streams exist for every table. */
  WriteStreamState stream(String name) {
    StreamName parsed =
        StreamName.parse(name)
            .orElseThrow(() -> WriteError.invalid("Invalid stream name: " + name));
    if (parsed.isDefault()) {
      Table table = table(parsed.tableReference());
      return streams.computeIfAbsent(
          parsed.toString(),
          n -> new WriteStreamState(parsed, WriteStream.Type.COMMITTED, creationTime(table)));
    }
    WriteStreamState state = streams.get(parsed.toString());
    if (state == null) {
      throw WriteError.streamNotFound(name);
    }
    return state;
  }

  WriteStreamState create(String parent, WriteStream.Type type) {
    TableReference ref =
        StreamName.parseTable(parent)
            .orElseThrow(() -> WriteError.invalid("Invalid table name: " + parent));
    table(ref);
    if (type != WriteStream.Type.COMMITTED
        && type != WriteStream.Type.PENDING
        && type != WriteStream.Type.BUFFERED) {
      throw WriteError.invalid("Invalid write stream type: " + type + ". Entity: " + parent);
    }
    StreamName name = StreamName.of(ref, UUID.randomUUID().toString().replace("-", ""));
    WriteStreamState state = new WriteStreamState(name, type, settings.clock().instant());
    streams.put(name.toString(), state);
    return state;
  }

  /** The stream as the API shows it; the table schema only in the FULL view. */
  WriteStream describe(WriteStreamState state, WriteStreamView view) {
    TableReference ref = state.name().tableReference();
    WriteStream.Builder stream =
        WriteStream.newBuilder()
            .setName(state.name().toString())
            .setType(state.type())
            .setCreateTime(timestamp(state.created()))
            .setWriteMode(WriteStream.WriteMode.INSERT)
            .setLocation(location(ref));
    Instant committed = state.committedAt();
    if (committed != null) {
      stream.setCommitTime(timestamp(committed));
    }
    if (view == WriteStreamView.FULL) {
      stream.setTableSchema(StorageTableSchema.of(table(ref).getSchema()));
    }
    return stream.build();
  }

  // ---- operations ----

  /**
   * Appends decoded rows at {@code offset} (or at the end when null). A request with row problems,
   * a wrong offset or a finalized stream appends nothing.
   */
  AppendRowsResponse append(WriteStreamState state, DecodedRows rows, @Nullable Long offset) {
    String name = state.name().toString();
    state.lock().lock();
    try {
      if (state.isFinalized()) {
        throw WriteError.streamFinalized(name);
      }
      if (offset != null) {
        if (state.name().isDefault()) {
          throw WriteError.invalid(
              "Offsets are not supported on the _default stream. Entity: " + name);
        }
        checkOffset(state, offset);
      }
      if (rows.hasErrors()) {
        return rowErrors(name, rows);
      }
      long start = state.rowCount();
      if (state.type() == WriteStream.Type.COMMITTED) {
        write(List.of(appendOf(state, rows.rows())), name);
        state.accepted(rows.rows(), false);
      } else {
        state.accepted(rows.rows(), true);
      }
      AppendRowsResponse.AppendResult.Builder result = AppendRowsResponse.AppendResult.newBuilder();
      if (!state.name().isDefault()) {
        result.setOffset(Int64Value.of(start));
      }
      return AppendRowsResponse.newBuilder().setAppendResult(result).setWriteStream(name).build();
    } finally {
      state.lock().unlock();
    }
  }

  /** BUFFERED: writes the held rows up to and including {@code offset}; returns that offset. */
  long flush(WriteStreamState state, long offset) {
    String name = state.name().toString();
    if (state.name().isDefault() || state.type() != WriteStream.Type.BUFFERED) {
      throw new WriteError(
          Status.Code.INVALID_ARGUMENT,
          "FlushRows is only supported on BUFFERED streams, "
              + name
              + " is "
              + (state.name().isDefault() ? "the _default stream" : state.type())
              + ". Entity: "
              + name,
          StorageErrorCode.INVALID_STREAM_TYPE,
          name);
    }
    state.lock().lock();
    try {
      if (offset < 0 || offset >= state.rowCount()) {
        throw new WriteError(
            Status.Code.OUT_OF_RANGE,
            "The flush offset is beyond stream, expected offset < "
                + state.rowCount()
                + ", received "
                + offset
                + " Entity: "
                + name,
            StorageErrorCode.OFFSET_OUT_OF_RANGE,
            name);
      }
      long end = offset + 1;
      if (end > state.flushedRows()) {
        write(List.of(appendOf(state, state.rowsToFlush(end))), name);
        state.flushed(end);
      }
      return offset;
    } finally {
      state.lock().unlock();
    }
  }

  /** Closes the stream to appends; returns its row count. */
  long finalizeStream(WriteStreamState state) {
    String name = state.name().toString();
    if (state.name().isDefault()) {
      throw new WriteError(
          Status.Code.INVALID_ARGUMENT,
          "Cannot finalize the _default stream. Entity: " + name,
          StorageErrorCode.INVALID_STREAM_TYPE,
          name);
    }
    state.lock().lock();
    try {
      state.finalizeAt(settings.clock().instant());
      return state.rowCount();
    } finally {
      state.lock().unlock();
    }
  }

  /**
   * Commits finalized PENDING streams of {@code parent} atomically: every stream's rows in one
   * storage write, or, when any stream cannot be committed, none and a stream error for each.
   */
  BatchCommitWriteStreamsResponse batchCommit(String parent, List<String> names) {
    TableReference ref =
        StreamName.parseTable(parent)
            .orElseThrow(() -> WriteError.invalid("Invalid table name: " + parent));
    table(ref);
    if (names.isEmpty()) {
      throw WriteError.invalid("write_streams must not be empty. Entity: " + parent);
    }
    List<WriteStreamState> states = new ArrayList<>();
    List<StorageError> errors = new ArrayList<>();
    for (String name : new LinkedHashSet<>(names)) {
      StreamName parsed = StreamName.parse(name).orElse(null);
      WriteStreamState state = parsed == null ? null : streams.get(parsed.toString());
      if (parsed != null && !parsed.tablePath().equals(StreamName.tablePath(ref))) {
        throw WriteError.invalid(
            "Stream " + name + " does not belong to the table " + parent + ". Entity: " + name);
      }
      if (state == null) {
        errors.add(storageError(StorageErrorCode.STREAM_NOT_FOUND, name, "Stream is not found"));
      } else {
        states.add(state);
      }
    }
    states.sort(Comparator.comparing(s -> s.name().toString()));
    for (WriteStreamState state : states) {
      state.lock().lock();
    }
    try {
      for (WriteStreamState state : states) {
        String name = state.name().toString();
        if (state.type() != WriteStream.Type.PENDING) {
          errors.add(
              storageError(
                  StorageErrorCode.INVALID_STREAM_TYPE,
                  name,
                  "Only PENDING streams can be committed, the stream is " + state.type()));
        } else if (state.committedAt() != null) {
          errors.add(
              storageError(
                  StorageErrorCode.STREAM_ALREADY_COMMITTED, name, "Stream is already committed"));
        } else if (!state.isFinalized()) {
          errors.add(
              storageError(
                  StorageErrorCode.INVALID_STREAM_STATE,
                  name,
                  "Stream is not finalized, it must be finalized before commit"));
        }
      }
      if (!errors.isEmpty()) {
        return BatchCommitWriteStreamsResponse.newBuilder().addAllStreamErrors(errors).build();
      }
      List<TableAppend> appends = new ArrayList<>();
      for (WriteStreamState state : states) {
        appends.add(appendOf(state, state.heldRows()));
      }
      write(appends, parent);
      Instant now = settings.clock().instant();
      for (WriteStreamState state : states) {
        state.committed(now);
      }
      return BatchCommitWriteStreamsResponse.newBuilder().setCommitTime(timestamp(now)).build();
    } finally {
      for (WriteStreamState state : states) {
        state.lock().unlock();
      }
    }
  }

  // ---- helpers ----

  private static void checkOffset(WriteStreamState state, long offset) {
    String name = state.name().toString();
    long expected = state.rowCount();
    if (offset < expected) {
      throw new WriteError(
          Status.Code.ALREADY_EXISTS,
          "The offset is within stream, expected offset "
              + expected
              + ", received "
              + offset
              + " Entity: "
              + name,
          StorageErrorCode.OFFSET_ALREADY_EXISTS,
          name);
    }
    if (offset > expected) {
      throw new WriteError(
          Status.Code.OUT_OF_RANGE,
          "The offset is beyond stream, expected offset "
              + expected
              + ", received "
              + offset
              + " Entity: "
              + name,
          StorageErrorCode.OFFSET_OUT_OF_RANGE,
          name);
    }
  }

  private static AppendRowsResponse rowErrors(String name, DecodedRows rows) {
    AppendRowsResponse.Builder response =
        AppendRowsResponse.newBuilder()
            .setWriteStream(name)
            .setError(
                com.google.rpc.Status.newBuilder()
                    .setCode(Status.Code.INVALID_ARGUMENT.value())
                    .setMessage(
                        "Errors found while processing rows. Please refer to the row_errors field"
                            + " for details. The list may not be complete because of the size"
                            + " limitations. Entity: "
                            + name));
    rows.errors()
        .forEach(
            (index, message) ->
                response.addRowErrors(
                    RowError.newBuilder()
                        .setIndex(index)
                        .setCode(RowError.RowErrorCode.FIELDS_ERROR)
                        .setMessage(message)));
    return response.build();
  }

  private static TableAppend appendOf(
      WriteStreamState state, List<Map<String, @Nullable Object>> rows) {
    return new TableAppend(
        state.name().tableReference(), null, "WRITE_APPEND", WriteOrigin.STORAGE_WRITE, rows);
  }

  private void write(List<TableAppend> appends, String entity) {
    try {
      storage.append(appends);
    } catch (ApiException e) {
      if (e.httpStatus() == 404) {
        throw new WriteError(
            Status.Code.NOT_FOUND,
            e.getMessage() + " Entity: " + entity,
            StorageErrorCode.TABLE_NOT_FOUND,
            entity);
      }
      throw WriteError.of(e, entity);
    }
  }

  private static StorageError storageError(StorageErrorCode code, String entity, String message) {
    return StorageError.newBuilder()
        .setCode(code)
        .setEntity(entity)
        .setErrorMessage(message + " Entity: " + entity)
        .build();
  }

  private String location(TableReference ref) {
    String location =
        storage
            .dataset(ref.getProjectId(), ref.getDatasetId())
            .map(Dataset::getLocation)
            .orElse(null);
    return location == null || location.isEmpty() ? settings.location() : location;
  }

  private Instant creationTime(Table table) {
    Long millis = table.getCreationTime();
    return millis == null ? settings.clock().instant() : Instant.ofEpochMilli(millis);
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}
