package io.github.courtside.bigquery.local.internal.write;

import com.google.cloud.bigquery.storage.v1.AppendRowsRequest;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsRequest;
import com.google.cloud.bigquery.storage.v1.BatchCommitWriteStreamsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteGrpc;
import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.FinalizeWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.FinalizeWriteStreamResponse;
import com.google.cloud.bigquery.storage.v1.FlushRowsRequest;
import com.google.cloud.bigquery.storage.v1.FlushRowsResponse;
import com.google.cloud.bigquery.storage.v1.GetWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.cloud.bigquery.storage.v1.WriteStreamView;
import io.github.courtside.bigquery.local.Fault;
import io.github.courtside.bigquery.local.Faults;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code google.cloud.bigquery.storage.v1.BigQueryWrite} service on {@link WriteStreams}. */
final class BigQueryWriteService extends BigQueryWriteGrpc.BigQueryWriteImplBase {
  private static final Logger LOG = LoggerFactory.getLogger(BigQueryWriteService.class);

  private final WriteStreams streams;
  private final Faults faults;

  BigQueryWriteService(WriteStreams streams, Faults faults) {
    this.streams = streams;
    this.faults = faults;
  }

  @Override
  public void createWriteStream(
      CreateWriteStreamRequest request, StreamObserver<WriteStream> responses) {
    unary(
        "CreateWriteStream",
        responses,
        () -> {
          WriteStreamState state =
              streams.create(request.getParent(), request.getWriteStream().getType());
          return streams.describe(state, WriteStreamView.FULL);
        });
  }

  @Override
  public StreamObserver<AppendRowsRequest> appendRows(
      StreamObserver<AppendRowsResponse> responses) {
    return new AppendRowsConnection(streams, faults, responses);
  }

  @Override
  public void getWriteStream(GetWriteStreamRequest request, StreamObserver<WriteStream> responses) {
    unary(
        "GetWriteStream",
        responses,
        () -> streams.describe(streams.stream(request.getName()), request.getView()));
  }

  @Override
  public void finalizeWriteStream(
      FinalizeWriteStreamRequest request, StreamObserver<FinalizeWriteStreamResponse> responses) {
    unary(
        "FinalizeWriteStream",
        responses,
        () ->
            FinalizeWriteStreamResponse.newBuilder()
                .setRowCount(streams.finalizeStream(streams.stream(request.getName())))
                .build());
  }

  @Override
  public void batchCommitWriteStreams(
      BatchCommitWriteStreamsRequest request,
      StreamObserver<BatchCommitWriteStreamsResponse> responses) {
    unary(
        "BatchCommitWriteStreams",
        responses,
        () -> streams.batchCommit(request.getParent(), request.getWriteStreamsList()));
  }

  @Override
  public void flushRows(FlushRowsRequest request, StreamObserver<FlushRowsResponse> responses) {
    unary(
        "FlushRows",
        responses,
        () -> {
          WriteStreamState state = streams.stream(request.getWriteStream());
          if (!request.hasOffset()) {
            throw WriteError.invalid(
                "FlushRows needs an offset. Entity: " + request.getWriteStream());
          }
          long offset = streams.flush(state, request.getOffset().getValue());
          return FlushRowsResponse.newBuilder().setOffset(offset).build();
        });
  }

  /**
   * Runs one unary call with its injected fault: an error instead of the work, a delay before it,
   * or (ambiguous) the work done and UNAVAILABLE returned.
   */
  private <T> void unary(String method, StreamObserver<T> responses, Supplier<T> work) {
    Optional<Fault> fault = faults.onCall(method);
    try {
      if (fault.isPresent() && fault.get() instanceof Fault.Error error) {
        ApiException failure =
            new ApiException(error.httpStatus(), error.reason(), error.message());
        responses.onError(
            Status.fromCode(Status.Code.valueOf(failure.grpcCode()))
                .withDescription(error.message())
                .asRuntimeException());
        return;
      }
      if (fault.isPresent() && fault.get() instanceof Fault.Delay delay) {
        Thread.sleep(delay.delay().toMillis());
      }
      T result = work.get();
      if (fault.isPresent() && fault.get() instanceof Fault.Ambiguous) {
        responses.onError(
            Status.UNAVAILABLE
                .withDescription(method + " failed after it was done (injected)")
                .asRuntimeException());
        return;
      }
      responses.onNext(result);
      responses.onCompleted();
    } catch (WriteError e) {
      responses.onError(e.toStatusException());
    } catch (ApiException e) {
      responses.onError(WriteError.of(e, method).toStatusException());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      responses.onError(Status.CANCELLED.withDescription("interrupted").asRuntimeException());
    } catch (RuntimeException e) {
      LOG.error("{} failed", method, e);
      responses.onError(
          Status.INTERNAL.withDescription("Internal error: " + e).asRuntimeException());
    }
  }
}
