package io.github.courtside.firestore.coordination;

import com.google.api.core.ApiFuture;
import com.google.api.core.SettableApiFuture;
import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiCallContext;
import com.google.api.gax.rpc.ApiExceptionFactory;
import com.google.api.gax.rpc.BidiStreamingCallable;
import com.google.api.gax.rpc.ResponseObserver;
import com.google.api.gax.rpc.ServerStreamingCallable;
import com.google.api.gax.rpc.StreamController;
import com.google.api.gax.rpc.UnaryCallable;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.firestore.FirestoreRpcFactory;
import com.google.cloud.firestore.spi.v1.FirestoreRpc;
import com.google.cloud.firestore.spi.v1.GrpcFirestoreRpc;
import com.google.cloud.firestore.v1.FirestoreClient;
import com.google.firestore.v1.BatchGetDocumentsRequest;
import com.google.firestore.v1.BatchGetDocumentsResponse;
import com.google.firestore.v1.BatchWriteRequest;
import com.google.firestore.v1.BatchWriteResponse;
import com.google.firestore.v1.BeginTransactionRequest;
import com.google.firestore.v1.BeginTransactionResponse;
import com.google.firestore.v1.CommitRequest;
import com.google.firestore.v1.CommitResponse;
import com.google.firestore.v1.ExecutePipelineRequest;
import com.google.firestore.v1.ExecutePipelineResponse;
import com.google.firestore.v1.ListCollectionIdsRequest;
import com.google.firestore.v1.ListDocumentsRequest;
import com.google.firestore.v1.ListenRequest;
import com.google.firestore.v1.ListenResponse;
import com.google.firestore.v1.PartitionQueryRequest;
import com.google.firestore.v1.RollbackRequest;
import com.google.firestore.v1.RunAggregationQueryRequest;
import com.google.firestore.v1.RunAggregationQueryResponse;
import com.google.firestore.v1.RunQueryRequest;
import com.google.firestore.v1.RunQueryResponse;
import com.google.protobuf.Empty;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The real gRPC transport of a Firestore client (to the emulator), recorded and with faults on
 * commits: counts the calls of each RPC and the documents that queries return, and can let a commit
 * reach Firestore and then report a failure (or answer only after a delay), the lost
 * acknowledgement of an ambiguous create. Install it with {@link #factory()}.
 */
final class RecordingFirestoreRpc implements FirestoreRpc {
  private final FirestoreRpc delegate;
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  private final AtomicLong queriedDocuments = new AtomicLong();
  private final AtomicInteger commitsToFail = new AtomicInteger();
  private volatile Status.Code failure = Status.Code.UNAVAILABLE;
  private final AtomicInteger commitsToDelay = new AtomicInteger();
  private volatile Duration delay = Duration.ZERO;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong rounds = new AtomicLong();
  private volatile long holdMillis;

  private RecordingFirestoreRpc(FirestoreRpc delegate) {
    this.delegate = delegate;
  }

  /** A factory for {@code FirestoreOptions.Builder.setServiceRpcFactory} and its one transport. */
  static Factory factory() {
    return new Factory();
  }

  /** Creates the recording transport of one client. */
  static final class Factory implements FirestoreRpcFactory {
    private @Nullable RecordingFirestoreRpc rpc;

    @Override
    public synchronized FirestoreRpc create(FirestoreOptions options) {
      if (rpc == null) {
        try {
          rpc = new RecordingFirestoreRpc(new GrpcFirestoreRpc(options));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return rpc;
    }

    /** The transport, once the client made it. */
    synchronized RecordingFirestoreRpc rpc() {
      if (rpc == null) {
        throw new IllegalStateException("the client has not created its transport yet");
      }
      return rpc;
    }
  }

  /** The next {@code count} commits reach Firestore, and then each reports {@code code}. */
  void failCommitsAfterTheyLand(int count, Status.Code code) {
    failure = code;
    commitsToFail.set(count);
  }

  /** The next {@code count} commits reach Firestore, and each answers only after {@code wait}. */
  void delayCommitsAfterTheyLand(int count, Duration wait) {
    delay = wait;
    commitsToDelay.set(count);
  }

  /**
   * Holds every answer for {@code hold} before the client sees it (zero: none), so that calls the
   * client sends together surely overlap and count as one {@linkplain #rounds() round trip}.
   */
  void holdAnswers(Duration hold) {
    holdMillis = hold.toMillis();
  }

  /**
   * Round trips since the last reset: the times a call started while no other was in flight (calls
   * sent together, before any answer, count once).
   */
  long rounds() {
    return rounds.get();
  }

  /**
   * Forgets the counts, once every earlier call has ended: a streamed read's client may have its
   * answer before the stream completes, and a call still in flight would hide the next round trip.
   */
  void resetCounts() {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (inFlight.get() > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(inFlight.get() + " RPCs still in flight after 5 s");
      }
      Thread.onSpinWait();
    }
    calls.clear();
    queriedDocuments.set(0);
    rounds.set(0);
  }

  private void begin() {
    if (inFlight.getAndIncrement() == 0) {
      rounds.incrementAndGet();
    }
  }

  /** Runs {@code answer} (which ends the call) after the hold, if any. */
  private void later(Runnable answer) {
    long hold = holdMillis;
    if (hold == 0) {
      answer.run();
    } else {
      timer.schedule(answer, hold, TimeUnit.MILLISECONDS);
    }
  }

  /** The answer of {@code real}, after the call counts as ended. */
  private <R> ApiFuture<R> tracked(ApiFuture<R> real) {
    SettableApiFuture<R> answered = SettableApiFuture.create();
    real.addListener(
        () ->
            later(
                () -> {
                  inFlight.decrementAndGet();
                  forward(real, answered);
                }),
        Runnable::run);
    return answered;
  }

  /** Calls per RPC since the last reset (method name to count), only those made. */
  Map<String, Long> calls() {
    Map<String, Long> copy = new TreeMap<>();
    calls.forEach((method, count) -> copy.put(method, count.get()));
    return copy;
  }

  /** All calls since the last reset. */
  long totalCalls() {
    return calls.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** Documents the run-query calls returned since the last reset. */
  long queriedDocuments() {
    return queriedDocuments.get();
  }

  private void count(String method) {
    calls.computeIfAbsent(method, unused -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public UnaryCallable<CommitRequest, CommitResponse> commitCallable() {
    UnaryCallable<CommitRequest, CommitResponse> real = delegate.commitCallable();
    return new UnaryCallable<>() {
      @Override
      public ApiFuture<CommitResponse> futureCall(CommitRequest request, ApiCallContext context) {
        count("Commit");
        begin();
        return tracked(send(request, context));
      }

      private ApiFuture<CommitResponse> send(CommitRequest request, ApiCallContext context) {
        ApiFuture<CommitResponse> landed = real.futureCall(request, context);
        if (commitsToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          Status.Code code = failure;
          SettableApiFuture<CommitResponse> reported = SettableApiFuture.create();
          landed.addListener(
              () ->
                  reported.setException(
                      ApiExceptionFactory.createException(
                          Status.fromCode(code)
                              .withDescription("injected after the commit landed")
                              .asRuntimeException(),
                          GrpcStatusCode.of(code),
                          false)),
              Runnable::run);
          return reported;
        }
        if (commitsToDelay.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          long millis = delay.toMillis();
          SettableApiFuture<CommitResponse> late = SettableApiFuture.create();
          landed.addListener(
              () -> timer.schedule(() -> forward(landed, late), millis, TimeUnit.MILLISECONDS),
              Runnable::run);
          return late;
        }
        return landed;
      }
    };
  }

  private static <T> void forward(ApiFuture<T> from, SettableApiFuture<T> to) {
    try {
      to.set(from.get());
    } catch (ExecutionException e) {
      to.setException(e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      to.setException(e);
    }
  }

  @Override
  public UnaryCallable<BatchWriteRequest, BatchWriteResponse> batchWriteCallable() {
    return counted("BatchWrite", delegate.batchWriteCallable());
  }

  @Override
  public ServerStreamingCallable<BatchGetDocumentsRequest, BatchGetDocumentsResponse>
      batchGetDocumentsCallable() {
    return counted("BatchGetDocuments", delegate.batchGetDocumentsCallable(), false);
  }

  @Override
  public ScheduledExecutorService getExecutor() {
    return delegate.getExecutor();
  }

  @Override
  public ServerStreamingCallable<RunQueryRequest, RunQueryResponse> runQueryCallable() {
    return counted("RunQuery", delegate.runQueryCallable(), true);
  }

  @Override
  public ServerStreamingCallable<ExecutePipelineRequest, ExecutePipelineResponse>
      executePipelineCallable() {
    return counted("ExecutePipeline", delegate.executePipelineCallable(), false);
  }

  @Override
  public ServerStreamingCallable<RunAggregationQueryRequest, RunAggregationQueryResponse>
      runAggregationQueryCallable() {
    return counted("RunAggregationQuery", delegate.runAggregationQueryCallable(), false);
  }

  @Override
  public UnaryCallable<BeginTransactionRequest, BeginTransactionResponse>
      beginTransactionCallable() {
    return counted("BeginTransaction", delegate.beginTransactionCallable());
  }

  @Override
  public UnaryCallable<RollbackRequest, Empty> rollbackCallable() {
    return counted("Rollback", delegate.rollbackCallable());
  }

  @Override
  public UnaryCallable<ListCollectionIdsRequest, FirestoreClient.ListCollectionIdsPagedResponse>
      listCollectionIdsPagedCallable() {
    return counted("ListCollectionIds", delegate.listCollectionIdsPagedCallable());
  }

  @Override
  public UnaryCallable<PartitionQueryRequest, FirestoreClient.PartitionQueryPagedResponse>
      partitionQueryPagedCallable() {
    return counted("PartitionQuery", delegate.partitionQueryPagedCallable());
  }

  @Override
  public UnaryCallable<ListDocumentsRequest, FirestoreClient.ListDocumentsPagedResponse>
      listDocumentsPagedCallable() {
    return counted("ListDocuments", delegate.listDocumentsPagedCallable());
  }

  @Override
  public BidiStreamingCallable<ListenRequest, ListenResponse> listenCallable() {
    return delegate.listenCallable();
  }

  @Override
  public void shutdownNow() {
    timer.shutdownNow();
    delegate.shutdownNow();
  }

  @Override
  public void shutdown() {
    timer.shutdown();
    delegate.shutdown();
  }

  @Override
  public void close() throws Exception {
    timer.shutdownNow();
    delegate.close();
  }

  private <Q, R> UnaryCallable<Q, R> counted(String method, UnaryCallable<Q, R> real) {
    return new UnaryCallable<>() {
      @Override
      public ApiFuture<R> futureCall(Q request, ApiCallContext context) {
        count(method);
        begin();
        return tracked(real.futureCall(request, context));
      }
    };
  }

  private <Q, R> ServerStreamingCallable<Q, R> counted(
      String method, ServerStreamingCallable<Q, R> real, boolean countDocuments) {
    return new ServerStreamingCallable<>() {
      @Override
      public void call(Q request, ResponseObserver<R> observer, ApiCallContext context) {
        count(method);
        begin();
        boolean holding = holdMillis > 0;
        List<R> held = new ArrayList<>();
        real.call(
            request,
            new ResponseObserver<R>() {
              @Override
              public void onStart(StreamController controller) {
                observer.onStart(controller);
              }

              @Override
              public void onResponse(R response) {
                if (countDocuments
                    && response instanceof RunQueryResponse answer
                    && answer.hasDocument()) {
                  queriedDocuments.incrementAndGet();
                }
                if (holding) {
                  synchronized (held) {
                    held.add(response);
                  }
                } else {
                  observer.onResponse(response);
                }
              }

              @Override
              public void onError(Throwable t) {
                finish(() -> observer.onError(t));
              }

              @Override
              public void onComplete() {
                finish(observer::onComplete);
              }

              private void finish(Runnable end) {
                later(
                    () -> {
                      inFlight.decrementAndGet();
                      synchronized (held) {
                        held.forEach(observer::onResponse);
                        held.clear();
                      }
                      end.run();
                    });
              }
            },
            context);
      }
    };
  }
}
