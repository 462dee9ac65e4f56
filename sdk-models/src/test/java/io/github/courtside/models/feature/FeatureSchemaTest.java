package io.github.courtside.models.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeatureSchemaTest {
  private static final String SPEC_ORDER =
      "points_avg_last_5, points_avg_last_10, points_avg_season, points_std_last_10,"
          + " games_in_last_7_days, fatigue_score, shot_zone_mismatch_score, pace_score,"
          + " usage_spike_score, rest_advantage, injury_risk, recent_trend, minutes_change,"
          + " opponent_def_rating, opponent_pace, home_away, back_to_back, playoff_game, pct_paint,"
          + " pct_mid_range, pct_three, pct_free_throw, team_pace, team_off_rating, team_win_pct,"
          + " vegas_points_line, vegas_opening_line, vegas_line_move, has_vegas_line,"
          + " avg_points_vs_opponent, games_vs_opponent, minutes_avg_last_10, ppm_avg_last_10,"
          + " dnp_rate, pts_slope_10g, pts_vs_season_zscore, breakout_flag, star_teammates_out,"
          + " game_total_line, days_rest, minutes_load_last_7d, spread_magnitude,"
          + " implied_team_total, points_avg_last_3, scoring_trend_slope, deviation_from_avg_last3,"
          + " consecutive_games_below_avg, teammate_usage_available, usage_rate_last_5,"
          + " games_since_structural_change, multi_book_line_std, prop_over_streak,"
          + " prop_under_streak, line_vs_season_avg, prop_line_delta, over_rate_last_10,"
          + " margin_vs_line_avg_last_5, blowout_minutes_risk, minutes_volatility_last_10,"
          + " opponent_pace_mismatch";

  @Test
  void newestSchemaHasTheSixtyStoreFeaturesInOrder() {
    assertEquals(Arrays.asList(SPEC_ORDER.split(", ")), FeatureSchema.V2_60.names());
    assertEquals(60, FeatureSchema.V2_60.size());
    assertEquals("v2_60features", FeatureSchema.V2_60.id());
  }

  @Test
  void v9IsTheThirtyThreeFeaturePrefix() {
    assertEquals(33, FeatureSchema.V9_33.size());
    assertEquals(FeatureSchema.V2_60.names().subList(0, 33), FeatureSchema.V9_33.names());
    assertEquals("ppm_avg_last_10", FeatureSchema.V9_33.feature(32).name());
    assertEquals(25, FeatureSchema.V9_33.indexOf("vegas_points_line"));
  }

  @Test
  void optionalFeaturesAreTheLinesAndThirtySevenOnwards() {
    List<Integer> optional =
        IntStream.range(0, 60)
            .filter(i -> FeatureSchema.V2_60.feature(i).optional())
            .boxed()
            .toList();
    List<Integer> expected =
        IntStream.range(0, 60).filter(i -> (i >= 25 && i <= 27) || i >= 37).boxed().toList();
    assertEquals(expected, optional);
    assertFalse(FeatureSchema.V2_60.feature("has_vegas_line").orElseThrow().optional());
  }

  @Test
  void categoriesMatchTheQualityGrouping() {
    Map<FeatureCategory, Integer> counts = new EnumMap<>(FeatureCategory.class);
    FeatureSchema.V2_60.features().forEach(f -> counts.merge(f.category(), 1, Integer::sum));
    assertEquals(6, counts.get(FeatureCategory.MATCHUP));
    assertEquals(24, counts.get(FeatureCategory.PLAYER_HISTORY));
    assertEquals(4, counts.get(FeatureCategory.TEAM_CONTEXT));
    assertEquals(4, counts.get(FeatureCategory.VEGAS));
    assertEquals(22, counts.get(FeatureCategory.GAME_CONTEXT));
  }

  @Test
  void storeDefaultsAreKept() {
    assertEquals(
        28.0, FeatureSchema.V2_60.feature("minutes_avg_last_10").orElseThrow().defaultValue());
    assertEquals(50.0, FeatureSchema.V2_60.feature("fatigue_score").orElseThrow().defaultValue());
    assertTrue(FeatureSchema.V2_60.feature("pct_paint").orElseThrow().defaultIfAny().isEmpty());
    assertTrue(FeatureSchema.V2_60.feature("fatigue_score").orElseThrow().criticalRange());
  }

  @Test
  void unknownNamesAndDuplicatesAreRefused() {
    UnknownFeatureException e =
        assertThrows(UnknownFeatureException.class, () -> FeatureSchema.V9_33.indexOf("dnp_rate"));
    assertEquals("dnp_rate", e.feature());
    assertEquals("v2_33features", e.schemaId());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            FeatureSchema.builder("dup")
                .add("x", FeatureCategory.VEGAS)
                .add("x", FeatureCategory.VEGAS)
                .build());
    assertEquals(
        List.of("dnp_rate", "nope"),
        FeatureSchema.V9_33.missingOf(List.of("points_avg_last_5", "dnp_rate", "nope")));
  }
}
