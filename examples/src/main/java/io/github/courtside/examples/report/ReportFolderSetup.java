package io.github.courtside.examples.report;

import io.github.courtside.core.ComponentStyle;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What a {@link ReportFolder} shows: its title, the graded rows, the step timings and the summary
 * facts. Immutable; the builder is generated ({@link ComponentStyle}) and {@link Builder#build()}
 * makes the report.
 *
 * <pre>{@code
 * ReportFolder report = ReportFolder.builder("Courtside demo, seed 42", rows)
 *     .timings(timings)
 *     .putFacts("gamebooks parsed", "1230")
 *     .build();
 * }</pre>
 */
@ComponentStyle
@Value.Immutable
public abstract class ReportFolderSetup {
  ReportFolderSetup() {}

  /** A builder; {@link Builder#title} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The page title. */
  public abstract String title();

  /** The graded rows charted and summed up. */
  public abstract List<GradedRow> rows();

  /** The consolidation step timings to chart (default none). */
  public abstract List<StepTiming> timings();

  /** Lines of the summary table, before the graded numbers, in the order they were put. */
  public abstract Map<String, String> facts();

  /**
   * Builds a {@link ReportFolderSetup} ({@link #buildSetup()}) or directly the {@link ReportFolder}
   * ({@link #build()}).
   */
  public static final class Builder extends ImmutableReportFolderSetup.Builder {
    Builder() {}

    /** The report. */
    public ReportFolder build() {
      return ReportFolder.create(buildSetup());
    }
  }
}
