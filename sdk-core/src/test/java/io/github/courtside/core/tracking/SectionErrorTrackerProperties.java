package io.github.courtside.core.tracking;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Threshold behaviour for random sequences of errors and issues over three sections. */
class SectionErrorTrackerProperties {
  private static final List<String> SECTIONS = List.of("a", "b", "c");

  @Test
  void aSectionIsIncompleteExactlyWhenItsErrorsReachItsThreshold() {
    // Each event is an int: section = e % 3, error when (e / 3) % 2 == 0, else an issue.
    qt().withExamples(300)
        .forAll(
            integers().between(1, 6),
            integers().between(1, 6),
            lists().of(integers().between(0, 5)).ofSizeBetween(0, 60))
        .check(
            (defaultThreshold, thresholdOfB, events) -> {
              SectionErrorTrackerConfig config =
                  SectionErrorTrackerConfig.builder()
                      .defaultThreshold(defaultThreshold)
                      .threshold("b", thresholdOfB)
                      .maxSamples(3)
                      .build();
              SectionErrorTracker tracker = SectionErrorTracker.create("p", SECTIONS, config);
              int[] errors = new int[3];
              int[] issues = new int[3];
              for (int e : events) {
                int s = e % 3;
                if ((e / 3) % 2 == 0) {
                  tracker.recordError(SECTIONS.get(s), "t", "m", ProblemContext.none());
                  errors[s]++;
                } else {
                  tracker.recordIssue(SECTIONS.get(s), "t", "m", ProblemContext.none());
                  issues[s]++;
                }
              }
              TrackingSummary summary = tracker.summary();
              boolean allComplete = true;
              for (int s = 0; s < 3; s++) {
                String name = SECTIONS.get(s);
                int threshold = name.equals("b") ? thresholdOfB : defaultThreshold;
                boolean complete = errors[s] < threshold;
                allComplete &= complete;
                SectionSummary section = summary.section(name).orElseThrow();
                if (section.complete() != complete
                    || tracker.isComplete(name) != complete
                    || section.errorCount() != errors[s]
                    || section.issueCount() != issues[s]
                    || section.errorSamples().size() != Math.min(3, errors[s])
                    || section.issueSamples().size() != Math.min(3, issues[s])) {
                  return false;
                }
              }
              return summary.complete() == allComplete && tracker.isComplete() == allComplete;
            });
  }
}
