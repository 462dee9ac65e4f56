package io.github.courtside.models.feature;

import io.github.courtside.models.history.PlayerGame;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
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
public final class FeatureRequest {
  private final String playerLookup;
  private final LocalDate gameDate;
  private final @Nullable String opponent;
  private final @Nullable Boolean home;
  private final boolean playoff;
  private final String injuryStatus;
  private final double opponentDaysRest;
  private final double line;
  private final double openingLine;
  private final FeatureSource lineSource;
  private final Map<String, FeatureValue> upstream;
  private final @Nullable Instant tipoff;
  private final @Nullable Instant lineAsOf;
  private final @Nullable Instant openingLineAsOf;
  private final Map<String, Instant> upstreamAsOf;

  private FeatureRequest(Builder b) {
    this.tipoff = b.tipoff;
    this.lineAsOf = b.lineAsOf;
    this.openingLineAsOf = b.openingLineAsOf;
    this.upstreamAsOf = Map.copyOf(b.upstreamAsOf);
    this.playerLookup = b.playerLookup;
    this.gameDate = b.gameDate;
    this.opponent = b.opponent;
    this.home = b.home;
    this.playoff = b.playoff;
    this.injuryStatus = b.injuryStatus;
    this.opponentDaysRest = b.opponentDaysRest;
    this.line = b.line;
    this.openingLine = b.openingLine;
    this.lineSource = b.lineSource;
    this.upstream = Map.copyOf(b.upstream);
  }

  /** A builder for this player's game on this date. */
  public static Builder builder(String playerLookup, LocalDate gameDate) {
    return new Builder(playerLookup, gameDate);
  }

  /** The player key. */
  public String playerLookup() {
    return playerLookup;
  }

  /** The game date: only history strictly before it is used. */
  public LocalDate gameDate() {
    return gameDate;
  }

  /** The opponent, if known. */
  public Optional<String> opponent() {
    return Optional.ofNullable(opponent);
  }

  /** Whether the player's team is at home, if known. */
  public Optional<Boolean> home() {
    return Optional.ofNullable(home);
  }

  /** Whether this is a playoff game. */
  public boolean playoff() {
    return playoff;
  }

  /** The pre-game injury status ("" when none). */
  public String injuryStatus() {
    return injuryStatus;
  }

  /** The opponent's days of rest, if known. */
  public OptionalDouble opponentDaysRest() {
    return optional(opponentDaysRest);
  }

  /** The current pre-game points line, if any. */
  public OptionalDouble line() {
    return optional(line);
  }

  /** The opening points line, if any. */
  public OptionalDouble openingLine() {
    return optional(openingLine);
  }

  /** The source tag of the lines. */
  public FeatureSource lineSource() {
    return lineSource;
  }

  /** Upstream values by feature name. */
  public Map<String, FeatureValue> upstream() {
    return upstream;
  }

  /** The game's tip-off, if known: lines and upstream values are used only if known before it. */
  public Optional<Instant> tipoff() {
    return Optional.ofNullable(tipoff);
  }

  /**
   * The latest moment whose knowledge may enter the vector: the tip-off, else the start of the game
   * date in league time ({@link PlayerGame#LEAGUE_ZONE}). Stat rows known later are not used.
   */
  public Instant knowledgeCutoff() {
    return tipoff != null ? tipoff : gameDate.atStartOfDay(PlayerGame.LEAGUE_ZONE).toInstant();
  }

  /** When the current line was observed, if given. */
  public Optional<Instant> lineAsOf() {
    return Optional.ofNullable(lineAsOf);
  }

  /** When the opening line was observed, if given. */
  public Optional<Instant> openingLineAsOf() {
    return Optional.ofNullable(openingLineAsOf);
  }

  /** When each upstream value was known, for the values given with an as-of time. */
  public Map<String, Instant> upstreamAsOf() {
    return upstreamAsOf;
  }

  /**
   * Whether a value observed at {@code asOf} (null = not given) may be used: with a tip-off, only a
   * value with an as-of time strictly before it; without one, a value without an as-of time or
   * observed before the day after the game date (league time).
   */
  public boolean knownBeforeTipoff(@Nullable Instant asOf) {
    if (tipoff != null) {
      return asOf != null && asOf.isBefore(tipoff);
    }
    return asOf == null
        || asOf.isBefore(gameDate.plusDays(1).atStartOfDay(PlayerGame.LEAGUE_ZONE).toInstant());
  }

