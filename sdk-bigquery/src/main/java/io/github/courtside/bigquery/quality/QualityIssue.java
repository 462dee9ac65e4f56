package io.github.courtside.bigquery.quality;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.jspecify.annotations.Nullable;

/**
 * One data-quality issue found by a processor: where (the source table or processor), about what
 * (the entity, e.g. a player or game id), what kind, how severe, details as JSON text, and when.
 *
 * <pre>{@code
 * QualityIssue issue = QualityIssue.of(
 *     "nba_analytics.player_game", "lebronjames_20260127", "missing_minutes",
 *     IssueSeverity.HIGH, Map.of("expected", 36, "found", null), clock.instant());
 * }</pre>
 *
 * @param source the table or processor that found the issue
 * @param entityId the entity it is about, if any
 * @param issueType a short machine-readable kind, e.g. {@code missing_minutes}
 * @param severity how bad it is
 * @param details JSON text with whatever helps to investigate ({@code {}} when there is nothing)
 * @param detectedAt when it was found
 */
public record QualityIssue(
    String source,
    @Nullable String entityId,
    String issueType,
    IssueSeverity severity,
    String details,
    Instant detectedAt) {
  public QualityIssue {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(issueType, "issueType");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(detectedAt, "detectedAt");
    if (source.isBlank() || issueType.isBlank()) {
      throw new IllegalArgumentException("source and issueType must not be blank");
    }
    requireJson(details);
  }

  /** An issue whose details are rendered from a map as a JSON object. */
  public static QualityIssue of(
      String source,
      @Nullable String entityId,
      String issueType,
      IssueSeverity severity,
      Map<String, ?> details,
      Instant detectedAt) {
    return new QualityIssue(
        source, entityId, issueType, severity, new JSONObject(details).toString(), detectedAt);
  }

  private static void requireJson(String text) {
    try {
      JSONTokener tokener = new JSONTokener(text);
      tokener.nextValue();
      if (tokener.nextClean() != 0) {
        throw new IllegalArgumentException("details must be one JSON value, got: " + text);
      }
    } catch (JSONException e) {
      throw new IllegalArgumentException("details must be JSON text, got: " + text, e);
    }
  }
}
