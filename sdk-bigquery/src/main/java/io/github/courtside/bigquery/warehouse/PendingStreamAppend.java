package io.github.courtside.bigquery.warehouse;

import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsRequest;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.Exceptions;
import com.google.cloud.bigquery.storage.v1.FinalizeWriteStreamResponse;
import com.google.cloud.bigquery.storage.v1.JsonStreamWriter;
import com.google.cloud.bigquery.storage.v1.RowError;
import com.google.cloud.bigquery.storage.v1.StorageError;
import com.google.cloud.bigquery.storage.v1.TableName;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import io.github.courtside.bigquery.BigQuerySchemas;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.WarehouseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.json.JSONArray;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One all-or-nothing append through the Storage Write API: a PENDING stream, the rows appended at
 * explicit offsets in requests of at most {@code maxRequestBytes}, the stream finalized, then
 * committed with {@code BatchCommitWriteStreams}. Rows become visible only at the commit, at once;
 * a failure before it leaves nothing in the table (the uncommitted stream is discarded). No load
 * job is used, and rows written this way are not in a streaming buffer: DML can change them at
 * once.
 */
final class PendingStreamAppend {
  private static final Logger log = LoggerFactory.getLogger(PendingStreamAppend.class);

  private final BigQueryWriteClient client;
  private final long maxRequestBytes;

  PendingStreamAppend(BigQueryWriteClient client, long maxRequestBytes) {
    this.client = client;
    this.maxRequestBytes = maxRequestBytes;
  }

  /** Writes every row or none; returns the committed row count. */
  long write(String project, TableId table, TableSchema schema, List<Row> rows) {
    String parent = TableName.of(project, table.dataset(), table.table()).toString();
    WriteStream stream;
    try {
      stream =
          client.createWriteStream(
              CreateWriteStreamRequest.newBuilder()
                  .setParent(parent)
                  .setWriteStream(WriteStream.newBuilder().setType(WriteStream.Type.PENDING))
                  .build());
    } catch (ApiException e) {
      throw BigQueryFailures.of(table, "cannot open a write stream on " + table, e);
    }
    String name = stream.getName();
    log.debug("appending {} rows to {} through PENDING stream {}", rows.size(), table, name);
    try (JsonStreamWriter writer =
        JsonStreamWriter.newBuilder(name, BigQuerySchemas.toStorageSchema(schema), client)
            .build()) {
      List<ApiFuture<AppendRowsResponse>> responses = new ArrayList<>();
      List<Long> offsets = new ArrayList<>();
      long offset = 0;
      JSONArray request = new JSONArray();
      long requestBytes = 0;
      for (Row row : rows) {
        JSONObject json = RowValues.toStorageJson(schema, row);
        long size = json.toString().getBytes(StandardCharsets.UTF_8).length + 8L;
        if (request.length() > 0 && requestBytes + size > maxRequestBytes) {
          offsets.add(offset);
          responses.add(writer.append(request, offset));
          offset += request.length();
          request = new JSONArray();
          requestBytes = 0;
        }
        request.put(json);
        requestBytes += size;
      }
      if (request.length() > 0) {
        offsets.add(offset);
        responses.add(writer.append(request, offset));
      }
      for (int i = 0; i < responses.size(); i++) {
        check(table, name, offsets.get(i), responses.get(i).get());
      }
    } catch (ExecutionException e) {
      throw appendFailure(table, name, e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WarehouseException(table, "interrupted appending to " + table, e, true, null);
    } catch (IOException | DescriptorValidationException e) {
      throw new WarehouseException(
          table, "cannot write to stream " + name + " of " + table + ": " + e, e, true, null);
    } catch (ApiException e) {
      throw BigQueryFailures.of(table, "append to " + table + " through " + name + " failed", e);
    }
    try {
      FinalizeWriteStreamResponse finalized = client.finalizeWriteStream(name);
      if (finalized.getRowCount() != rows.size()) {
        throw new WarehouseException(
            table,
            "stream "
                + name
                + " of "
                + table
                + " holds "
                + finalized.getRowCount()
                + " rows, expected "
                + rows.size()
                + "; not committed");
      }
      BatchCommitWriteStreamsResponse committed =
          client.batchCommitWriteStreams(
              BatchCommitWriteStreamsRequest.newBuilder()
                  .setParent(parent)
                  .addWriteStreams(name)
                  .build());
      if (!committed.hasCommitTime()) {
        List<String> errors = new ArrayList<>();
        for (StorageError error : committed.getStreamErrorsList()) {
          errors.add(error.getCode() + " " + error.getEntity() + ": " + error.getErrorMessage());
        }
        throw new WarehouseException(
            table, "commit of stream " + name + " into " + table + " failed: " + errors);
      }
    } catch (ApiException e) {
      throw BigQueryFailures.of(
          table, "commit of stream " + name + " into " + table + " failed", e);
    }
    log.debug("committed {} rows into {} (stream {})", rows.size(), table, name);
    return rows.size();
  }

  private static void check(
      TableId table, String stream, long offset, AppendRowsResponse response) {
    if (response.getRowErrorsCount() > 0) {
      List<String> errors = new ArrayList<>();
      for (RowError error : response.getRowErrorsList()) {
        errors.add("row " + (offset + error.getIndex()) + ": " + error.getMessage());
      }
      throw new WarehouseException(
          table, "rows refused by " + table + " (nothing committed): " + errors);
    }
    if (response.hasError()) {
      throw new WarehouseException(
          table,
          "append to "
              + table
              + " through "
              + stream
              + " failed: "
              + response.getError().getMessage());
    }
  }

  private static WarehouseException appendFailure(TableId table, String stream, Throwable cause) {
    if (cause instanceof Exceptions.AppendSerializationError serialization) {
      return new WarehouseException(
          table,
          "rows do not convert to "
              + table
              + "'s schema (nothing committed): "
              + serialization.getRowIndexToErrorMessage(),
          serialization,
          false,
          null);
    }
    if (cause instanceof ApiException api) {
      return BigQueryFailures.of(
          table, "append to " + table + " through " + stream + " failed", api);
    }
    if (cause instanceof io.grpc.StatusRuntimeException status) {
      boolean retryable =
          switch (status.getStatus().getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, INTERNAL -> true;
            default -> false;
          };
      return new WarehouseException(
          table,
          "append to " + table + " through " + stream + " failed: " + status.getStatus(),
          status,
          retryable,
          null);
    }
    return new WarehouseException(
        table,
        "append to " + table + " through " + stream + " failed: " + cause,
        cause,
        false,
        null);
  }
}
