package io.github.courtside.models.feature;

import java.util.Locale;

/**
 * Where a feature value came from, with the quality weight spec-ml §1.6 gives that provenance.
 *
 * <p>The tags are those of the reference feature store so that scores are comparable. {@link
 * #DEFAULT}, {@link #FALLBACK} and {@link #MISSING} mark a value that is not data: they are the
 * "defaulted" sources that cap the quality score and block predictions for required features.
 *
 * <pre>{@code
 * FeatureSource source = FeatureSource.fromTag("opponent_history"); // OPPONENT_HISTORY, weight 90
 * boolean notData = source.isDefault();                              // false
 * }</pre>
 */
public enum FeatureSource {
  /** Precomputed upstream (daily cache, composite factors). */
  PHASE4(100),
  /** Analytics tables (game summaries, upcoming-game context). */
  PHASE3(87),
  /** Computed by the SDK from point-in-time history or other features. */
  CALCULATED(100),
  /** The feature's default value: nothing was available. */
  DEFAULT(40),
  /** A sportsbook line from the odds feed. */
  VEGAS(100),
  /** A sportsbook line from the BettingPros feed. */
  BETTINGPROS(100),
  /** Games against this opponent. */
  OPPONENT_HISTORY(90),
  /** Minutes and points-per-minute windows. */
  MINUTES_PPM(95),
  /** A fallback value substituted for missing data. */
  FALLBACK(40),
  /** No value and no default: the feature is absent (NaN). */
  MISSING(0),
  /** A tag this SDK does not know; weighted like a default but not counted as one (spec §1.6). */
  UNKNOWN(40);

  private final double weight;

  FeatureSource(double weight) {
    this.weight = weight;
  }

  /** The quality weight of this source, 0 to 100. */
  public double weight() {
    return weight;
  }

  /**
   * Whether a value with this source is a stand-in rather than data (default, fallback, missing).
   */
  public boolean isDefault() {
    return this == DEFAULT || this == FALLBACK || this == MISSING;
  }

  /** The reference tag, e.g. {@code "phase4"}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The source for a reference tag; an unrecognised tag gives {@link #UNKNOWN}. */
  public static FeatureSource fromTag(String tag) {
    for (FeatureSource source : values()) {
      if (source != UNKNOWN && source.tag().equals(tag.strip().toLowerCase(Locale.ROOT))) {
        return source;
      }
    }
    return UNKNOWN;
  }
}
