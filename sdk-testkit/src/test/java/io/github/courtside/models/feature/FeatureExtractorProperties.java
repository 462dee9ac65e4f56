package io.github.courtside.models.feature;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.github.courtside.models.history.PlayerGameHistory;
import io.github.courtside.testkit.Generator;
import io.github.courtside.testkit.QuickTheoriesGenerators;
import io.github.courtside.testkit.history.PlayerHistories;
import io.github.courtside.testkit.history.PointInTimeScenario;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Future invariance: a slate extracted from a source that returns everything — future and same-day
 * games poisoned in every field the extractor reads, late stat corrections, rows known only after
 * tip-off, rows outside the look-back window — together with post-tip lines and upstream values
 * (and upstream values for features computed from history) gives exactly the vectors extracted one
 * by one from the clean past. The slates mix game dates and players, so one date's read cannot feed
 * another's; the season calendar varies, so season averages depend on it. The inputs come from the
 * testkit ({@link PlayerHistories#scenarios()}, {@link
 * io.github.courtside.testkit.history.Poison}). The mutation check shows the property catches an
 * extractor whose opponent history reads unfiltered rows.
 */
class FeatureExtractorProperties {
  private static final Generator<PointInTimeScenario> SCENARIOS = PlayerHistories.scenarios();

  /**
   * Whether the extractor made by {@code extractor} is future-invariant on {@code scenario}: the
   * poisoned slate from the poisoned source equals the clean requests from their clean pasts.
   */
  static boolean futureInvariant(
      PointInTimeScenario scenario,
      Function<FeatureExtractorSetup.Builder, FeatureExtractor> build) {
    Function<PlayerGameHistory, FeatureExtractor> extractor =
        history ->
            build.apply(FeatureExtractor.builder(history).seasonCalendar(scenario.calendar()));
    List<FeatureVector> fromPoison =
        extractor.apply(scenario.poisonedHistory()).extractAll(scenario.poisonedSlate());
    for (int i = 0; i < scenario.slate().size(); i++) {
      FeatureRequest clean = scenario.slate().get(i);
      FeatureVector fromPast = extractor.apply(scenario.cleanHistory(clean)).extract(clean);
      if (!fromPoison.get(i).equals(fromPast)) {
        return false;
      }
    }
    return true;
  }

  static FeatureExtractor pointInTime(FeatureExtractorSetup.Builder builder) {
    return builder.build();
  }

  /** The mutant: opponent history read from the rows as the source returned them. */
  static FeatureExtractor unfilteredOpponentHistory(FeatureExtractorSetup.Builder builder) {
    return builder.opponentRows((pointInTime, asReturned) -> asReturned).build();
  }

  @Test
  void extractorNeverUsesAnythingUnknownAtTipoff() {
    qt().withExamples(300)
        .forAll(QuickTheoriesGenerators.gen(SCENARIOS))
        .check(scenario -> futureInvariant(scenario, FeatureExtractorProperties::pointInTime));
  }

  @Test
  void thePropertyCatchesAnExtractorReadingUnfilteredOpponentHistory() {
    int caught = 0;
    int seeds = 50;
    for (long seed = 0; seed < seeds; seed++) {
      PointInTimeScenario scenario = SCENARIOS.sample(seed);
      assertTrue(
          futureInvariant(scenario, FeatureExtractorProperties::pointInTime), "seed " + seed);
      if (!futureInvariant(scenario, FeatureExtractorProperties::unfilteredOpponentHistory)) {
        caught++;
      }
    }
    // A slate whose players have no played game in the 60 days before every target computes no
    // opponent history at all; every other slate must expose the mutant.
    assertTrue(caught >= seeds * 9 / 10, "the mutant failed the property on only " + caught);
  }
}
