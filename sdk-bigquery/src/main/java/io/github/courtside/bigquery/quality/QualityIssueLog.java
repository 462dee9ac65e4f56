package io.github.courtside.bigquery.quality;

import io.github.courtside.core.batch.BatchSink;
import io.github.courtside.core.batch.BatchWriter;
import io.github.courtside.core.batch.BatchWriterConfig;
import io.github.courtside.core.batch.BatchWriterStats;
import io.github.courtside.core.batch.DeadLetterSink;
import io.github.courtside.core.batch.ErrorClassifier;
import io.github.courtside.core.batch.RowIdStrategy;
import io.github.courtside.core.batch.WriteModePolicy;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableSchema;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality-issue log of the old platform's QualityMixin (spec-prediction-infra §5.4), rebuilt on
 * a {@link BatchWriter}: each issue is one row, rows go out in batches through any {@link
 * BatchSink} (a {@code StorageWriteSink} or {@code InsertAllSink} for BigQuery), and never as one
 * load job per issue, the pattern that exhausted the 1,500 load jobs per table per day (I-17).
 *
 * <p>Rows follow {@link #SCHEMA}: a random {@code issue_id} (also the writer's row id, so retries
 * never duplicate an issue), {@code source}, {@code entity_id}, {@code issue_type}, {@code
 * severity}, {@code details} (JSON), {@code detected_at} and its UTC date {@code detected_date}
 * (the partition column). There is no {@code resolved} flag: the table is append-only (streamed
 * rows cannot be updated for a while), and resolutions belong in a table of their own.
 *
 * <pre>{@code
 * WriteModePolicy modes = WriteModePolicy.builder().register(issues, WriteMode.APPEND_ONLY).build();
 * StorageWriteSink sink = StorageWriteSink.builder(writeSettings)
 *     .project("nba-props").table(issues).writeModes(modes).build();
 * try (QualityIssueLog log = QualityIssueLog.builder(sink).writeModes(modes).build()) {
 *   log.record(QualityIssue.of("player_game", "lebronjames", "missing_minutes",
 *       IssueSeverity.HIGH, Map.of("game_id", "0022500123"), clock.instant()));
 * } // drains, then closes the sink
 * }</pre>
 */
