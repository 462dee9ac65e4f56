package io.github.courtside.models.feature;

import static io.github.courtside.models.feature.FeatureCategory.GAME_CONTEXT;
import static io.github.courtside.models.feature.FeatureCategory.MATCHUP;
import static io.github.courtside.models.feature.FeatureCategory.PLAYER_HISTORY;
import static io.github.courtside.models.feature.FeatureCategory.TEAM_CONTEXT;
import static io.github.courtside.models.feature.FeatureCategory.VEGAS;
import static io.github.courtside.models.feature.FeatureType.BUCKET;
import static io.github.courtside.models.feature.FeatureType.COUNT;
import static io.github.courtside.models.feature.FeatureType.FLAG;
import static io.github.courtside.models.feature.FeatureType.NUMBER;

import io.github.courtside.core.ValueStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A named, ordered list of feature definitions: the contract between a feature store and a model.
 *
 * <p>One id per vector definition, the count derived from the name list (spec-ml §1.1 recommends
 * this after three disagreeing labels in production). Two schemas ship as constants: {@link
 * #V9_33}, the 33 features the CatBoost V8/V9 models were trained on, and {@link #V2_60}, the
 * newest 60-feature store vector (spec-ml §1.2, indices 0-59). New features are only ever appended,
 * so {@code V9_33} is a prefix of {@code V2_60}.
 *
 * <p>Defaults are the feature-store defaults of §1.2 (not the divergent predictor-side "contract
 * defaults" — that QUIRK is fixed by having one default per feature). Optional features are indices
 * 25-27 and 37-59 (§1.6; spec-ml §6 #29 made 54-59 optional).
 *
 * <pre>{@code
 * FeatureSchema schema = FeatureSchema.V9_33;
 * int index = schema.indexOf("vegas_points_line");   // 25
 * FeatureSchema custom = FeatureSchema.builder("my_v1")
 *     .addFeatures(FeatureDefinition.of("points_avg_last_5", FeatureType.NUMBER,
 *         FeatureCategory.PLAYER_HISTORY).withDefault(10.0))
 *     .build();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class FeatureSchema {

  /** The newest production vector: 60 features (spec-ml §1.2, indices 0-59). */
  public static final FeatureSchema V2_60 = buildV60();

  /** The CatBoost V8/V9 contract: the first 33 features of {@link #V2_60}. */
  public static final FeatureSchema V9_33 = V2_60.prefix("v2_33features", 33);

  FeatureSchema() {}

  /** A builder for a schema with this id. */
  public static Builder builder(String id) {
    return new Builder().id(id);
  }

  /** The schema id, e.g. {@code v2_33features}. */
  public abstract String id();

  /** The feature definitions in order. */
  public abstract List<FeatureDefinition> features();

  /** The feature names in order. */
  @Value.Derived
  @Value.Auxiliary
  public List<String> names() {
    List<String> list = new ArrayList<>(features().size());
    for (FeatureDefinition feature : features()) {
      list.add(feature.name());
    }
    return List.copyOf(list);
  }

  /** The position of each name (the first, when a name repeats: {@link #check()} refuses that). */
  @Value.Derived
  @Value.Auxiliary
  Map<String, Integer> indexByName() {
    Map<String, Integer> index = new HashMap<>();
    for (FeatureDefinition feature : features()) {
      index.putIfAbsent(feature.name(), index.size());
    }
    return Map.copyOf(index);
  }

  @Value.Check
  void check() {
    if (id().isBlank()) {
      throw new IllegalArgumentException("schema id must not be blank");
    }
    if (features().isEmpty()) {
      throw new IllegalArgumentException("schema " + id() + " has no features");
    }
    Set<String> seen = new HashSet<>();
    for (FeatureDefinition feature : features()) {
      if (!seen.add(feature.name())) {
        throw new IllegalArgumentException(
            "schema " + id() + " lists feature " + feature.name() + " twice");
      }
    }
  }

  /** The number of features. */
  public int size() {
    return features().size();
  }

  /** The definition at a position. */
  public FeatureDefinition feature(int index) {
    return features().get(index);
  }

  /** The definition of a feature, if the schema has it. */
  public Optional<FeatureDefinition> feature(String name) {
    Integer index = indexByName().get(name);
    return index == null ? Optional.empty() : Optional.of(features().get(index));
  }

  /** Whether the schema has a feature of this name. */
  public boolean contains(String name) {
    return indexByName().containsKey(name);
  }

  /**
   * The position of a feature.
   *
   * @throws UnknownFeatureException when the schema has no such feature
   */
  public int indexOf(String name) {
    Integer index = indexByName().get(name);
    if (index == null) {
      throw new UnknownFeatureException(id(), name);
    }
    return index;
  }

  /** The names among {@code required} that this schema lacks, in the order given. */
  public List<String> missingOf(Collection<String> required) {
    Set<String> missing = new LinkedHashSet<>();
    for (String name : required) {
      if (!contains(name)) {
        missing.add(name);
      }
    }
    return List.copyOf(missing);
  }

  /** A schema made of the first {@code count} features of this one. */
  public FeatureSchema prefix(String newId, int count) {
    return builder(newId).addAllFeatures(features().subList(0, count)).build();
  }

  @Override
  public String toString() {
    return "FeatureSchema[" + id() + ", " + size() + " features]";
  }

  /** Builds a {@link FeatureSchema}: {@code addFeatures(...)} appends features in order. */
  public static final class Builder extends ImmutableFeatureSchema.Builder {
    Builder() {}

    /** Appends a required number feature without default in the given category. */
    public Builder add(String name, FeatureCategory category) {
      return addFeatures(FeatureDefinition.of(name, NUMBER, category));
    }
  }

  private static FeatureDefinition f(
      String name, FeatureType type, FeatureCategory category, double dflt, double lo, double hi) {
    return FeatureDefinition.of(name, type, category).withDefault(dflt).withRange(lo, hi, false);
  }

  private static FeatureDefinition opt(
      String name, FeatureType type, FeatureCategory category, double lo, double hi) {
    return FeatureDefinition.of(name, type, category).withRange(lo, hi, false).asOptional();
  }

  private static final double NONE = Double.NaN;

  private static FeatureSchema buildV60() {
    return builder("v2_60features")
        .addFeatures(f("points_avg_last_5", NUMBER, PLAYER_HISTORY, 10.0, 0, 70))
        .addFeatures(f("points_avg_last_10", NUMBER, PLAYER_HISTORY, 10.0, 0, 70))
        .addFeatures(f("points_avg_season", NUMBER, PLAYER_HISTORY, 10.0, 0, 70))
        .addFeatures(f("points_std_last_10", NUMBER, PLAYER_HISTORY, 5.0, 0, 30))
        .addFeatures(f("games_in_last_7_days", COUNT, PLAYER_HISTORY, 3.0, 0, 4))
        .addFeatures(f("fatigue_score", NUMBER, MATCHUP, 50.0, 0, 100).withRange(0, 100, true))
        .addFeatures(f("shot_zone_mismatch_score", NUMBER, MATCHUP, 0.0, -15, 15))
        .addFeatures(f("pace_score", NUMBER, MATCHUP, 0.0, -8, 8))
        .addFeatures(f("usage_spike_score", NUMBER, MATCHUP, 0.0, -8, 8))
        .addFeatures(f("rest_advantage", BUCKET, GAME_CONTEXT, 0.0, -3, 3))
        .addFeatures(f("injury_risk", BUCKET, GAME_CONTEXT, 0.0, 0, 3))
        .addFeatures(f("recent_trend", BUCKET, GAME_CONTEXT, 0.0, -2, 2))
        .addFeatures(f("minutes_change", BUCKET, GAME_CONTEXT, 0.0, -2, 2))
        .addFeatures(f("opponent_def_rating", NUMBER, MATCHUP, 112.0, 90, 130))
        .addFeatures(f("opponent_pace", NUMBER, MATCHUP, 100.0, 90, 115))
        .addFeatures(f("home_away", FLAG, GAME_CONTEXT, 0.0, 0, 1))
        .addFeatures(f("back_to_back", FLAG, GAME_CONTEXT, 0.0, 0, 1))
        .addFeatures(f("playoff_game", FLAG, GAME_CONTEXT, 0.0, 0, 1))
        .addFeatures(f("pct_paint", NUMBER, GAME_CONTEXT, NONE, 0, 1))
        .addFeatures(f("pct_mid_range", NUMBER, GAME_CONTEXT, NONE, 0, 1))
        .addFeatures(f("pct_three", NUMBER, GAME_CONTEXT, NONE, 0, 1))
        .addFeatures(f("pct_free_throw", NUMBER, GAME_CONTEXT, 0.15, 0, 0.5))
        .addFeatures(f("team_pace", NUMBER, TEAM_CONTEXT, 100.0, 90, 115))
        .addFeatures(f("team_off_rating", NUMBER, TEAM_CONTEXT, 112.0, 90, 130))
        .addFeatures(f("team_win_pct", NUMBER, TEAM_CONTEXT, 0.5, 0, 1))
        .addFeatures(opt("vegas_points_line", NUMBER, VEGAS, 0, 80))
        .addFeatures(opt("vegas_opening_line", NUMBER, VEGAS, 0, 80))
        .addFeatures(opt("vegas_line_move", NUMBER, VEGAS, -15, 15))
        .addFeatures(f("has_vegas_line", FLAG, VEGAS, 0.0, 0, 1))
        .addFeatures(f("avg_points_vs_opponent", NUMBER, PLAYER_HISTORY, NONE, 0, 70))
        .addFeatures(f("games_vs_opponent", COUNT, PLAYER_HISTORY, 0.0, 0, 100))
        .addFeatures(f("minutes_avg_last_10", NUMBER, PLAYER_HISTORY, 28.0, 0, 48))
        .addFeatures(f("ppm_avg_last_10", NUMBER, PLAYER_HISTORY, 0.4, 0, 1.5))
        .addFeatures(f("dnp_rate", NUMBER, PLAYER_HISTORY, 0.0, 0, 1))
        .addFeatures(f("pts_slope_10g", NUMBER, PLAYER_HISTORY, 0.0, -5, 5))
        .addFeatures(f("pts_vs_season_zscore", NUMBER, PLAYER_HISTORY, 0.0, -4, 4))
        .addFeatures(f("breakout_flag", FLAG, PLAYER_HISTORY, 0.0, 0, 1))
        .addFeatures(f("star_teammates_out", COUNT, PLAYER_HISTORY, 0.0, 0, 5).asOptional())
        .addFeatures(opt("game_total_line", NUMBER, GAME_CONTEXT, 180, 280))
        .addFeatures(opt("days_rest", COUNT, GAME_CONTEXT, 0, 10))
        .addFeatures(opt("minutes_load_last_7d", NUMBER, GAME_CONTEXT, 0, 250))
        .addFeatures(opt("spread_magnitude", NUMBER, GAME_CONTEXT, 0, 25))
        .addFeatures(opt("implied_team_total", NUMBER, GAME_CONTEXT, 90, 140))
        .addFeatures(opt("points_avg_last_3", NUMBER, PLAYER_HISTORY, 0, 70))
        .addFeatures(opt("scoring_trend_slope", NUMBER, PLAYER_HISTORY, -5, 5))
        .addFeatures(opt("deviation_from_avg_last3", NUMBER, PLAYER_HISTORY, -4, 4))
        .addFeatures(opt("consecutive_games_below_avg", COUNT, PLAYER_HISTORY, 0, 20))
        .addFeatures(opt("teammate_usage_available", NUMBER, GAME_CONTEXT, 0, 100))
        .addFeatures(opt("usage_rate_last_5", NUMBER, PLAYER_HISTORY, 0, 40))
        .addFeatures(opt("games_since_structural_change", COUNT, PLAYER_HISTORY, 0, 60))
        .addFeatures(opt("multi_book_line_std", NUMBER, GAME_CONTEXT, 0, 5))
        .addFeatures(opt("prop_over_streak", COUNT, GAME_CONTEXT, 0, 20))
        .addFeatures(opt("prop_under_streak", COUNT, GAME_CONTEXT, 0, 20))
        .addFeatures(opt("line_vs_season_avg", NUMBER, GAME_CONTEXT, -30, 30))
        .addFeatures(opt("prop_line_delta", NUMBER, PLAYER_HISTORY, -20, 20))
        .addFeatures(opt("over_rate_last_10", NUMBER, PLAYER_HISTORY, 0, 1))
        .addFeatures(opt("margin_vs_line_avg_last_5", NUMBER, PLAYER_HISTORY, -25, 25))
        .addFeatures(opt("blowout_minutes_risk", NUMBER, TEAM_CONTEXT, 0, 1))
        .addFeatures(opt("minutes_volatility_last_10", NUMBER, PLAYER_HISTORY, 0, 20))
        .addFeatures(opt("opponent_pace_mismatch", NUMBER, GAME_CONTEXT, -20, 20))
        .build();
  }
}
