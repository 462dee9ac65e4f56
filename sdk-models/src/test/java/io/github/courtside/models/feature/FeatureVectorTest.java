package io.github.courtside.models.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureVectorTest {

  @Test
  void unsetFeaturesTakeTheirDefaultOrAreMissing() {
    FeatureVector vector =
        FeatureVector.builder(FeatureSchema.V9_33)
            .set("points_avg_last_5", 24.2, FeatureSource.CALCULATED)
            .build();
    assertEquals(24.2, vector.value("points_avg_last_5").orElseThrow());
    assertEquals(FeatureSource.CALCULATED, vector.source("points_avg_last_5"));
    assertFalse(vector.isDefaulted("points_avg_last_5"));
    assertEquals(10.0, vector.value("points_avg_last_10").orElseThrow());
    assertEquals(FeatureSource.DEFAULT, vector.source("points_avg_last_10"));
    assertTrue(vector.value("pct_paint").isEmpty());
    assertEquals(FeatureSource.MISSING, vector.source("pct_paint"));
    assertEquals(32, vector.defaultedFeatures().size());
  }

  @Test
  void I19_nanIsTreatedExactlyLikeNull() {
    Map<String, Double> withNan = new HashMap<>();
    withNan.put("avg_points_vs_opponent", Double.NaN);
    withNan.put("points_avg_season", 21.0);
    Map<String, Double> withNull = new HashMap<>();
    withNull.put("avg_points_vs_opponent", null);
    withNull.put("points_avg_season", 21.0);
    FeatureVector a = FeatureVector.of(FeatureSchema.V9_33, withNan, FeatureSource.PHASE3);
    FeatureVector b = FeatureVector.of(FeatureSchema.V9_33, withNull, FeatureSource.PHASE3);
    FeatureVector c =
        FeatureVector.of(
            FeatureSchema.V9_33, Map.of("points_avg_season", 21.0), FeatureSource.PHASE3);
    assertEquals(a, b);
    assertEquals(b, c);
    assertEquals(FeatureSource.MISSING, a.source("avg_points_vs_opponent"));
  }

  @Test
  void I14_fatigueOutsideItsCriticalRangeIsRefused() {
    FeatureVector.Builder builder = FeatureVector.builder(FeatureSchema.V9_33);
    FeatureRangeException e =
        assertThrows(
            FeatureRangeException.class,
            () -> builder.set("fatigue_score", -4.5, FeatureSource.PHASE4));
    assertEquals("fatigue_score", e.feature());
    assertEquals(-4.5, e.value());
    // Advisory ranges do not refuse: 45 points in five games is plausible, 75 is only a warning.
    builder.set("points_avg_last_5", 75, FeatureSource.CALCULATED);
    builder.set("fatigue_score", 0.0, FeatureSource.PHASE4);
    assertEquals(0.0, builder.build().valueOrNaN("fatigue_score"));
  }

  @Test
  void namesOutsideTheSchemaAndInfiniteValuesAreRefused() {
    FeatureVector.Builder builder = FeatureVector.builder(FeatureSchema.V9_33);
    assertThrows(
        UnknownFeatureException.class, () -> builder.set("dnp_rate", 0.1, FeatureSource.PHASE4));
    assertThrows(
        IllegalArgumentException.class,
        () -> builder.set("pace_score", Double.POSITIVE_INFINITY, FeatureSource.PHASE4));
    assertThrows(
        IllegalArgumentException.class,
        () -> builder.set("pace_score", 1.0, FeatureSource.MISSING));
    assertThrows(
        UnknownFeatureException.class,
        () -> FeatureVector.builder(FeatureSchema.V9_33).build().value("dnp_rate"));
  }

  @Test
  void toBuilderKeepsValuesAndSources() {
    FeatureVector vector =
        FeatureVector.builder(FeatureSchema.V9_33)
            .set("vegas_points_line", 23.5, FeatureSource.VEGAS)
            .build();
    FeatureVector copy = vector.toBuilder().clear("vegas_points_line").build();
    assertEquals(FeatureSource.VEGAS, vector.source("vegas_points_line"));
    assertEquals(FeatureSource.MISSING, copy.source("vegas_points_line"));
    assertEquals(vector, vector.toBuilder().build());
    assertEquals(23.5, vector.asMap().get("vegas_points_line"));
  }
}
