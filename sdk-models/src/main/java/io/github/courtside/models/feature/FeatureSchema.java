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

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
 *     .add(FeatureDefinition.of("points_avg_last_5", FeatureType.NUMBER,
 *         FeatureCategory.PLAYER_HISTORY).withDefault(10.0))
 *     .build();
 * }</pre>
 */
public final class FeatureSchema {

  /** The newest production vector: 60 features (spec-ml §1.2, indices 0-59). */
  public static final FeatureSchema V2_60 = buildV60();

  /** The CatBoost V8/V9 contract: the first 33 features of {@link #V2_60}. */
  public static final FeatureSchema V9_33 = V2_60.prefix("v2_33features", 33);

  private final String id;
  private final List<FeatureDefinition> features;
  private final List<String> names;
  private final Map<String, Integer> indexByName;

  private FeatureSchema(String id, List<FeatureDefinition> features) {
    this.id = id;
    this.features = List.copyOf(features);
    List<String> list = new ArrayList<>(features.size());
    Map<String, Integer> index = new HashMap<>();
    for (FeatureDefinition feature : features) {
      if (index.putIfAbsent(feature.name(), list.size()) != null) {
        throw new IllegalArgumentException(
            "schema " + id + " lists feature " + feature.name() + " twice");
      }
      list.add(feature.name());
    }
    this.names = List.copyOf(list);
    this.indexByName = Map.copyOf(index);
  }

  /** A builder for a schema with this id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The schema id, e.g. {@code v2_33features}. */
  public String id() {
    return id;
  }

  /** The number of features. */
  public int size() {
    return features.size();
  }

  /** The feature definitions in order. */
  public List<FeatureDefinition> features() {
    return features;
  }

  /** The feature names in order. */
  public List<String> names() {
    return names;
  }

  /** The definition at a position. */
  public FeatureDefinition feature(int index) {
    return features.get(index);
  }

  /** The definition of a feature, if the schema has it. */
  public Optional<FeatureDefinition> feature(String name) {
    Integer index = indexByName.get(name);
    return index == null ? Optional.empty() : Optional.of(features.get(index));
  }

  /** Whether the schema has a feature of this name. */
  public boolean contains(String name) {
    return indexByName.containsKey(name);
  }

  /**
   * The position of a feature.
   *
   * @throws UnknownFeatureException when the schema has no such feature
   */
  public int indexOf(String name) {
    Integer index = indexByName.get(name);
    if (index == null) {
      throw new UnknownFeatureException(id, name);
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
    return new FeatureSchema(newId, features.subList(0, count));
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FeatureSchema that
        && id.equals(that.id)
        && features.equals(that.features);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, features);
  }

  @Override
  public String toString() {
    return "FeatureSchema[" + id + ", " + size() + " features]";
  }

  /** Builds a {@link FeatureSchema}. */
  public static final class Builder {
    private final String id;
    private final List<FeatureDefinition> features = new ArrayList<>();

    private Builder(String id) {
      if (id.isBlank()) {
        throw new IllegalArgumentException("schema id must not be blank");
      }
      this.id = id;
    }

    /** Appends a feature. */
    public Builder add(FeatureDefinition feature) {
      features.add(Objects.requireNonNull(feature, "feature"));
      return this;
    }

    /** Appends a required number feature without default in the given category. */
    public Builder add(String name, FeatureCategory category) {
      return add(FeatureDefinition.of(name, NUMBER, category));
    }

