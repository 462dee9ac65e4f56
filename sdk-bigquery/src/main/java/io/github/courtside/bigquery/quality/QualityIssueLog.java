package io.github.courtside.bigquery.quality;

import io.github.courtside.core.batch.BatchSink;
import io.github.courtside.core.batch.BatchWriter;
import io.github.courtside.core.batch.BatchWriterConfig;
import io.github.courtside.core.batch.BatchWriterSetup;
import io.github.courtside.core.batch.BatchWriterStats;
import io.github.courtside.core.batch.DeadLetterSink;
import io.github.courtside.core.batch.RowIdStrategy;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableSchema;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
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
 * try (QualityIssueLog log = QualityIssueLog.builder(sink)
 *     .writeModes(modes).deadLetterFolder(Path.of("/var/courtside/dead-letters/issues")).build()) {
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

  private QualityIssueLog(QualityIssueLogSetup setup) {
    this.sink = setup.sink();
    this.issueIds = setup.issueIds();
    this.closeSink = !setup.keepSinkOpen();
    BatchWriterSetup.Builder writerBuilder =
        BatchWriter.builder(sink)
            .config(setup.config())
            .writeModes(setup.writeModes())
            .errorClassifier(setup.errorClassifier())
            .deadLetters(setup.deadLetters())
            .deadLetterFolder(setup.deadLetterFolder())
            .closeOnShutdown(setup.closeOnShutdown());
    setup.writerOptions().accept(writerBuilder);
    this.writer = writerBuilder.rowIds(RowIdStrategy.column("issue_id")).build();
  }

  /**
   * A builder of a log writing through {@code sink} ({@code
   * QualityIssueLogSetup.builder().sink(sink)}); choose where undeliverable issues go with {@link
   * QualityIssueLogSetup.Builder#deadLetterFolder} or {@link
   * QualityIssueLogSetup.Builder#deadLetters}.
   */
  public static QualityIssueLogSetup.Builder builder(BatchSink sink) {
    return QualityIssueLogSetup.builder().sink(sink);
  }

  /**
   * A builder of a log whose undeliverable issues are only logged at ERROR ({@link
   * DeadLetterSink#logging()}; they are lost once the logs rotate): the behaviour that used to be
   * the default.
   */
  public static QualityIssueLogSetup.Builder withLoggedDeadLetters(BatchSink sink) {
    return builder(sink).deadLetters(DeadLetterSink.logging());
  }

  /** The log {@code setup} describes. */
  public static QualityIssueLog create(QualityIssueLogSetup setup) {
    return new QualityIssueLog(setup);
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
   * {@link QualityIssueLogSetup#keepSinkOpen()}).
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
}
