package io.github.courtside.bigquery.sink;

import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.InsertAllResponse;
import io.github.courtside.core.batch.BatchRecord;
import io.github.courtside.core.batch.BatchSink;
import io.github.courtside.core.batch.Delivery;
import io.github.courtside.core.batch.ErrorClassifier;
import io.github.courtside.core.batch.SinkException;
import io.github.courtside.core.batch.SinkResult;
import io.github.courtside.core.batch.WriteModeViolationException;
import io.github.courtside.core.warehouse.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link BatchSink} on {@code tabledata.insertAll} (legacy streaming inserts) through {@link
 * BigQuery#insertAll}, with each row's {@link BatchRecord#id()} as its {@code insertId}, so
 * BigQuery drops a row that a retried request carries again (best effort, within about a minute).
 *
 * <p>A {@link #write} sends at most {@link InsertAllSinkSetup#maxRowsPerRequest} rows (default 500)
 * and {@link InsertAllSinkSetup#maxRequestBytes} estimated bytes (default 9 MB, under the 10 MB
 * limit) per request. Per-row {@code insertErrors} become row failures with their reason: a row
 * whose only error is {@code stopped} (BigQuery refused the request because of another row) is
 * retryable, any other error is permanent (a dead letter). A failed request throws a {@link
 * SinkException} whose {@link SinkException#retryable()} comes from {@link BigQueryErrorClassifier}
 * (429, 5xx, {@code rateLimitExceeded}, {@code backendError}...). The sink only classifies: it
 * sends each request once, with the client's own retries switched off, and leaves retrying to the
 * {@link io.github.courtside.core.batch.BatchWriter}.
 *
 * <p>Values are sent as {@link RowJson} describes (Instant as an ISO-8601 UTC string, BigDecimal as
 * a string, LocalDate as {@code yyyy-MM-dd}).
 *
 * <pre>{@code
 * InsertAllSink sink = InsertAllSink.builder(BigQueryOptions.getDefaultInstance().getService())
 *     .table(TableId.parse("nba_processing.analytics_data_issues"))
 *     .writeModes(modes)
 *     .build();
 * }</pre>
 */
public final class InsertAllSink implements BatchSink {
  private final BigQuery bigQuery;
  private final TableId table;
  private final com.google.cloud.bigquery.TableId cloudTable;
  private final int maxRowsPerRequest;
  private final long maxRequestBytes;
  private final boolean skipInvalidRows;
  private final boolean ignoreUnknownValues;
  private final ErrorClassifier classifier = BigQueryErrorClassifier.shared();

  private InsertAllSink(InsertAllSinkSetup setup) {
    TableId target = setup.table();
    try {
      setup.writeModes().requireAllowed(target, Delivery.STREAMING);
    } catch (WriteModeViolationException e) {
      throw new StreamingIntoMutableTableException("InsertAllSink", target, e);
    }
    BigQuery given = setup.bigQuery();
    this.bigQuery =
        setup.clientRetries()
            ? given
            : given.getOptions().toBuilder()
                .setRetrySettings(ServiceOptions.getNoRetrySettings())
                .build()
                .getService();
    BigQueryOptions options = given.getOptions();
    @Nullable String project = target.project().or(setup::project).orElse(options.getProjectId());
    this.table = target;
    this.cloudTable =
        project == null
            ? com.google.cloud.bigquery.TableId.of(target.dataset(), target.table())
            : com.google.cloud.bigquery.TableId.of(project, target.dataset(), target.table());
    this.maxRowsPerRequest = setup.maxRowsPerRequest();
    this.maxRequestBytes = setup.maxRequestBytes();
    this.skipInvalidRows = setup.skipInvalidRows();
    this.ignoreUnknownValues = setup.ignoreUnknownValues();
  }

  /**
   * A builder for a sink that writes through {@code bigQuery}: {@code
   * InsertAllSinkSetup.builder().bigQuery(bigQuery)}.
   */
  public static InsertAllSinkSetup.Builder builder(BigQuery bigQuery) {
    return InsertAllSinkSetup.builder().bigQuery(bigQuery);
  }

  /**
   * The sink {@code setup} describes. Throws {@link StreamingIntoMutableTableException} when the
   * table is not declared APPEND_ONLY.
   */
  public static InsertAllSink create(InsertAllSinkSetup setup) {
    return new InsertAllSink(setup);
  }

  @Override
  public TableId table() {
    return table;
  }

  @Override
  public Delivery delivery() {
    return Delivery.STREAMING;
  }

  @Override
  public SinkResult write(List<BatchRecord> records) {
    if (records.isEmpty()) {
      return SinkResult.allWritten();
    }
    RowOutcomes outcomes = new RowOutcomes(table, "tabledata.insertAll", classifier, records);
    List<Encoded> encoded = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      BatchRecord record = records.get(i);
      try {
        Map<String, Object> json = RowJson.forInsertAll(record.row());
        encoded.add(new Encoded(i, record, json, RowJson.estimateBytes(json, record.id())));
      } catch (RuntimeException e) {
        outcomes.reject(i, "cannot convert the row to JSON: " + e.getMessage());
      }
    }
    int next = 0;
    while (next < encoded.size()) {
      int end = next;
      long bytes = 0;
      while (end < encoded.size()
          && end - next < maxRowsPerRequest
          && (end == next || bytes + encoded.get(end).bytes() <= maxRequestBytes)) {
        bytes += encoded.get(end).bytes();
        end++;
      }
      List<Encoded> chunk = encoded.subList(next, end);
      InsertAllResponse response;
      try {
        response = bigQuery.insertAll(request(chunk));
      } catch (RuntimeException e) {
        List<Integer> unsent = new ArrayList<>();
        encoded.subList(next, encoded.size()).forEach(row -> unsent.add(row.index()));
        outcomes.requestFailed(unsent, e);
        break;
      }
      Map<Long, List<BigQueryError>> errors = response.getInsertErrors();
      for (int i = 0; i < chunk.size(); i++) {
        Encoded row = chunk.get(i);
        List<BigQueryError> rowErrors = errors.get((long) i);
        if (rowErrors == null || rowErrors.isEmpty()) {
          outcomes.written(row.index());
        } else if (onlyStopped(rowErrors)) {
          outcomes.retryable(row.index(), "stopped: another row of the request was invalid");
        } else {
          outcomes.reject(row.index(), describe(rowErrors));
        }
      }
      next = end;
    }
    return outcomes.result();
  }

  private InsertAllRequest request(List<Encoded> chunk) {
    InsertAllRequest.Builder request =
        InsertAllRequest.newBuilder(cloudTable)
            .setSkipInvalidRows(skipInvalidRows)
            .setIgnoreUnknownValues(ignoreUnknownValues);
    for (Encoded row : chunk) {
      request.addRow(row.record().id(), row.json());
    }
    return request.build();
  }

  private static boolean onlyStopped(List<BigQueryError> errors) {
    for (BigQueryError error : errors) {
      if (!"stopped".equals(String.valueOf(error.getReason()).toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private static String describe(List<BigQueryError> errors) {
    StringBuilder text = new StringBuilder();
    for (BigQueryError error : errors) {
      if ("stopped".equals(error.getReason())) {
        continue;
      }
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(error.getReason()).append(": ").append(error.getMessage());
      String location = error.getLocation();
      if (location != null && !location.isEmpty()) {
        text.append(" (at ").append(location).append(')');
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return "InsertAllSink[" + cloudTable + "]";
  }

  private record Encoded(int index, BatchRecord record, Map<String, Object> json, long bytes) {}
}
