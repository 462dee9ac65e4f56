package io.github.courtside.bigquery.sink;

import io.github.courtside.bigquery.quality.IssueSeverity;
import io.github.courtside.bigquery.quality.QualityIssue;
import io.github.courtside.bigquery.quality.QualityIssueLog;
import io.github.courtside.core.batch.BatchRecord;
import io.github.courtside.core.batch.BatchWriterConfig;
import io.github.courtside.core.batch.WriteMode;
import io.github.courtside.core.batch.WriteModePolicy;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Tables, rows and writer settings shared by the sink tests. */
final class SinkFixtures {
  private SinkFixtures() {}

  static final TableId ISSUES = TableId.of("courtside_sinks", "quality_issues");
  static final TableId VALUES = TableId.of("courtside_sinks", "all_types");
  static final TableId EVOLVING = TableId.of("courtside_sinks", "evolving");
  static final TableId ACCURACY = TableId.of("nba_predictions", "prediction_accuracy");

  static final WriteModePolicy MODES =
      WriteModePolicy.builder()
          .register(ISSUES, WriteMode.APPEND_ONLY)
          .register(VALUES, WriteMode.APPEND_ONLY)
          .register(EVOLVING, WriteMode.APPEND_ONLY)
          .register(ACCURACY, WriteMode.MUTABLE)
          .build();

  static final TableSchema ISSUE_SCHEMA = QualityIssueLog.SCHEMA;

  /** One column of each type Courtside models. */
  static final TableSchema VALUE_SCHEMA =
      TableSchema.builder()
          .column(Column.required("id", ColumnType.STRING))
          .column(Column.nullable("big", ColumnType.INT64))
          .column(Column.nullable("line", ColumnType.FLOAT64))
          .column(Column.nullable("not_a_number", ColumnType.FLOAT64))
          .column(Column.nullable("amount", ColumnType.NUMERIC))
          .column(Column.nullable("active", ColumnType.BOOL))
          .column(Column.nullable("game_date", ColumnType.DATE))
          .column(Column.nullable("at", ColumnType.TIMESTAMP))
          .column(Column.nullable("doc", ColumnType.JSON))
          .column(Column.nullable("missing", ColumnType.STRING))
          .build();

  static final Row EVERY_TYPE =
      Row.builder()
          .set("id", "r1")
          .set("big", 9_007_199_254_740_993L)
          .set("line", 25.5)
          .set("not_a_number", Double.NaN)
          .set("amount", new BigDecimal("123456.789012345"))
          .set("active", true)
          .set("game_date", LocalDate.of(2026, 1, 27))
          .set("at", Instant.parse("2026-01-27T10:15:30.123456Z"))
          .set("doc", "{\"players\":[\"lebronjames\",\"stephcurry\"],\"n\":2}")
          .set("missing", null)
          .build();

  /** A writer that retries at once, up to 10 attempts, and flushes only when full or asked. */
  static BatchWriterConfig fast(int maxRows) {
    return BatchWriterConfig.builder()
        .name("sink-test")
        .maxRows(maxRows)
        .capacity(20_000)
        .maxAge(Duration.ofHours(1))
        .initialBackoff(Duration.ofMillis(1))
        .maxBackoff(Duration.ofMillis(5))
        .jitter(0)
        .maxAttempts(10)
        .closeTimeout(Duration.ofSeconds(60))
        .build();
  }

  static QualityIssue issue(int n) {
    return new QualityIssue(
        "nba_analytics.player_game",
        "player-" + n,
        n % 7 == 0 ? "missing_minutes" : "stale_line",
        IssueSeverity.LOW,
        "{\"n\":" + n + ",\"note\":\"line moved twice\"}",
        Instant.parse("2026-01-27T10:00:00Z").plusMillis(n));
  }

  /** Issue rows as the writer would hand them to a sink, ids {@code prefix-n}. */
  static List<BatchRecord> issueRecords(String prefix, int from, int to) {
    List<BatchRecord> records = new ArrayList<>();
    for (int n = from; n < to; n++) {
      String id = prefix + "-" + n;
      records.add(new BatchRecord(id, n, QualityIssueLog.toRow(id, issue(n))));
    }
    return records;
  }
}
