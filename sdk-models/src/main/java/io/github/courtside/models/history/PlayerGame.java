package io.github.courtside.models.history;

import io.github.courtside.core.ValueStyle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One player's line in one game: the history row the feature extractor reads.
 *
 * <p>Unknown numbers are NaN. A DNP row ({@code dnp = true}) is a game the player did not play: it
 * is never treated as a 0-point game (spec-ml §6 #6: counting DNPs as zeros pulled star averages
 * 5-25 points low). {@link #played()} is the filter every rolling window applies.
 *
 * <pre>{@code
 * PlayerGame game = PlayerGame.builder("lebronjames", LocalDate.parse("2024-01-10"))
 *     .gameId("20240110_LAL_PHX").team("LAL").opponent("PHX").home(false)
 *     .points(31).minutes(36.5)
 *     .build();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class PlayerGame {

  /** The zone stat rows default their knowledge time in: the league's (America/New_York). */
  public static final ZoneId LEAGUE_ZONE = ZoneId.of("America/New_York");

  PlayerGame() {}

  /** A builder for a row of this player on this date; numbers default to NaN (unknown). */
  public static Builder builder(String playerLookup, LocalDate gameDate) {
    return new Builder().playerLookup(playerLookup).gameDate(gameDate);
  }

  /** A builder starting from this row. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Normalised player key. */
  public abstract String playerLookup();

  /** The game's date. */
  public abstract LocalDate gameDate();

  /** The game id ({@code YYYYMMDD_AWAY_HOME}); "" when unknown. */
  @Value.Default
  public String gameId() {
    return "";
  }

  /** The player's team abbreviation; "" when unknown. */
  @Value.Default
  public String team() {
    return "";
  }

  /** The opponent abbreviation; "" when unknown. */
  @Value.Default
  public String opponent() {
    return "";
  }

  /** Whether the player's team was at home. */
  @Value.Default
  public boolean home() {
    return false;
  }

  /** Whether the player did not play. */
  @Value.Default
  public boolean dnp() {
    return false;
  }

  /** Points scored, NaN when unknown. */
  public abstract double points();

  /** Minutes played, NaN when unknown. */
  public abstract double minutes();

  /** Free throws made, NaN when unknown. */
  public abstract double freeThrowMakes();

  /** Field-goal attempts, NaN when unknown. */
  public abstract double fieldGoalAttempts();

  /** Free-throw attempts, NaN when unknown. */
  public abstract double freeThrowAttempts();

  /** Turnovers, NaN when unknown. */
  public abstract double turnovers();

  /** Usage rate in percent, NaN when unknown (see {@link #usageRateOrComputed()}). */
  public abstract double usageRate();

  /** Team field-goal attempts in this game, NaN when unknown. */
  public abstract double teamFieldGoalAttempts();

  /** Team free-throw attempts in this game, NaN when unknown. */
  public abstract double teamFreeThrowAttempts();

  /** Team turnovers in this game, NaN when unknown. */
  public abstract double teamTurnovers();

  /**
   * When this version of the row became known (a late stat correction is a newer version of the
   * same game); empty means the start of the day after the game, league time.
   */
  public abstract Optional<Instant> knownAt();

  /**
   * Whether the player actually played: not a DNP, points known and minutes above zero. Only such
   * games enter scoring windows.
   */
  public boolean played() {
    return !dnp() && !Double.isNaN(points()) && minutes() > 0;
  }

  /** When the row became known: {@link #knownAt()}, else the day after the game (league time). */
  public Instant knownAtOrDefault() {
    return knownAt().orElseGet(() -> gameDate().plusDays(1).atStartOfDay(LEAGUE_ZONE).toInstant());
  }

  /** This row as known at {@code instant} (e.g. a late stat correction). */
  public PlayerGame withKnownAt(Instant instant) {
    return toBuilder().knownAt(instant).build();
  }

  /**
   * The usage rate: the stored value, else computed with {@link UsageRate#of} from this row's
   * player and team counts; NaN when neither is possible.
   */
  public double usageRateOrComputed() {
    if (!Double.isNaN(usageRate())) {
      return usageRate();
    }
    return UsageRate.of(
        fieldGoalAttempts(),
        freeThrowAttempts(),
        turnovers(),
        minutes(),
        teamFieldGoalAttempts(),
        teamFreeThrowAttempts(),
        teamTurnovers());
  }

  /** Builds a {@link PlayerGame}; numbers default to NaN (unknown). */
  public static final class Builder extends ImmutablePlayerGame.Builder {
    Builder() {
      points(Double.NaN).minutes(Double.NaN).freeThrowMakes(Double.NaN).usageRate(Double.NaN);
      shooting(Double.NaN, Double.NaN, Double.NaN).teamTotals(Double.NaN, Double.NaN, Double.NaN);
    }

    /** Player shooting and turnover counts. */
    public Builder shooting(double fga, double fta, double tov) {
      return fieldGoalAttempts(fga).freeThrowAttempts(fta).turnovers(tov);
    }

    /** Team counts for the usage-rate formula. */
    public Builder teamTotals(double fga, double fta, double tov) {
      return teamFieldGoalAttempts(fga).teamFreeThrowAttempts(fta).teamTurnovers(tov);
    }
  }
}
