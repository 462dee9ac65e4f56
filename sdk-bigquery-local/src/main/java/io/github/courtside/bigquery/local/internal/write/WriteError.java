package io.github.courtside.bigquery.local.internal.write;

import com.google.api.services.bigquery.model.TableReference;
import com.google.cloud.bigquery.storage.v1.StorageError;
import com.google.cloud.bigquery.storage.v1.StorageError.StorageErrorCode;
import com.google.protobuf.Any;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.jspecify.annotations.Nullable;

/**
 * A Storage Write API failure: a gRPC code, a message and, where BigQuery sends one, a {@link
 * StorageError} detail (the code the client library turns into {@code OffsetAlreadyExists}, {@code
 * StreamFinalizedException}...). Sent either as a call's status or, for {@code AppendRows}, as the
 * response's {@code error}.
 */
final class WriteError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Status.Code code;
  private final @Nullable StorageErrorCode storageCode;
  private final String entity;

  WriteError(
      Status.Code code, String message, @Nullable StorageErrorCode storageCode, String entity) {
    super(message);
    this.code = code;
    this.storageCode = storageCode;
    this.entity = entity;
  }

  static WriteError invalid(String message) {
    return new WriteError(Status.Code.INVALID_ARGUMENT, message, null, "");
  }

  static WriteError notSupported(String construct) {
    return invalid("not supported by the local server: " + construct);
  }

  static WriteError streamNotFound(String stream) {
    return new WriteError(
        Status.Code.NOT_FOUND,
        "Requested entity was not found. Entity: " + stream,
        StorageErrorCode.STREAM_NOT_FOUND,
        stream);
  }

  static WriteError tableNotFound(TableReference table) {
    String path = StreamName.tablePath(table);
    return new WriteError(
        Status.Code.NOT_FOUND,
        "Not found: Table "
            + table.getProjectId()
            + ":"
            + table.getDatasetId()
            + "."
            + table.getTableId()
            + " Entity: "
            + path,
        StorageErrorCode.TABLE_NOT_FOUND,
        path);
  }

  static WriteError streamFinalized(String stream) {
    return new WriteError(
        Status.Code.INVALID_ARGUMENT,
        "Stream is already finalized. Entity: " + stream,
        StorageErrorCode.STREAM_FINALIZED,
        stream);
  }

  /** A failure of a storage call (schema check, missing table...) in the Write API's shape. */
  static WriteError of(ApiException e, String entity) {
    Status.Code code = Status.Code.valueOf(e.grpcCode());
    return new WriteError(code, e.getMessage() + " Entity: " + entity, null, entity);
  }

  Status.Code code() {
    return code;
  }

  /** The {@code google.rpc.Status} of this failure, with its StorageError detail. */
  com.google.rpc.Status toRpcStatus() {
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(getMessage());
    if (storageCode != null) {
      status.addDetails(
          Any.pack(
              StorageError.newBuilder()
                  .setCode(storageCode)
                  .setEntity(entity)
                  .setErrorMessage(getMessage())
                  .build()));
    }
    return status.build();
  }

  StatusRuntimeException toStatusException() {
    return StatusProto.toStatusRuntimeException(toRpcStatus());
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return message == null ? code.name() : message;
  }
}
