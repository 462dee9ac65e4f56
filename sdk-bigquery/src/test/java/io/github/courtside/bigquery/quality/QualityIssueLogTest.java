package io.github.courtside.bigquery.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.batch.BatchWriterStats;
import io.github.courtside.core.batch.DeadLetter;
import io.github.courtside.core.batch.InMemorySink;
import io.github.courtside.core.warehouse.TableId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityIssueLogTest {
  private static final TableId ISSUES = TableId.parse("nba_processing.analytics_data_issues");

  private static QualityIssue issue(String entity) {
    return QualityIssue.of(
        "player_game",
        entity,
        "missing_minutes",
        IssueSeverity.LOW,
        Map.of("game_id", "0022500123"),
        Instant.parse("2026-01-27T20:00:00Z"));
  }

  @Test
  void aLogWithoutAChosenDeadLetterSinkIsRefusedNamingItsTable() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> QualityIssueLog.builder(InMemorySink.of(ISSUES)).build());
    assertTrue(e.getMessage().contains(ISSUES.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("no dead-letter sink"), e.getMessage());
  }

  @Test
  void theInjectedDeadLetterSinkReceivesTheIssuesThatCannotBeWritten() {
    InMemorySink sink = InMemorySink.of(ISSUES);
    sink.failRowsMatching(
        record -> "broken".equals(record.row().get("entity_id")), "injected bad row");
    List<DeadLetter> dead = new CopyOnWriteArrayList<>();
    String brokenId;
    QualityIssueLog log = QualityIssueLog.builder(sink).deadLetters(dead::add).build();
    try (log) {
      log.record(issue("lebronjames"));
      brokenId = log.record(issue("broken"));
    }
    BatchWriterStats stats = log.stats();
    assertEquals(1, stats.written(), stats::toString);
    assertEquals(1, dead.size(), () -> "dead letters: " + dead);
    assertEquals(brokenId, dead.get(0).record().id());
    assertTrue(dead.get(0).reason().contains("injected bad row"), dead.get(0).reason());
  }

  @Test
  void aDeadLetterFolderKeepsUndeliverableIssuesInReplayableFiles(@TempDir Path folder)
      throws IOException {
    InMemorySink sink = InMemorySink.of(ISSUES);
    sink.failRowsMatching(record -> true, "injected bad row");
    String id;
    try (QualityIssueLog log = QualityIssueLog.builder(sink).deadLetterFolder(folder).build()) {
      id = log.record(issue("broken"));
    }
    StringBuilder kept = new StringBuilder();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        kept.append(Files.readString(file));
      }
    }
    assertTrue(kept.toString().contains("\"rowId\":\"" + id + "\""), kept::toString);
  }

  @Test
  void theOldLoggingBehaviourIsAnExplicitFactory() {
    InMemorySink sink = InMemorySink.of(ISSUES);
    try (QualityIssueLog log = QualityIssueLog.withLoggedDeadLetters(sink).build()) {
      log.record(issue("lebronjames"));
    }
    assertEquals(1, sink.rows().size());
  }
}
