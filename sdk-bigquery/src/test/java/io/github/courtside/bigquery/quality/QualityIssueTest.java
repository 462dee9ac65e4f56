package io.github.courtside.bigquery.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.warehouse.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class QualityIssueTest {
  private static final Instant LATE_EVENING = Instant.parse("2026-01-27T23:59:59.5Z");

  @Test
  void detailsAreRenderedAsAJsonObject() {
    QualityIssue issue =
        QualityIssue.of(
            "player_game",
            "lebronjames",
            "missing_minutes",
            IssueSeverity.HIGH,
            Map.of("expected", 36),
            LATE_EVENING);
    assertEquals(36, new JSONObject(issue.details()).getInt("expected"));
  }

  @Test
  void detailsMustBeOneJsonValue() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new QualityIssue("s", null, "t", IssueSeverity.LOW, "{oops", LATE_EVENING));
    assertThrows(
        IllegalArgumentException.class,
        () -> new QualityIssue("s", null, "t", IssueSeverity.LOW, "{} {}", LATE_EVENING));
    assertThrows(
        IllegalArgumentException.class,
        () -> new QualityIssue(" ", null, "t", IssueSeverity.LOW, "{}", LATE_EVENING));
  }

  @Test
  void theRowFollowsTheSchema() {
    QualityIssue issue =
        new QualityIssue(
            "player_game", null, "stale_line", IssueSeverity.MEDIUM, "[]", LATE_EVENING);
    Row row = QualityIssueLog.toRow("id-1", issue);
    assertEquals(QualityIssueLog.SCHEMA.columnNames(), java.util.List.copyOf(row.columns()));
    assertEquals("MEDIUM", row.get("severity"));
    assertEquals(LocalDate.of(2026, 1, 27), row.get("detected_date"), "UTC date");
    assertTrue(row.has("entity_id") && row.get("entity_id") == null);
  }
}