  private static OptionalDouble optional(double value) {
    return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  @Override
  public String toString() {
    return "FeatureRequest[" + playerLookup + " on " + gameDate + "]";
  }

  /** Builds a {@link FeatureRequest}. */
  public static final class Builder {
    private final String playerLookup;
    private final LocalDate gameDate;
    private @Nullable String opponent;
    private @Nullable Boolean home;
    private boolean playoff;
    private String injuryStatus = "";
    private double opponentDaysRest = Double.NaN;
    private double line = Double.NaN;
    private double openingLine = Double.NaN;
    private FeatureSource lineSource = FeatureSource.VEGAS;
    private final Map<String, FeatureValue> upstream = new LinkedHashMap<>();
    private final Map<String, Instant> upstreamAsOf = new LinkedHashMap<>();
    private @Nullable Instant tipoff;
    private @Nullable Instant lineAsOf;
    private @Nullable Instant openingLineAsOf;

    private Builder(String playerLookup, LocalDate gameDate) {
      this.playerLookup = Objects.requireNonNull(playerLookup, "playerLookup");
      this.gameDate = Objects.requireNonNull(gameDate, "gameDate");
    }

    /** The opponent team. */
    public Builder opponent(String value) {
      opponent = Objects.requireNonNull(value, "opponent");
      return this;
    }

    /** Whether the player's team is at home. */
    public Builder home(boolean value) {
      home = value;
      return this;
    }

    /** Whether this is a playoff game. */
    public Builder playoff(boolean value) {
      playoff = value;
      return this;
    }

    /** The pre-game injury status (available, probable, questionable, doubtful, out). */
    public Builder injuryStatus(String value) {
      injuryStatus = Objects.requireNonNull(value, "injuryStatus");
      return this;
    }

    /** The opponent's days of rest. */
    public Builder opponentDaysRest(double value) {
      opponentDaysRest = value;
      return this;
    }

    /** The current pre-game points line; must be positive. */
    public Builder line(double value) {
      if (!(value > 0)) {
        throw new IllegalArgumentException("a points line must be positive, was " + value);
      }
      line = value;
      return this;
    }

    /** The current pre-game points line observed at {@code asOf}; used only if before tip-off. */
    public Builder line(double value, Instant asOf) {
      line(value);
      lineAsOf = Objects.requireNonNull(asOf, "asOf");
      return this;
    }

    /** The opening points line observed at {@code asOf}; used only if before tip-off. */
    public Builder openingLine(double value, Instant asOf) {
      openingLine(value);
      openingLineAsOf = Objects.requireNonNull(asOf, "asOf");
      return this;
    }

    /** The game's tip-off: lines, upstream values and stat rows known after it are not used. */
    public Builder tipoff(Instant value) {
      tipoff = Objects.requireNonNull(value, "tipoff");
      return this;
    }

    /** The opening points line; must be positive. */
    public Builder openingLine(double value) {
      if (!(value > 0)) {
        throw new IllegalArgumentException("a points line must be positive, was " + value);
      }
      openingLine = value;
      return this;
    }

    /** The source tag of the lines (default {@link FeatureSource#VEGAS}). */
    public Builder lineSource(FeatureSource value) {
      lineSource = Objects.requireNonNull(value, "lineSource");
      return this;
    }

    /**
     * An upstream value for a feature the extractor does not compute from history (a value for a
     * feature it computes is ignored, never overrides). Without an as-of time it is used only when
     * no tip-off is given.
     */
    public Builder upstream(String feature, double value, FeatureSource source) {
      upstream.put(Objects.requireNonNull(feature, "feature"), new FeatureValue(value, source));
      upstreamAsOf.remove(feature);
      return this;
    }

    /** An upstream value known at {@code asOf}; used only if known before tip-off. */
    public Builder upstream(String feature, double value, FeatureSource source, Instant asOf) {
      upstream(feature, value, source);
      upstreamAsOf.put(feature, Objects.requireNonNull(asOf, "asOf"));
      return this;
    }

    /** The request. */
    public FeatureRequest build() {
      return new FeatureRequest(this);
    }
  }
}
