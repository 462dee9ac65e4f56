package io.github.courtside.scrapers.injury;

import io.github.courtside.core.tracking.TrackingSummary;
import io.github.courtside.scrapers.ParseStatus;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed injury report: when it was issued, the player records and the teams that have not yet
 * submitted.
 *
 * <pre>{@code
 * InjuryReport report = InjuryReportParser.create().parse(Path.of("Injury-Report_2024-01-04_12PM.pdf"));
 * report.season();            // Optional["2023-24"]
 * report.records().size();    // 14
 * }</pre>
 *
 * @param status complete, partial or failed
 * @param failureReason why the document is unusable, for {@link ParseStatus#FAILED}
 * @param issuedAt the report's date and time from its title ("Injury Report: 01/04/24 12:30 PM")
 * @param records the player rows, in printed order
 * @param notYetSubmitted the teams marked NOT YET SUBMITTED, in printed order
 * @param totalLines non-blank text lines, wrapped reason lines counted once with their row (as the
 *     old parser counted them)
 * @param mergedReasons player rows whose reason was wrapped over several lines and joined
 * @param sections the section error tracker's summary
 */
public record InjuryReport(
    ParseStatus status,
    Optional<String> failureReason,
    Optional<LocalDateTime> issuedAt,
    List<InjuryRecord> records,
    List<NotSubmittedTeam> notYetSubmitted,
    int totalLines,
    int mergedReasons,
    TrackingSummary sections) {
  /** Copies the lists. */
  public InjuryReport {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failureReason, "failureReason");
    Objects.requireNonNull(issuedAt, "issuedAt");
    records = List.copyOf(records);
    notYetSubmitted = List.copyOf(notYetSubmitted);
    Objects.requireNonNull(sections, "sections");
  }

  /**
   * The NBA season of the report, "2023-24" for January 2024: seasons start in October.
   *
   * <p><b>Fixed bug:</b> the old scraper derived the season from the calendar year alone and
   * labelled this January 2024 report "2024-25" (spec §C.4, §A.23).
   */
  public Optional<String> season() {
    return issuedAt.map(
        t -> {
          int start = t.getMonthValue() >= 10 ? t.getYear() : t.getYear() - 1;
          return start + "-" + String.format(java.util.Locale.ROOT, "%02d", (start + 1) % 100);
        });
  }

  /** Records per status, every status present. */
  public Map<InjuryStatus, Integer> statusCounts() {
    Map<InjuryStatus, Integer> counts = new EnumMap<>(InjuryStatus.class);
    for (InjuryStatus status : InjuryStatus.values()) {
      counts.put(status, 0);
    }
    records.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    return counts;
  }

  /**
   * The mean record confidence plus 0.02 per merged reason (at most +0.1), clamped to [0, 1] and
   * rounded to 3 decimals, as the old parser computed its {@code overall_confidence}.
   */
  public double overallConfidence() {
    if (records.isEmpty()) {
      return 0.0;
    }
    double mean = records.stream().mapToDouble(InjuryRecord::confidence).average().orElse(0);
    double value = Math.max(0, Math.min(1, mean + Math.min(0.1, 0.02 * mergedReasons)));
    return Math.round(value * 1000) / 1000.0;
  }
}
