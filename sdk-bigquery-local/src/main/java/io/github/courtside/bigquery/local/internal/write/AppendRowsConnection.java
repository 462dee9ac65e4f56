package io.github.courtside.bigquery.local.internal.write;

import com.google.api.services.bigquery.model.Table;
import com.google.cloud.bigquery.storage.v1.AppendRowsRequest;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.ProtoSchema;
import com.google.cloud.bigquery.storage.v1.TableSchema;
import io.github.courtside.bigquery.local.Fault;
import io.github.courtside.bigquery.local.Faults;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code AppendRows} connection: the first request names the stream and carries the writer
 * schema, later ones may omit both. Every request gets one response, in order; failures of a
 * request travel in the response's {@code error} so the connection goes on, except injected 5xx and
 * ambiguous faults, which end the connection as a broken one does.
 */
final class AppendRowsConnection implements StreamObserver<AppendRowsRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(AppendRowsConnection.class);

  private final WriteStreams streams;
  private final Faults faults;
  private final StreamObserver<AppendRowsResponse> responses;

  private @Nullable String streamName;
  private @Nullable ProtoSchema writerSchema;
  private @Nullable RowDecoder decoder;
  private com.google.api.services.bigquery.model.@Nullable TableSchema decoderTableSchema;
  private @Nullable TableSchema schemaSeen;
  private boolean ended;

  AppendRowsConnection(
      WriteStreams streams, Faults faults, StreamObserver<AppendRowsResponse> responses) {
    this.streams = streams;
    this.faults = faults;
    this.responses = responses;
  }

  @Override
  public void onNext(AppendRowsRequest request) {
    if (ended) {
      return;
    }
    Optional<Fault> fault = faults.onCall("AppendRows");
    try {
      if (!request.getWriteStream().isEmpty() && !request.getWriteStream().equals(streamName)) {
        streamName = request.getWriteStream();
        decoder = null;
        schemaSeen = null;
      }
      if (request.hasProtoRows()
          && request.getProtoRows().hasWriterSchema()
          && !request.getProtoRows().getWriterSchema().equals(writerSchema)) {
        writerSchema = request.getProtoRows().getWriterSchema();
        decoder = null;
      }
      String name = streamName;
      if (name == null) {
        end(
            Status.INVALID_ARGUMENT.withDescription(
                "The first request of an AppendRows connection must set write_stream"));
        return;
      }
      if (fault.isPresent() && fault.get() instanceof Fault.Error error) {
        injectError(error, name);
        return;
      }
      if (fault.isPresent() && fault.get() instanceof Fault.Delay delay) {
        sleep(delay);
      }
      AppendRowsResponse response = append(request, name, fault.orElse(null));
      if (fault.isPresent() && fault.get() instanceof Fault.Ambiguous) {
        end(Status.UNAVAILABLE.withDescription("Connection reset after the append (injected)"));
        return;
      }
      responses.onNext(response);
    } catch (WriteError e) {
      responses.onNext(errorResponse(e));
    } catch (RuntimeException e) {
      LOG.error("AppendRows on {} failed", streamName, e);
      end(Status.INTERNAL.withDescription("Internal error: " + e));
    }
  }

  private AppendRowsResponse append(AppendRowsRequest request, String name, @Nullable Fault fault) {
    if (request.hasArrowRows()) {
      throw WriteError.notSupported("arrow_rows in AppendRows (use proto_rows)");
    }
    if (!request.hasProtoRows()) {
      throw WriteError.invalid("The request has no rows. Entity: " + name);
    }
    AppendRowsRequest.ProtoData data = request.getProtoRows();
    ProtoSchema schema = writerSchema;
    if (schema == null) {
      throw WriteError.invalid(
          "The first request of a connection to a stream must carry proto_rows.writer_schema."
              + " Entity: "
              + name);
    }
    WriteStreamState state = streams.stream(name);
    Table table = streams.table(state.name().tableReference());
    RowDecoder current = decoder;
    if (current == null || !Objects.equals(decoderTableSchema, table.getSchema())) {
      current = RowDecoder.compile(schema, table.getSchema(), name);
      decoder = current;
      decoderTableSchema = table.getSchema();
    }
    DecodedRows rows =
        current.decode(
            data.getRows(),
            request.getMissingValueInterpretationsMap(),
            request.getDefaultMissingValueInterpretation());
    if (fault instanceof Fault.RowErrors rowErrors) {
      rows = rows.withErrors(rowErrors.reasonsByRowIndex());
    }
    Long offset = request.hasOffset() ? request.getOffset().getValue() : null;
    AppendRowsResponse response =
        streams.append(state, rows, offset).toBuilder().setWriteStream(name).build();
    TableSchema now = StorageTableSchema.of(table.getSchema());
    if (schemaSeen != null && !schemaSeen.equals(now)) {
      response = response.toBuilder().setUpdatedSchema(now).build();
    }
    schemaSeen = now;
    return response;
  }

  private void injectError(Fault.Error error, String name) {
    ApiException failure = new ApiException(error.httpStatus(), error.reason(), error.message());
    Status.Code code = Status.Code.valueOf(failure.grpcCode());
    if (code == Status.Code.INTERNAL || code == Status.Code.UNAVAILABLE) {
      end(Status.fromCode(code).withDescription(error.message()));
      return;
    }
    responses.onNext(
        errorResponse(new WriteError(code, error.message() + " Entity: " + name, null, name)));
  }

  private AppendRowsResponse errorResponse(WriteError e) {
    AppendRowsResponse.Builder response = AppendRowsResponse.newBuilder().setError(e.toRpcStatus());
    if (streamName != null) {
      response.setWriteStream(streamName);
    }
    return response.build();
  }

  private void end(Status status) {
    ended = true;
    responses.onError(status.asRuntimeException());
  }

  private static void sleep(Fault.Delay delay) {
    try {
      Thread.sleep(delay.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void onError(Throwable t) {
    ended = true;
    LOG.debug("AppendRows connection on {} closed by the client: {}", streamName, t.toString());
  }

  @Override
  public void onCompleted() {
    if (!ended) {
      ended = true;
      responses.onCompleted();
    }
  }
}
