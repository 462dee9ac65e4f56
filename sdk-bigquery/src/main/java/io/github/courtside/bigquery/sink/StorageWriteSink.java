package io.github.courtside.bigquery.sink;

import com.google.api.core.ApiFuture;
import com.google.cloud.bigquery.storage.v1.AppendRowsResponse;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import com.google.cloud.bigquery.storage.v1.CreateWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.Exceptions;
import com.google.cloud.bigquery.storage.v1.GetWriteStreamRequest;
import com.google.cloud.bigquery.storage.v1.JsonStreamWriter;
import com.google.cloud.bigquery.storage.v1.RowError;
import com.google.cloud.bigquery.storage.v1.TableName;
import com.google.cloud.bigquery.storage.v1.TableSchema;
import com.google.cloud.bigquery.storage.v1.WriteStream;
import com.google.cloud.bigquery.storage.v1.WriteStreamView;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import io.github.courtside.core.batch.AmbiguousWriteException;
import io.github.courtside.core.batch.BatchRecord;
import io.github.courtside.core.batch.BatchSink;
import io.github.courtside.core.batch.Delivery;
import io.github.courtside.core.batch.ErrorClassifier;
import io.github.courtside.core.batch.LandedCheck;
import io.github.courtside.core.batch.SinkException;
import io.github.courtside.core.batch.SinkResult;
import io.github.courtside.core.batch.WriteModeViolationException;
import io.github.courtside.core.warehouse.TableId;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.json.JSONArray;
import org.json.JSONObject;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BatchSink} on the BigQuery Storage Write API, through {@link JsonStreamWriter}: no load
 * jobs, no insertAll quota, rows visible at once.
 *
 * <ul>
 *   <li>{@link DeliveryGuarantee#AT_LEAST_ONCE}: the table's {@code _default} stream. A request
 *       that landed although the client saw an error is appended again when the writer retries.
 *   <li>{@link DeliveryGuarantee#EXACTLY_ONCE}: a COMMITTED stream the sink creates and alone
 *       writes, appended at explicit offsets. A failed append is sent again with the same rows at
 *       the same offset; {@code ALREADY_EXISTS} means the first attempt had landed and counts as
 *       written. If the writer gives up on rows whose append is unresolved, the sink finalizes the
 *       stream (its row count settles whether they landed) and continues on a new one. Every row of
 *       an unresolved append is reported with its {@link AmbiguousWriteException} (stream and
 *       offset) whatever else failed the call (an earlier request of it written, a throttled
 *       resend, a stream that cannot be opened), so the writer dead-letters it {@code
 *       "outcome":"ambiguous"} and {@code replay(writer, sink.landedCheck())} never doubles it.
 * </ul>
 *
 * <p>Each {@link #write} sends the rows in as few {@code AppendRows} requests as fit under {@link
 * StorageWriteSinkSetup#maxRequestBytes} (default 9 MB, under the API's 10 MB). Rows
 * JsonStreamWriter cannot convert (an unknown field, a missing REQUIRED field, a wrong type) and
 * rows the server rejects ({@code RowError}) are reported as permanent row failures with their
 * reason, so they go to the writer's dead letters; the other rows of such a request are sent again
 * at once (client-side errors, nothing was sent) or reported retryable (server-side, nothing was
 * appended). A failed request throws a {@link SinkException} whose {@link
 * SinkException#retryable()} comes from {@link BigQueryErrorClassifier}; the retrying is the {@link
 * io.github.courtside.core.batch.BatchWriter}'s. Schema updates are picked up: JsonStreamWriter
 * refreshes its schema when the server reports one or a row has a field it does not know; in
 * exactly-once mode the sink also moves to a new stream, which carries the table's current schema.
 *
 * <p>Values are sent as {@link RowJson} describes (Long, Double, BigDecimal as string, Boolean,
 * String and JSON text, LocalDate as {@code yyyy-MM-dd}, Instant as epoch microseconds).
 *
 * <pre>{@code
 * WriteModePolicy modes = WriteModePolicy.builder().register(issues, WriteMode.APPEND_ONLY).build();
 * try (StorageWriteSink sink = StorageWriteSink.builder(BigQueryWriteSettings.newBuilder().build())
 *         .project("nba-props")
 *         .table(issues)
 *         .guarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *         .writeModes(modes)
 *         .build();
 *     BatchWriter writer =
 *         BatchWriter.builder(sink).writeModes(modes).deadLetterFolder(dir).build()) {
 *   writer.add(row);
 * }
 * }</pre>
 */
public final class StorageWriteSink implements BatchSink, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StorageWriteSink.class);

  private final BigQueryWriteClient client;
  private final boolean ownsClient;
  private final TableId table;
  private final String tableName;
  private final DeliveryGuarantee guarantee;
  private final long maxRequestBytes;
  private final Duration appendTimeout;
  private final ErrorClassifier classifier = BigQueryErrorClassifier.shared();
  private final OffsetLedger ledger = new OffsetLedger();

  // guarded by this
  private @Nullable JsonStreamWriter writer;
  private @Nullable String streamName;
  private @Nullable TableSchema streamSchema;
  private boolean closed;

  private StorageWriteSink(StorageWriteSinkSetup setup) {
    TableId target = setup.table();
    try {
      setup.writeModes().requireAllowed(target, Delivery.STREAMING);
    } catch (WriteModeViolationException e) {
      throw new StreamingIntoMutableTableException("StorageWriteSink", target, e);
    }
    this.table = target;
    this.tableName =
        TableName.of(setup.tableProject(), target.dataset(), target.table()).toString();
    this.guarantee = setup.guarantee();
    this.maxRequestBytes = setup.maxRequestBytes();
    this.appendTimeout = setup.appendTimeout();
    Optional<BigQueryWriteClient> given = setup.client();
    if (given.isPresent()) {
      this.client = given.get();
      this.ownsClient = false;
    } else {
      try {
        this.client = BigQueryWriteClient.create(setup.settings().orElseThrow());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a BigQueryWriteClient for " + target, e);
      }
      this.ownsClient = true;
    }
  }

  /** A builder that creates (and on {@link #close()} closes) a client from {@code settings}. */
  public static StorageWriteSinkSetup.Builder builder(BigQueryWriteSettings settings) {
    return StorageWriteSinkSetup.builder().settings(settings);
  }

  /** A builder using {@code client}, which the sink does not close. */
  public static StorageWriteSinkSetup.Builder builder(BigQueryWriteClient client) {
    return StorageWriteSinkSetup.builder().client(client);
  }

  /**
   * The sink {@code setup} describes. Throws {@link StreamingIntoMutableTableException} when the
   * table is not declared APPEND_ONLY; opens no stream yet (the first {@link #write} does).
   */
  public static StorageWriteSink create(StorageWriteSinkSetup setup) {
    return new StorageWriteSink(setup);
  }

  /**
   * Tells whether a row dead-lettered as ambiguous landed: finalizes the stream it names
   * (idempotent; when it is this sink's current stream, the sink moves to a new one) and compares
   * the stream's row count with the row's offset. Empty when the stream cannot be finalized.
   *
   * <pre>{@code
   * spill.replay(writer, sink.landedCheck()); // landed rows are not replayed twice
   * }</pre>
   */
  public LandedCheck landedCheck() {
    return (stream, offset) -> {
      synchronized (this) {
        try {
          long rowCount = client.finalizeWriteStream(stream).getRowCount();
          if (stream.equals(streamName)) {
            abandonStream();
          }
          log.info(
              "{}: stream {} holds {} row(s); the row at offset {} {}",
              table,
              stream,
              rowCount,
              offset,
              rowCount > offset ? "had landed" : "had not landed");
          return Optional.of(rowCount > offset);
        } catch (RuntimeException e) {
          log.warn(
              "{}: cannot tell whether {} landed at {}: {}", table, stream, offset, e.toString());
          return Optional.empty();
        }
      }
    };
  }

  @Override
  public TableId table() {
    return table;
  }

  @Override
  public Delivery delivery() {
    return Delivery.STREAMING;
  }

  /** The sink's guarantee. */
  public DeliveryGuarantee guarantee() {
    return guarantee;
  }

  /** {@code projects/P/datasets/D/tables/T}. */
  public String tableName() {
    return tableName;
  }

  @Override
  public synchronized SinkResult write(List<BatchRecord> records) {
    if (closed) {
      throw new SinkException(table, "the StorageWriteSink is closed", false);
    }
    if (records.isEmpty()) {
      return SinkResult.allWritten();
    }
    RowOutcomes attempt = new RowOutcomes(table, "AppendRows", classifier, records);
    Deque<Encoded> queue = new ArrayDeque<>();
    for (int i = 0; i < records.size(); i++) {
      BatchRecord record = records.get(i);
      try {
        JSONObject json = RowJson.forStorageWrite(record.row());
        queue.addLast(new Encoded(i, record, json, RowJson.estimateBytes(json)));
      } catch (RuntimeException e) {
        attempt.reject(i, "cannot convert the row to JSON: " + e.getMessage());
      }
    }
    boolean schemaRefreshed = false;
    int rotations = 0;
    int rounds = 0;
    int maxRounds = 4 * records.size() + 16;
    while (!queue.isEmpty()) {
      if (++rounds > maxRounds) {
        attempt.requestFailed(
            indices(queue),
            withUnresolved(
                new IllegalStateException(
                    "no progress after " + maxRounds + " AppendRows rounds")));
        break;
      }
      List<Encoded> chunk;
      try {
        ensureWriter();
        Optional<List<String>> pending =
            guarantee == DeliveryGuarantee.EXACTLY_ONCE ? ledger.unresolved() : Optional.empty();
        if (pending.isPresent()) {
          Optional<List<Encoded>> exact = takeExact(queue, pending.get());
          if (exact.isEmpty()) {
            settleByFinalizing(pending.get(), queue, attempt);
            continue;
          }
          chunk = exact.get();
        } else {
          chunk = takeChunk(queue);
        }
      } catch (RuntimeException e) {
        // creating the stream or writer, or finalizing, failed: nothing was appended now, but an
        // earlier append may still be unresolved
        attempt.requestFailed(indices(queue), withUnresolved(e));
        break;
      }
      long offset = guarantee == DeliveryGuarantee.EXACTLY_ONCE ? ledger.nextOffset() : -1;
      Outcome outcome = append(chunk, offset);
      if (outcome instanceof Appended) {
        chunk.forEach(e -> attempt.written(e.index()));
        if (offset >= 0) {
          ledger.appended(chunk.size());
        }
      } else if (outcome instanceof AlreadyExists) {
        log.info(
            "{}: append of {} row(s) at offset {} of {} already exists; counted written",
            table,
            chunk.size(),
            offset,
            streamName);
        chunk.forEach(e -> attempt.written(e.index()));
        ledger.appended(chunk.size());
      } else if (outcome instanceof ClientRowErrors errors) {
        if (!schemaRefreshed
            && guarantee == DeliveryGuarantee.EXACTLY_ONCE
            && ledger.unresolved().isEmpty()
            && hasUnknownField(errors.reasons())) {
          schemaRefreshed = true;
          try {
            if (tableSchemaChanged()) {
              log.info("{}: the table schema changed; moving to a new stream", table);
              settleByFinalizing(List.of(), queue, attempt);
              pushFront(queue, chunk);
              continue;
            }
          } catch (RuntimeException e) {
            pushFront(queue, chunk);
            attempt.requestFailed(indices(queue), withUnresolved(e));
            break;
          }
        }
        List<Encoded> good = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
          String reason = errors.reasons().get(i);
          if (reason != null) {
            attempt.reject(chunk.get(i).index(), reason);
          } else {
            good.add(chunk.get(i));
          }
        }
        if (good.size() == chunk.size()) {
          // no row named: do not loop on the same rows
          chunk.forEach(e -> attempt.reject(e.index(), errors.message()));
        } else {
          pushFront(queue, good);
        }
      } else if (outcome instanceof ServerRowErrors errors) {
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
          String reason = errors.reasons().get(i);
          if (reason != null) {
            attempt.reject(chunk.get(i).index(), reason);
            bad.add(i);
          }
        }
        if (bad.isEmpty()) {
          attempt.requestFailed(indices(concat(chunk, queue)), withUnresolved(errors.error()));
          break;
        }
        for (int i = 0; i < chunk.size(); i++) {
          if (!bad.contains(i)) {
            attempt.retryable(
                chunk.get(i).index(),
                "not appended: row(s) " + bad + " of the same AppendRows request were invalid");
          }
        }
      } else if (outcome instanceof TooLarge tooLarge) {
        if (chunk.size() == 1) {
          attempt.reject(
              chunk.get(0).index(), "the row alone exceeds the AppendRows request size limit");
        } else {
          log.debug("{}: {} ; splitting {} rows", table, tooLarge.error(), chunk.size());
          int half = chunk.size() / 2;
          pushFront(queue, chunk.subList(half, chunk.size()));
          pushFront(queue, chunk.subList(0, half));
        }
      } else if (outcome instanceof OutOfRange outOfRange) {
        log.error(
            "{}: offset {} is beyond the end of {}; rows counted written on it may be missing;"
                + " moving to a new stream",
            table,
            offset,
            streamName,
            outOfRange.error());
        pushFront(queue, chunk);
        if (++rotations > 2) {
          attempt.requestFailed(indices(queue), outOfRange.error());
          break;
        }
        abandonStream();
      } else if (outcome instanceof Failed failed) {
        if (offset >= 0) {
          ledger.unknown(ids(chunk));
        }
        attempt.requestFailed(indices(concat(chunk, queue)), withUnresolved(failed.error()));
        break;
      }
    }
    return attempt.result(unresolvedAppend(null));
  }

  /**
   * {@code error}, or, while an append of the current stream is unresolved, an {@link
   * AmbiguousWriteException} naming that append's rows with {@code error} as its cause: whatever
   * failed this call, those rows may have landed.
   */
  private Throwable withUnresolved(Throwable error) {
    Optional<AmbiguousWriteException> unresolved = unresolvedAppend(error);
    return unresolved.isPresent() ? unresolved.get() : error;
  }

  /**
   * The append of the current stream whose outcome is unknown, if any, failed with {@code error}.
   */
  private Optional<AmbiguousWriteException> unresolvedAppend(@Nullable Throwable error) {
    Optional<List<String>> pending =
        guarantee == DeliveryGuarantee.EXACTLY_ONCE ? ledger.unresolved() : Optional.empty();
    String stream = streamName;
    if (pending.isEmpty() || stream == null) {
      return Optional.empty();
    }
    if (error instanceof AmbiguousWriteException ambiguous
        && ambiguous.stream().equals(stream)
        && ambiguous.rowIds().equals(pending.get())) {
      return Optional.of(ambiguous);
    }
    Throwable cause =
        error != null ? error : new SinkException(table, "the AppendRows response was lost", true);
    return Optional.of(
        new AmbiguousWriteException(
            table,
            "AppendRows failed: " + BigQueryErrorClassifier.describe(cause),
            classifier.isRetryable(cause),
            cause,
            stream,
            ledger.nextOffset(),
            pending.get()));
  }

  /** Finalizes the stream in exactly-once mode, closes the writer and an owned client. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    JsonStreamWriter current = writer;
    writer = null;
    if (current != null) {
      closeQuietly(current);
    }
    String stream = streamName;
    if (stream != null) {
      try {
        long rows = client.finalizeWriteStream(stream).getRowCount();
        log.debug("{}: finalized {} with {} row(s)", table, stream, rows);
      } catch (RuntimeException e) {
        log.warn("{}: finalizing {} failed: {}", table, stream, e.toString());
      }
    }
    if (ownsClient) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "StorageWriteSink[" + tableName + ", " + guarantee + "]";
  }

  // ---- streams and writers ------------------------------------------------------------------

  private void ensureWriter() {
    JsonStreamWriter current = writer;
    if (current != null && !current.isClosed()) {
      return;
    }
    if (current != null) {
      log.info("{}: the stream connection is closed; opening a new one", table);
      closeQuietly(current);
      writer = null;
    }
    String target;
    if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
      String stream = streamName;
      if (stream == null) {
        WriteStream created =
            client.createWriteStream(
                CreateWriteStreamRequest.newBuilder()
                    .setParent(tableName)
                    .setWriteStream(
                        WriteStream.newBuilder().setType(WriteStream.Type.COMMITTED).build())
                    .build());
        stream = created.getName();
        streamName = stream;
        streamSchema = created.hasTableSchema() ? created.getTableSchema() : null;
        ledger.restart();
        log.debug("{}: created COMMITTED stream {}", table, stream);
      }
      target = stream;
    } else {
      target = tableName;
    }
    try {
      writer = JsonStreamWriter.newBuilder(target, client).setIgnoreUnknownFields(false).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a JsonStreamWriter on " + target, e);
    } catch (DescriptorValidationException e) {
      throw new SinkException(
          table, "the table schema cannot be turned into a protobuf descriptor", false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException(table, "interrupted while opening a JsonStreamWriter", true, e);
    }
  }

  /**
   * Finalizes the current stream; its row count says whether the unresolved append of {@code
   * pending} landed. Rows of this request among them are then written; the sink continues on a new
   * stream.
   */
  private void settleByFinalizing(List<String> pending, Deque<Encoded> queue, RowOutcomes attempt) {
    String stream = Objects.requireNonNull(streamName, "no stream to finalize");
    long base = ledger.nextOffset();
    long rowCount = client.finalizeWriteStream(stream).getRowCount();
    abandonStream();
    if (pending.isEmpty()) {
      return;
    }
    boolean landed;
    if (rowCount == base + pending.size()) {
      landed = true;
    } else if (rowCount == base) {
      landed = false;
    } else {
      log.error(
          "{}: stream {} holds {} row(s), expected {} or {}",
          table,
          stream,
          rowCount,
          base,
          base + pending.size());
      landed = rowCount > base;
    }
    log.info(
        "{}: the unresolved append of {} row(s) at offset {} of {} {}",
        table,
        pending.size(),
        base,
        stream,
        landed ? "had landed" : "had not landed");
    if (!landed) {
      return;
    }
    Map<String, Integer> open = counts(pending);
    for (Iterator<Encoded> it = queue.iterator(); it.hasNext(); ) {
      Encoded next = it.next();
      if (take(open, next.record().id())) {
        attempt.written(next.index());
        it.remove();
      }
    }
    int elsewhere = 0;
    for (Map.Entry<String, Integer> entry : open.entrySet()) {
      for (int i = 0; i < entry.getValue(); i++) {
        if (!attempt.reclaim(entry.getKey())) {
          elsewhere++;
        }
      }
    }
    if (elsewhere > 0) {
      log.warn(
          "{}: {} row(s) of an append reported failed had landed in the table, but the writer no"
              + " longer carries them (it gave up on them)",
          table,
          elsewhere);
    }
  }

  /** Drops the current stream and writer; the next append opens a new stream. */
  private void abandonStream() {
    JsonStreamWriter current = writer;
    writer = null;
    if (current != null) {
      closeQuietly(current);
    }
    streamName = null;
    streamSchema = null;
    ledger.restart();
  }

  /** Whether the table's current schema differs from the one the COMMITTED stream was made with. */
  private boolean tableSchemaChanged() {
    TableSchema known = streamSchema;
    if (known == null) {
      return true;
    }
    TableSchema current =
        client
            .getWriteStream(
                GetWriteStreamRequest.newBuilder()
                    .setName(tableName + "/streams/_default")
                    .setView(WriteStreamView.FULL)
                    .build())
            .getTableSchema();
    return !current.equals(known);
  }

  private static void closeQuietly(JsonStreamWriter current) {
    try {
      current.close();
    } catch (RuntimeException e) {
      log.debug("closing a JsonStreamWriter failed: {}", e.toString());
    }
  }

  // ---- one AppendRows request ---------------------------------------------------------------

  private Outcome append(List<Encoded> chunk, long offset) {
    JsonStreamWriter current = Objects.requireNonNull(writer, "writer");
    JSONArray rows = new JSONArray();
    chunk.forEach(e -> rows.put(e.json()));
    ApiFuture<AppendRowsResponse> future;
    try {
      future = offset >= 0 ? current.append(rows, offset) : current.append(rows);
    } catch (Exceptions.AppendSerializationError e) {
      return new ClientRowErrors(e.getRowIndexToErrorMessage(), String.valueOf(e.getMessage()));
    } catch (IOException | DescriptorValidationException | RuntimeException e) {
      return classify(e);
    }
    try {
      AppendRowsResponse response = future.get(appendTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (response.getRowErrorsCount() > 0) {
        Map<Integer, String> reasons = new HashMap<>();
        for (RowError rowError : response.getRowErrorsList()) {
          reasons.put((int) rowError.getIndex(), rowError.getMessage());
        }
        return new ServerRowErrors(
            reasons, new SinkException(table, "AppendRows reported row errors", false));
      }
      if (response.hasError() && response.getError().getCode() != 0) {
        return classify(
            Status.fromCodeValue(response.getError().getCode())
                .withDescription(response.getError().getMessage())
                .asRuntimeException());
      }
      return new Appended();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof Exceptions.AppendSerializationError rowErrors) {
        return new ServerRowErrors(rowErrors.getRowIndexToErrorMessage(), rowErrors);
      }
      return classify(cause);
    } catch (TimeoutException e) {
      future.cancel(false);
      return new Failed(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Failed(e);
    }
  }

  private Outcome classify(Throwable error) {
    boolean offsets = guarantee == DeliveryGuarantee.EXACTLY_ONCE;
    if (error instanceof Exceptions.OffsetAlreadyExists && offsets) {
      return new AlreadyExists();
    }
    if (error instanceof Exceptions.OffsetOutOfRange && offsets) {
      return new OutOfRange(error);
    }
    Status status = Status.fromThrowable(error);
    if (offsets && status.getCode() == Status.Code.ALREADY_EXISTS) {
      return new AlreadyExists();
    }
    if (offsets && status.getCode() == Status.Code.OUT_OF_RANGE) {
      return new OutOfRange(error);
    }
    String description = String.valueOf(status.getDescription()).toLowerCase(Locale.ROOT);
    if (status.getCode() == Status.Code.INVALID_ARGUMENT
        && description.contains("messagesize is too large")) {
      return new TooLarge(error);
    }
    return new Failed(error);
  }

  private static boolean hasUnknownField(Map<Integer, String> reasons) {
    return reasons.values().stream()
        .anyMatch(r -> r.toLowerCase(Locale.ROOT).contains("unknown to bigquery"));
  }

  // ---- chunking -----------------------------------------------------------------------------

  private List<Encoded> takeChunk(Deque<Encoded> queue) {
    List<Encoded> chunk = new ArrayList<>();
    long bytes = 0;
    while (!queue.isEmpty()) {
      Encoded next = queue.peekFirst();
      if (!chunk.isEmpty() && bytes + next.bytes() > maxRequestBytes) {
        break;
      }
      chunk.add(queue.pollFirst());
      bytes += next.bytes();
    }
    return chunk;
  }

  /** Removes and returns the rows with exactly the ids of {@code pending}, in its order. */
  private static Optional<List<Encoded>> takeExact(Deque<Encoded> queue, List<String> pending) {
    Map<String, Deque<Encoded>> byId = new HashMap<>();
    for (Encoded e : queue) {
      byId.computeIfAbsent(e.record().id(), id -> new ArrayDeque<>()).addLast(e);
    }
    List<Encoded> exact = new ArrayList<>(pending.size());
    for (String id : pending) {
      Deque<Encoded> candidates = byId.get(id);
      if (candidates == null || candidates.isEmpty()) {
        return Optional.empty();
      }
      exact.add(candidates.pollFirst());
    }
    exact.forEach(queue::remove);
    return Optional.of(exact);
  }

  private static void pushFront(Deque<Encoded> queue, List<Encoded> rows) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      queue.addFirst(rows.get(i));
    }
  }

  private static List<Encoded> concat(List<Encoded> chunk, Deque<Encoded> queue) {
    List<Encoded> all = new ArrayList<>(chunk);
    all.addAll(queue);
    queue.clear();
    return all;
  }

  private static List<Integer> indices(Collection<Encoded> rows) {
    List<Integer> indices = new ArrayList<>(rows.size());
    rows.forEach(e -> indices.add(e.index()));
    return indices;
  }

  private static List<String> ids(List<Encoded> chunk) {
    List<String> ids = new ArrayList<>(chunk.size());
    chunk.forEach(e -> ids.add(e.record().id()));
    return ids;
  }

  private static Map<String, Integer> counts(List<String> ids) {
    Map<String, Integer> counts = new HashMap<>();
    ids.forEach(id -> counts.merge(id, 1, Integer::sum));
    return counts;
  }

  private static boolean take(Map<String, Integer> counts, String id) {
    Integer left = counts.get(id);
    if (left == null) {
      return false;
    }
    if (left == 1) {
      counts.remove(id);
    } else {
      counts.put(id, left - 1);
    }
    return true;
  }

  /** One row of the request, converted. */
  private record Encoded(int index, BatchRecord record, JSONObject json, long bytes) {}

  private sealed interface Outcome
      permits Appended,
          AlreadyExists,
          ClientRowErrors,
          ServerRowErrors,
          TooLarge,
          OutOfRange,
          Failed {}

  private record Appended() implements Outcome {}

  private record AlreadyExists() implements Outcome {}

  /** JsonStreamWriter refused rows before sending anything; indices are into the chunk. */
  private record ClientRowErrors(Map<Integer, String> reasons, String message) implements Outcome {}

  /** The server refused rows; nothing of the request was appended. */
  private record ServerRowErrors(Map<Integer, String> reasons, Throwable error)
      implements Outcome {}

  private record TooLarge(Throwable error) implements Outcome {}

  private record OutOfRange(Throwable error) implements Outcome {}

  private record Failed(Throwable error) implements Outcome {}
}
