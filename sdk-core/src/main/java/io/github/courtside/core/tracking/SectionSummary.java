package io.github.courtside.core.tracking;

import java.util.List;
import java.util.Objects;

/**
 * The state of one section at the time of the summary: counts, the first few samples of each kind
 * and whether the section is complete.
 *
 * <pre>{@code
 * SectionSummary s = tracker.summary().section("dnp_extraction").orElseThrow();
 * boolean trustworthy = s.complete() && s.errorCount() == 0;
 * }</pre>
 *
 * @param section the section's name
 * @param errorCount all errors recorded, not only the sampled ones
 * @param issueCount all soft issues recorded
 * @param threshold the error count at which the section becomes incomplete
 * @param complete {@code errorCount < threshold}
 * @param errorSamples the first errors, at most the configured sample size, in order
 * @param issueSamples the first issues, at most the configured sample size, in order
 */
public record SectionSummary(
    String section,
    int errorCount,
    int issueCount,
    int threshold,
    boolean complete,
    List<SectionProblem> errorSamples,
    List<SectionProblem> issueSamples) {
  /** Copies the sample lists. */
  public SectionSummary {
    Objects.requireNonNull(section, "section");
    errorSamples = List.copyOf(errorSamples);
    issueSamples = List.copyOf(issueSamples);
  }
}