    /** The schema; fails when a name repeats or no feature was added. */
    public FeatureSchema build() {
      if (features.isEmpty()) {
        throw new IllegalArgumentException("schema " + id + " has no features");
      }
      return new FeatureSchema(id, features);
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
        .add(f("points_avg_last_5", NUMBER, PLAYER_HISTORY, 10.0, 0, 70))
        .add(f("points_avg_last_10", NUMBER, PLAYER_HISTORY, 10.0, 0, 70))
        .add(f("points_avg_season", NUMBER, PLAYER_HISTORY, 10.0, 0, 70))
        .add(f("points_std_last_10", NUMBER, PLAYER_HISTORY, 5.0, 0, 30))
        .add(f("games_in_last_7_days", COUNT, PLAYER_HISTORY, 3.0, 0, 4))
        .add(f("fatigue_score", NUMBER, MATCHUP, 50.0, 0, 100).withRange(0, 100, true))
        .add(f("shot_zone_mismatch_score", NUMBER, MATCHUP, 0.0, -15, 15))
        .add(f("pace_score", NUMBER, MATCHUP, 0.0, -8, 8))
        .add(f("usage_spike_score", NUMBER, MATCHUP, 0.0, -8, 8))
        .add(f("rest_advantage", BUCKET, GAME_CONTEXT, 0.0, -3, 3))
        .add(f("injury_risk", BUCKET, GAME_CONTEXT, 0.0, 0, 3))
        .add(f("recent_trend", BUCKET, GAME_CONTEXT, 0.0, -2, 2))
        .add(f("minutes_change", BUCKET, GAME_CONTEXT, 0.0, -2, 2))
        .add(f("opponent_def_rating", NUMBER, MATCHUP, 112.0, 90, 130))
        .add(f("opponent_pace", NUMBER, MATCHUP, 100.0, 90, 115))
        .add(f("home_away", FLAG, GAME_CONTEXT, 0.0, 0, 1))
        .add(f("back_to_back", FLAG, GAME_CONTEXT, 0.0, 0, 1))
        .add(f("playoff_game", FLAG, GAME_CONTEXT, 0.0, 0, 1))
        .add(f("pct_paint", NUMBER, GAME_CONTEXT, NONE, 0, 1))
        .add(f("pct_mid_range", NUMBER, GAME_CONTEXT, NONE, 0, 1))
        .add(f("pct_three", NUMBER, GAME_CONTEXT, NONE, 0, 1))
        .add(f("pct_free_throw", NUMBER, GAME_CONTEXT, 0.15, 0, 0.5))
        .add(f("team_pace", NUMBER, TEAM_CONTEXT, 100.0, 90, 115))
        .add(f("team_off_rating", NUMBER, TEAM_CONTEXT, 112.0, 90, 130))
        .add(f("team_win_pct", NUMBER, TEAM_CONTEXT, 0.5, 0, 1))
        .add(opt("vegas_points_line", NUMBER, VEGAS, 0, 80))
        .add(opt("vegas_opening_line", NUMBER, VEGAS, 0, 80))
        .add(opt("vegas_line_move", NUMBER, VEGAS, -15, 15))
        .add(f("has_vegas_line", FLAG, VEGAS, 0.0, 0, 1))
        .add(f("avg_points_vs_opponent", NUMBER, PLAYER_HISTORY, NONE, 0, 70))
        .add(f("games_vs_opponent", COUNT, PLAYER_HISTORY, 0.0, 0, 100))
        .add(f("minutes_avg_last_10", NUMBER, PLAYER_HISTORY, 28.0, 0, 48))
        .add(f("ppm_avg_last_10", NUMBER, PLAYER_HISTORY, 0.4, 0, 1.5))
        .add(f("dnp_rate", NUMBER, PLAYER_HISTORY, 0.0, 0, 1))
        .add(f("pts_slope_10g", NUMBER, PLAYER_HISTORY, 0.0, -5, 5))
        .add(f("pts_vs_season_zscore", NUMBER, PLAYER_HISTORY, 0.0, -4, 4))
        .add(f("breakout_flag", FLAG, PLAYER_HISTORY, 0.0, 0, 1))
        .add(f("star_teammates_out", COUNT, PLAYER_HISTORY, 0.0, 0, 5).asOptional())
        .add(opt("game_total_line", NUMBER, GAME_CONTEXT, 180, 280))
        .add(opt("days_rest", COUNT, GAME_CONTEXT, 0, 10))
        .add(opt("minutes_load_last_7d", NUMBER, GAME_CONTEXT, 0, 250))
        .add(opt("spread_magnitude", NUMBER, GAME_CONTEXT, 0, 25))
        .add(opt("implied_team_total", NUMBER, GAME_CONTEXT, 90, 140))
        .add(opt("points_avg_last_3", NUMBER, PLAYER_HISTORY, 0, 70))
        .add(opt("scoring_trend_slope", NUMBER, PLAYER_HISTORY, -5, 5))
        .add(opt("deviation_from_avg_last3", NUMBER, PLAYER_HISTORY, -4, 4))
        .add(opt("consecutive_games_below_avg", COUNT, PLAYER_HISTORY, 0, 20))
        .add(opt("teammate_usage_available", NUMBER, GAME_CONTEXT, 0, 100))
        .add(opt("usage_rate_last_5", NUMBER, PLAYER_HISTORY, 0, 40))
        .add(opt("games_since_structural_change", COUNT, PLAYER_HISTORY, 0, 60))
        .add(opt("multi_book_line_std", NUMBER, GAME_CONTEXT, 0, 5))
        .add(opt("prop_over_streak", COUNT, GAME_CONTEXT, 0, 20))
        .add(opt("prop_under_streak", COUNT, GAME_CONTEXT, 0, 20))
        .add(opt("line_vs_season_avg", NUMBER, GAME_CONTEXT, -30, 30))
        .add(opt("prop_line_delta", NUMBER, PLAYER_HISTORY, -20, 20))
        .add(opt("over_rate_last_10", NUMBER, PLAYER_HISTORY, 0, 1))
        .add(opt("margin_vs_line_avg_last_5", NUMBER, PLAYER_HISTORY, -25, 25))
        .add(opt("blowout_minutes_risk", NUMBER, TEAM_CONTEXT, 0, 1))
        .add(opt("minutes_volatility_last_10", NUMBER, PLAYER_HISTORY, 0, 20))
        .add(opt("opponent_pace_mismatch", NUMBER, GAME_CONTEXT, -20, 20))
        .build();
  }
}
