package io.github.courtside.core.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Tracks errors and soft issues per named section of one multi-part parse or job.
 *
 * <p>An <em>error</em> means something that was there could not be handled (an exception was
 * caught, an element had to be dropped); a <em>soft issue</em> means an expected element was not
 * found or was kept in a degraded form. Both are counted and the first few of each kind are kept as
 * samples with their context. A section becomes <em>incomplete</em> once its errors reach its
 * threshold (default 5, i.e. on the 5th error, as in the old platform, spec §A.16); an incomplete
 * section is a flag only, the caller keeps going. Unlike the old tracker, soft issues are tracked
 * too (they never make a section incomplete), and declared sections appear in the summary even when
 * nothing went wrong, so a result can say which sections are complete.
 *
 * <p>Thread-safe: any thread may record; {@link #summary()} is a consistent snapshot.
 *
 * <pre>{@code
 * SectionErrorTracker tracker = SectionErrorTracker.create(
 *     "gamebook 20240410/MEMCLE", List.of("game_metadata", "stat_line_parsing"), config);
 * try {
 *   parseStats(line);
 * } catch (RuntimeException e) {
 *   tracker.recordError("stat_line_parsing", e, ProblemContext.line(12, line));
 * }
 * tracker.recordIssue("game_metadata", "attendance_missing", "no Attendance line", ProblemContext.none());
 * TrackingSummary summary = tracker.logSummary();   // one structured log line
 * }</pre>
 */
public final class SectionErrorTracker {
  private static final Logger log = LoggerFactory.getLogger(SectionErrorTracker.class);

  private final String subject;
  private final SectionErrorTrackerConfig config;
  private final SectionMetrics metrics;
  private final Object lock = new Object();
  private final Map<String, SectionState> sections = new LinkedHashMap<>();

  private SectionErrorTracker(
      String subject, List<String> declaredSections, SectionErrorTrackerConfig config) {
    this.subject = Objects.requireNonNull(subject, "subject");
    this.config = Objects.requireNonNull(config, "config");
    this.metrics = SectionMetrics.of(config);
    for (String section : declaredSections) {
      sections.computeIfAbsent(requireSection(section), this::newState);
    }
  }

  /**
   * A tracker for one subject (for example {@code "gamebook 20240410/MEMCLE"}) whose summary lists
   * the declared sections in this order, whether or not anything goes wrong in them. Sections first
   * used later are appended.
   */
  public static SectionErrorTracker create(
      String subject, List<String> declaredSections, SectionErrorTrackerConfig config) {
    return new SectionErrorTracker(subject, declaredSections, config);
  }

  /** A tracker with the default configuration and no declared section. */
  public static SectionErrorTracker create(String subject) {
    return new SectionErrorTracker(subject, List.of(), SectionErrorTrackerConfig.defaults());
  }

  /** What is tracked. */
  public String subject() {
    return subject;
  }

  /** The configuration. */
  public SectionErrorTrackerConfig config() {
    return config;
  }

  /** Records a caught exception as an error; its type is the exception's simple class name. */
  public void recordError(String section, Throwable error, ProblemContext context) {
    Objects.requireNonNull(error, "error");
    String message = error.getMessage();
    record(
        section,
        ProblemKind.ERROR,
        error.getClass().getSimpleName(),
        message == null ? error.getClass().getName() : message,
        context);
  }

  /** Records an error that is not an exception, for example a row that had to be dropped. */
  public void recordError(String section, String type, String message, ProblemContext context) {
    record(section, ProblemKind.ERROR, type, message, context);
  }

  /** Records a soft issue: an expected element not found, or kept in a degraded form. */
  public void recordIssue(String section, String type, String message, ProblemContext context) {
    record(section, ProblemKind.ISSUE, type, message, context);
  }

  private void record(
      String section, ProblemKind kind, String type, String message, ProblemContext context) {
    SectionProblem problem =
        new SectionProblem(
            requireSection(section), kind, type, message, context, config.clock().instant());
    boolean becameIncomplete;
    int errors;
    synchronized (lock) {
      SectionState state = sections.computeIfAbsent(section, this::newState);
      becameIncomplete = state.add(problem, config.maxSamples());
      errors = state.errors;
    }
    metrics.recorded(section, kind);
    if (becameIncomplete) {
      metrics.becameIncomplete(section);
      log.debug(
          "Section '{}' of {} marked INCOMPLETE: {} errors reached the threshold of {}",
          section,
          subject,
          errors,
          config.thresholdFor(section));
    }
  }

  /** Errors recorded in a section (0 for an unknown section). */
  public int errorCount(String section) {
    synchronized (lock) {
      SectionState state = sections.get(section);
      return state == null ? 0 : state.errors;
    }
  }

  /** Soft issues recorded in a section (0 for an unknown section). */
  public int issueCount(String section) {
    synchronized (lock) {
      SectionState state = sections.get(section);
      return state == null ? 0 : state.issues;
    }
  }

  /** Whether a section's errors are still below its threshold (true for an unknown section). */
  public boolean isComplete(String section) {
    synchronized (lock) {
      SectionState state = sections.get(section);
      return state == null || state.errors < state.threshold;
    }
  }

  /** Whether every section is complete. */
  public boolean isComplete() {
    synchronized (lock) {
      return sections.values().stream().allMatch(s -> s.errors < s.threshold);
    }
  }

  /** A consistent, immutable snapshot. */
  public TrackingSummary summary() {
    Map<String, SectionSummary> snapshot = new LinkedHashMap<>();
    synchronized (lock) {
      sections.forEach((name, state) -> snapshot.put(name, state.summary(name)));
    }
    return new TrackingSummary(subject, snapshot);
  }

  /**
   * Writes one structured log line with the totals and the per-section counts (INFO when every
   * section is complete, WARN otherwise) and returns the summary it logged.
   */
  public TrackingSummary logSummary() {
    TrackingSummary summary = summary();
    Level level = summary.complete() ? Level.INFO : Level.WARN;
    StringBuilder perSection = new StringBuilder();
    for (SectionSummary section : summary.sections().values()) {
      if (section.errorCount() > 0 || section.issueCount() > 0 || !section.complete()) {
        perSection.append(perSection.length() == 0 ? "" : ", ");
        perSection
            .append(section.section())
            .append("=errors:")
            .append(section.errorCount())
            .append("/issues:")
            .append(section.issueCount())
            .append(section.complete() ? "" : "/INCOMPLETE");
      }
    }
    log.atLevel(level)
        .addKeyValue("tracker", config.name())
        .addKeyValue("subject", subject)
        .addKeyValue("complete", summary.complete())
        .addKeyValue("total_errors", summary.totalErrors())
        .addKeyValue("total_issues", summary.totalIssues())
        .addKeyValue("incomplete_sections", summary.incompleteSections())
        .addKeyValue("sections", perSection.length() == 0 ? "none" : perSection.toString())
        .log("section tracking summary");
    return summary;
  }

  private SectionState newState(String section) {
    return new SectionState(config.thresholdFor(section));
  }

  private static String requireSection(String section) {
    Objects.requireNonNull(section, "section");
    if (section.isBlank()) {
      throw new IllegalArgumentException("section must not be blank");
    }
    return section;
  }

  /** Mutable per-section state, guarded by the tracker's lock. */
  private static final class SectionState {
    final int threshold;
    int errors;
    int issues;
    final List<SectionProblem> errorSamples = new ArrayList<>();
    final List<SectionProblem> issueSamples = new ArrayList<>();

    SectionState(int threshold) {
      this.threshold = threshold;
    }

    /** Adds a problem; true when this error made the section incomplete. */
    boolean add(SectionProblem problem, int maxSamples) {
      if (problem.kind() == ProblemKind.ERROR) {
        errors++;
        if (errorSamples.size() < maxSamples) {
          errorSamples.add(problem);
        }
        return errors == threshold;
      }
      issues++;
      if (issueSamples.size() < maxSamples) {
        issueSamples.add(problem);
      }
      return false;
    }

    SectionSummary summary(String name) {
      return new SectionSummary(
          name, errors, issues, threshold, errors < threshold, errorSamples, issueSamples);
    }
  }
}
