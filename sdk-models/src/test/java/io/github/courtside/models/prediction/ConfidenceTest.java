package io.github.courtside.models.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConfidenceTest {

  @Test
  void I9_confidenceScalesAreNormalised() {
    assertEquals(0.66, Confidence.normalize(66));
    assertEquals(0.66, Confidence.normalize(0.66));
    assertEquals(1.0, Confidence.normalize(100));
    assertEquals(1.0, Confidence.normalize(1.0));
    assertThrows(IllegalArgumentException.class, () -> Confidence.normalize(-1));
    assertThrows(IllegalArgumentException.class, () -> Confidence.normalize(101));
  }

  @Test
  void catBoostConfidenceRange() {
    assertEquals(0.95, Confidence.of(92, 3), 1e-12);
    assertEquals(0.79, Confidence.of(50, 9), 1e-12);
    assertEquals(0.89, Confidence.of(80, 5), 1e-12);
  }
}
