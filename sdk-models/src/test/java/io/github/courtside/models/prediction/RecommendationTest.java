package io.github.courtside.models.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class RecommendationTest {

  @Test
  void edgesAtTheThresholdArePicks() {
    assertEquals(Recommendation.OVER, Recommendation.of(1.5, 1.5));
    assertEquals(Recommendation.UNDER, Recommendation.of(-1.5, 1.5));
    assertEquals(Recommendation.PASS, Recommendation.of(1.49, 1.5));
    assertEquals(Recommendation.PASS, Recommendation.of(Double.NaN, 1.5));
  }

  @Test
  void recommendationIsAntisymmetricInTheEdge() {
    qt().forAll(doubles().between(-60, 60), doubles().between(0.1, 10))
        .check(
            (edge, min) -> {
              Recommendation up = Recommendation.of(edge, min);
              Recommendation down = Recommendation.of(-edge, min);
              return switch (up) {
                case OVER -> down == Recommendation.UNDER;
                case UNDER -> down == Recommendation.OVER;
                case PASS -> down == Recommendation.PASS;
              };
            });
  }

  @Test
  void minimumEdgeMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> Recommendation.of(3, 0));
    assertThrows(IllegalArgumentException.class, () -> Recommendation.of(3, Double.NaN));
  }
}
