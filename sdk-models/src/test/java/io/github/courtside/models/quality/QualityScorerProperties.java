package io.github.courtside.models.quality;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureVector;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityScorerProperties {
  private static final FeatureSource[] SOURCES = FeatureSource.values();

  @Test
  void scoreLiesWithinItsTierAndTheCapsHold() {
    QualityScorer scorer = new QualityScorer();
    qt().forAll(lists().of(integers().between(0, SOURCES.length - 1)).ofSize(60))
        .check(
            (List<Integer> picks) -> {
              FeatureVector vector =
                  QualityScorerTest.vector(FeatureSchema.V2_60, i -> SOURCES[picks.get(i)]);
              QualityReport report = scorer.score(vector);
              double score = report.score();
              boolean inTier =
                  score >= report.tier().floor()
                      && (report.tier() == QualityTier.GOLD
                          || score < QualityTier.values()[report.tier().ordinal() - 1].floor());
              boolean capped =
                  report.requiredDefaultCount() == 0
                      || (score <= 69.0 && !report.isQualityReady())
                          && (report.requiredDefaultCount() < 5 || score <= 49.0);
              return score >= 0 && score <= 100 && inTier && capped;
            });
  }
}
