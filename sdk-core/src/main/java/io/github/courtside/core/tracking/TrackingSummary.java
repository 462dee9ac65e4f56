package io.github.courtside.core.tracking;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of a {@link SectionErrorTracker}: every declared or used section in order,
 * with totals.
 *
 * <pre>{@code
 * TrackingSummary summary = tracker.summary();
 * if (!summary.complete()) {
 *   log.warn("incomplete sections {}", summary.incompleteSections());
 * }
 * }</pre>
 *
 * @param subject what was tracked, for example {@code "gamebook 20240410/MEMCLE"}
 * @param sections per-section summaries in declaration (then first-use) order
 */
public record TrackingSummary(String subject, Map<String, SectionSummary> sections) {
  /** Copies the map, keeping its order. */
  public TrackingSummary {
    Objects.requireNonNull(subject, "subject");
    sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
  }

  /** One section's summary, if the section was declared or used. */
  public Optional<SectionSummary> section(String name) {
    return Optional.ofNullable(sections.get(name));
  }

  /** Errors over all sections. */
  public int totalErrors() {
    return sections.values().stream().mapToInt(SectionSummary::errorCount).sum();
  }

  /** Soft issues over all sections. */
  public int totalIssues() {
    return sections.values().stream().mapToInt(SectionSummary::issueCount).sum();
  }

  /** The sections whose errors reached their threshold, in section order. */
  public List<String> incompleteSections() {
    return sections.values().stream()
        .filter(s -> !s.complete())
        .map(SectionSummary::section)
        .toList();
  }

  /** Whether every section is complete. */
  public boolean complete() {
    return sections.values().stream().allMatch(SectionSummary::complete);
  }
}
