package io.github.courtside.models.feature;

import io.github.courtside.core.ValueStyle;
import io.github.courtside.models.history.PlayerGame;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link FeatureExtractor} needs to know about one player's upcoming game beyond the
 * player's history: opponent, venue, status, lines, and upstream values it does not compute.
 *
 * <pre>{@code
 * FeatureRequest request = FeatureRequest.builder("lebronjames", LocalDate.parse("2024-03-02"))
 *     .opponent("DEN").home(true)
 *     .line(25.5).openingLine(24.5)
 *     .upstream("fatigue_score", 93.0, FeatureSource.PHASE4)
 *     .build();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class FeatureRequest {
  FeatureRequest() {}

  /** A builder for this player's game on this date. */
  public static Builder builder(String playerLookup, LocalDate gameDate) {
    return new Builder().playerLookup(playerLookup).gameDate(gameDate);
  }

  /** The player key. */
  public abstract String playerLookup();

  /** The game date: only history strictly before it is used. */
  public abstract LocalDate gameDate();

  /** The opponent, if known. */
  public abstract Optional<String> opponent();

  /** Whether the player's team is at home, if known. */
  public abstract Optional<Boolean> home();

  /** Whether this is a playoff game. */
  @Value.Default
  public boolean playoff() {
    return false;
  }

  /**
   * The pre-game injury status (available, probable, questionable, doubtful, out; "" when none).
   */
  @Value.Default
  public String injuryStatus() {
    return "";
  }

  /** The opponent's days of rest, if known. */
  public abstract OptionalDouble opponentDaysRest();

  /** The current pre-game points line, if any (positive). */
  public abstract OptionalDouble line();

  /** The opening points line, if any (positive). */
  public abstract OptionalDouble openingLine();

  /** The source tag of the lines; {@link FeatureSource#VEGAS} unless set. */
  @Value.Default
  public FeatureSource lineSource() {
    return FeatureSource.VEGAS;
  }

  /**
   * Upstream values by feature name, for features the extractor does not compute from history (a
   * value for a feature it computes is ignored, never overrides).
   */
  public abstract Map<String, FeatureValue> upstream();

  /**
   * The game's tip-off, if known: lines, upstream values and stat rows known after it are not used.
   */
  public abstract Optional<Instant> tipoff();

  /**
   * The latest moment whose knowledge may enter the vector: the tip-off, else the start of the game
   * date in league time ({@link PlayerGame#LEAGUE_ZONE}). Stat rows known later are not used.
   */
  public Instant knowledgeCutoff() {
    return tipoff().orElseGet(() -> gameDate().atStartOfDay(PlayerGame.LEAGUE_ZONE).toInstant());
  }

  /**
   * When the current line was observed, if given; used only if before tip-off (without a tip-off:
   * before the game date, see {@link #knownBeforeTipoff}).
   */
  public abstract Optional<Instant> lineAsOf();

  /** When the opening line was observed, if given; used only if before tip-off. */
  public abstract Optional<Instant> openingLineAsOf();

  /**
   * When each upstream value was known, for the values given with an as-of time; used only if known
   * before tip-off.
   */
  public abstract Map<String, Instant> upstreamAsOf();

  @Value.Check
  void check() {
    positiveLine(line());
    positiveLine(openingLine());
  }

  private static void positiveLine(OptionalDouble line) {
    if (line.isPresent() && !(line.getAsDouble() > 0)) {
      throw new IllegalArgumentException(
          "a points line must be positive, was " + line.getAsDouble());
    }
  }

  /**
   * Whether a value observed at {@code asOf} (null = not given) may be used: only a value observed
   * strictly before the {@link #knowledgeCutoff()} — the tip-off, or without one the start of the
   * game date in league time, since a game-day observation cannot be shown to precede an unknown
   * tip-off (give the tip-off to use game-day lines). A value without an as-of time is used only
   * when no tip-off is given (it cannot be checked either way).
   */
  public boolean knownBeforeTipoff(@Nullable Instant asOf) {
    if (asOf == null) {
      return tipoff().isEmpty();
    }
    return asOf.isBefore(knowledgeCutoff());
  }

  @Override
  public String toString() {
    return "FeatureRequest[" + playerLookup() + " on " + gameDate() + "]";
  }

  /** Builds a {@link FeatureRequest}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableFeatureRequest.Builder {
    private final Map<String, Instant> asOf = new LinkedHashMap<>();

    Builder() {}

    /** The current pre-game points line observed at {@code asOf}; used only if before tip-off. */
    public Builder line(double value, Instant asOf) {
      return line(value).lineAsOf(asOf);
    }

    /** The opening points line observed at {@code asOf}; used only if before tip-off. */
    public Builder openingLine(double value, Instant asOf) {
      return openingLine(value).openingLineAsOf(asOf);
    }

    /**
     * An upstream value for a feature the extractor does not compute from history. Without an as-of
     * time it is used only when no tip-off is given.
     */
    public Builder upstream(String feature, double value, FeatureSource source) {
      putUpstream(feature, new FeatureValue(value, source));
      asOf.remove(feature);
      return upstreamAsOf(asOf);
    }

    /** An upstream value known at {@code asOf}; used only if known before tip-off. */
    public Builder upstream(String feature, double value, FeatureSource source, Instant asOf) {
      putUpstream(feature, new FeatureValue(value, source));
      this.asOf.put(feature, Objects.requireNonNull(asOf, "asOf"));
      return upstreamAsOf(this.asOf);
    }
  }
}