public final class QualityIssueLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(QualityIssueLog.class);

  /** The table's schema. */
  public static final TableSchema SCHEMA =
      TableSchema.builder()
          .column(Column.required("issue_id", ColumnType.STRING))
          .column(Column.required("source", ColumnType.STRING))
          .column(Column.nullable("entity_id", ColumnType.STRING))
          .column(Column.required("issue_type", ColumnType.STRING))
          .column(Column.required("severity", ColumnType.STRING))
          .column(Column.nullable("details", ColumnType.JSON))
          .column(Column.required("detected_at", ColumnType.TIMESTAMP))
          .column(Column.required("detected_date", ColumnType.DATE))
          .partitionBy("detected_date")
          .clusterBy("source", "issue_type")
          .build();

  /**
   * The writer defaults: name {@code quality-issues}, up to 5,000 rows (about 2 MB) per request, a
   * buffer of 20,000, flushed at least every 30 s.
   */
  public static final BatchWriterConfig DEFAULT_CONFIG =
      BatchWriterConfig.builder()
          .name("quality-issues")
          .maxRows(5_000)
          .capacity(20_000)
          .maxAge(Duration.ofSeconds(30))
          .build();

  private final BatchSink sink;
  private final BatchWriter writer;
  private final Supplier<String> issueIds;
  private final boolean closeSink;

  private QualityIssueLog(Builder builder) {
    this.sink = builder.sink;
    this.issueIds = builder.issueIds;
    this.closeSink = builder.closeSink;
    BatchWriter.Builder writerBuilder =
        BatchWriter.builder(sink)
            .config(builder.config)
            .rowIds(RowIdStrategy.column("issue_id"))
            .writeModes(builder.writeModes)
            .errorClassifier(builder.classifier)
            .deadLetters(builder.deadLetters);
    builder.writerOptions.accept(writerBuilder);
    writerBuilder.rowIds(RowIdStrategy.column("issue_id"));
    if (builder.closeOnShutdown) {
      writerBuilder.closeOnShutdown();
    }
    this.writer = writerBuilder.build();
  }

  /** A builder of a log writing through {@code sink}. */
  public static Builder builder(BatchSink sink) {
    return new Builder(Objects.requireNonNull(sink, "sink"));
  }

  /**
   * Queues one issue as one row and returns its {@code issue_id}. Never performs I/O; throws as
   * {@link BatchWriter#add} does when the buffer stays full or the log is closed.
   */
  public String record(QualityIssue issue) {
    String issueId = issueIds.get();
    writer.add(toRow(issueId, issue));
    if (issue.severity() == IssueSeverity.HIGH || issue.severity() == IssueSeverity.CRITICAL) {
      log.warn(
          "{} quality issue {} in {} for {}: {}",
          issue.severity(),
          issue.issueType(),
          issue.source(),
          issue.entityId(),
          issue.details());
    }
    return issueId;
  }

  /** The row of an issue, as {@link #SCHEMA} lays it out. */
  public static Row toRow(String issueId, QualityIssue issue) {
    return Row.builder()
        .set("issue_id", issueId)
        .set("source", issue.source())
        .set("entity_id", issue.entityId())
        .set("issue_type", issue.issueType())
        .set("severity", issue.severity().name())
        .set("details", issue.details())
        .set("detected_at", issue.detectedAt())
        .set("detected_date", issue.detectedAt().atZone(ZoneOffset.UTC).toLocalDate())
        .build();
  }

  /** Sends every issue recorded so far; completes when each is written or dead-lettered. */
  public CompletableFuture<Void> flush() {
    return writer.flush();
  }

  /** The writer's accounting. */
  public BatchWriterStats stats() {
    return writer.stats();
  }

  /**
   * Drains and closes the writer, then closes the sink when it is {@link AutoCloseable} (unless
   * {@link Builder#keepSinkOpen()}).
   */
  @Override
  public void close() {
    try {
      writer.close();
    } finally {
      if (closeSink && sink instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          log.warn("closing the quality-issue sink {} failed: {}", sink, e.toString());
        }
      }
    }
  }

  /** Builds a {@link QualityIssueLog}. */
  public static final class Builder {
    private final BatchSink sink;
    private BatchWriterConfig config = DEFAULT_CONFIG;
    private WriteModePolicy writeModes = WriteModePolicy.loadOnly();
    private ErrorClassifier classifier = ErrorClassifier.defaults();
    private DeadLetterSink deadLetters = DeadLetterSink.logging();
    private Supplier<String> issueIds = () -> UUID.randomUUID().toString();
    private Consumer<BatchWriter.Builder> writerOptions = options -> {};
    private boolean closeOnShutdown;
    private boolean closeSink = true;

    private Builder(BatchSink sink) {
      this.sink = sink;
    }

    /** The writer settings (default {@link #DEFAULT_CONFIG}). */
    public Builder config(BatchWriterConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The tables' write modes; a streaming sink needs its table declared APPEND_ONLY. */
    public Builder writeModes(WriteModePolicy writeModes) {
      this.writeModes = Objects.requireNonNull(writeModes, "writeModes");
      return this;
    }

    /** Which request failures are retried (default {@link ErrorClassifier#defaults()}). */
    public Builder errorClassifier(ErrorClassifier classifier) {
      this.classifier = Objects.requireNonNull(classifier, "classifier");
      return this;
    }

    /** Where issues go that cannot be written (default: logged at ERROR). */
    public Builder deadLetters(DeadLetterSink deadLetters) {
      this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
      return this;
    }

    /** Where issue ids come from (default random UUIDs); each must be unique. */
    public Builder issueIds(Supplier<String> issueIds) {
      this.issueIds = Objects.requireNonNull(issueIds, "issueIds");
      return this;
    }

    /**
     * Further writer settings, applied last, e.g. {@code w -> w.meterRegistry(registry)} or a
     * scheduler and clock. The row ids stay the issue ids.
     */
    public Builder writerOptions(Consumer<BatchWriter.Builder> writerOptions) {
      this.writerOptions = Objects.requireNonNull(writerOptions, "writerOptions");
      return this;
    }

    /** Also drains the log when the JVM shuts down normally (Cloud Run's SIGTERM). */
    public Builder closeOnShutdown() {
      this.closeOnShutdown = true;
      return this;
    }

    /** Leaves the sink open on {@link QualityIssueLog#close()}. */
    public Builder keepSinkOpen() {
      this.closeSink = false;
      return this;
    }

    /** The log; throws when a streaming sink's table is not declared APPEND_ONLY. */
    public QualityIssueLog build() {
      return new QualityIssueLog(this);
    }
  }
}
