package io.github.courtside.bigquery.sink;

import com.google.cloud.bigquery.BigQuery;
import io.github.courtside.core.ComponentStyle;
import io.github.courtside.core.batch.WriteModePolicy;
import io.github.courtside.core.warehouse.TableId;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What an {@link InsertAllSink} is made of. Immutable; the builder is generated ({@link
 * ComponentStyle}) and {@link Builder#build()} makes the sink.
 *
 * <pre>{@code
 * InsertAllSink sink = InsertAllSink.builder(bigQuery)   // = InsertAllSinkSetup.builder().bigQuery(bigQuery)
 *     .table(TableId.parse("nba_processing.analytics_data_issues"))
 *     .writeModes(modes)
 *     .build();
 * }</pre>
 */
@ComponentStyle
@Value.Immutable
public abstract class InsertAllSinkSetup {
  InsertAllSinkSetup() {}

  /** A builder; {@link Builder#bigQuery} and {@link Builder#table} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The client the sink writes through (required). */
  public abstract BigQuery bigQuery();

  /** The table (required). */
  public abstract TableId table();

  /** The table's project when its {@link TableId} names none (default: the client's). */
  public abstract Optional<String> project();

  /**
   * The tables' write modes; the table must be declared {@code APPEND_ONLY} (default {@link
   * WriteModePolicy#loadOnly()}, which refuses every table).
   */
  @Value.Default
  public WriteModePolicy writeModes() {
    return WriteModePolicy.loadOnly();
  }

  /** The most rows per request (default 500, BigQuery's recommendation; at most 50,000). */
  @Value.Default
  public int maxRowsPerRequest() {
    return 500;
  }

  /** The most estimated bytes per request (default 9,000,000; BigQuery refuses over 10 MB). */
  @Value.Default
  public long maxRequestBytes() {
    return 9_000_000;
  }

  /**
   * Whether BigQuery writes the valid rows of a request that has invalid ones (default false: they
   * come back {@code stopped} and are retried).
   */
  @Value.Default
  public boolean skipInvalidRows() {
    return false;
  }

  /**
   * Whether BigQuery drops fields the table lacks instead of rejecting the row (default false: a
   * row with an unknown field is a dead letter, never silently truncated).
   */
  @Value.Default
  public boolean ignoreUnknownValues() {
    return false;
  }

  /**
   * Whether the BigQuery client may retry a request itself (default false: the batch writer is the
   * only retry layer, so its backoff, attempt limit and dead letters hold).
   */
  @Value.Default
  public boolean clientRetries() {
    return false;
  }

  @Value.Check
  void check() {
    if (maxRowsPerRequest() < 1 || maxRowsPerRequest() > 50_000) {
      throw new IllegalArgumentException(
          "maxRowsPerRequest of the insertAll sink for "
              + table()
              + " must be in [1, 50000], was "
              + maxRowsPerRequest());
    }
    if (maxRequestBytes() < 1 || maxRequestBytes() > 10_000_000) {
      throw new IllegalArgumentException(
          "maxRequestBytes of the insertAll sink for "
              + table()
              + " must be in [1, 10000000], was "
              + maxRequestBytes());
    }
  }

  /**
   * Builds an {@link InsertAllSinkSetup} ({@link #buildSetup()}) or directly the {@link
   * InsertAllSink} ({@link #build()}).
   */
  public static final class Builder extends ImmutableInsertAllSinkSetup.Builder {
    Builder() {}

    /**
     * The sink. Throws {@link StreamingIntoMutableTableException} when the table is not declared
     * APPEND_ONLY.
     */
    public InsertAllSink build() {
      return InsertAllSink.create(buildSetup());
    }
  }
}
