package io.github.courtside.models.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
 *
 * @param playerLookup normalised player key
 * @param gameDate the game's date
 * @param gameId the game id ({@code YYYYMMDD_AWAY_HOME})
 * @param team the player's team abbreviation ("" when unknown)
 * @param opponent the opponent abbreviation ("" when unknown)
 * @param home whether the player's team was at home
 * @param dnp whether the player did not play
 * @param points points scored, NaN when unknown
 * @param minutes minutes played, NaN when unknown
 * @param freeThrowMakes free throws made, NaN when unknown
 * @param fieldGoalAttempts field-goal attempts, NaN when unknown
 * @param freeThrowAttempts free-throw attempts, NaN when unknown
 * @param turnovers turnovers, NaN when unknown
 * @param usageRate usage rate in percent, NaN when unknown (see {@link #usageRateOrComputed()})
 * @param teamFieldGoalAttempts team field-goal attempts in this game, NaN when unknown
 * @param teamFreeThrowAttempts team free-throw attempts in this game, NaN when unknown
 * @param teamTurnovers team turnovers in this game, NaN when unknown
 * @param knownAt when this version of the row became known (a late stat correction is a newer
 *     version of the same game); null means the start of the day after the game, league time
 */
public record PlayerGame(
    String playerLookup,
    LocalDate gameDate,
    String gameId,
    String team,
    String opponent,
    boolean home,
    boolean dnp,
    double points,
    double minutes,
    double freeThrowMakes,
    double fieldGoalAttempts,
    double freeThrowAttempts,
    double turnovers,
    double usageRate,
    double teamFieldGoalAttempts,
    double teamFreeThrowAttempts,
    double teamTurnovers,
    @Nullable Instant knownAt) {

  /** The zone stat rows default their knowledge time in: the league's (America/New_York). */
  public static final ZoneId LEAGUE_ZONE = ZoneId.of("America/New_York");

  public PlayerGame {
    Objects.requireNonNull(playerLookup, "playerLookup");
    Objects.requireNonNull(gameDate, "gameDate");
    Objects.requireNonNull(gameId, "gameId");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(opponent, "opponent");
  }

  /** A builder for a row of this player on this date. */
  public static Builder builder(String playerLookup, LocalDate gameDate) {
    return new Builder(playerLookup, gameDate);
  }

  /**
   * Whether the player actually played: not a DNP, points known and minutes above zero. Only such
   * games enter scoring windows.
   */
  public boolean played() {
    return !dnp && !Double.isNaN(points) && minutes > 0;
  }

  /**
   * The usage rate: the stored value, else computed with {@link UsageRate#of} from this row's
   * player and team counts; NaN when neither is possible.
   */
  /** When the row became known: {@link #knownAt()}, else the day after the game (league time). */
  public Instant knownAtOrDefault() {
    return knownAt != null ? knownAt : gameDate.plusDays(1).atStartOfDay(LEAGUE_ZONE).toInstant();
  }

  /** This row as known at {@code instant} (e.g. a late stat correction). */
  public PlayerGame withKnownAt(Instant instant) {
    return new PlayerGame(
        playerLookup,
        gameDate,
        gameId,
        team,
        opponent,
        home,
        dnp,
        points,
        minutes,
        freeThrowMakes,
        fieldGoalAttempts,
        freeThrowAttempts,
        turnovers,
        usageRate,
        teamFieldGoalAttempts,
        teamFreeThrowAttempts,
        teamTurnovers,
        instant);
  }

  public double usageRateOrComputed() {
    if (!Double.isNaN(usageRate)) {
      return usageRate;
    }
    return UsageRate.of(
        fieldGoalAttempts,
        freeThrowAttempts,
        turnovers,
        minutes,
        teamFieldGoalAttempts,
        teamFreeThrowAttempts,
        teamTurnovers);
  }

  /** Builds a {@link PlayerGame}; numbers default to NaN (unknown). */
  public static final class Builder {
    private final String playerLookup;
    private final LocalDate gameDate;
    private String gameId = "";
    private String team = "";
    private String opponent = "";
    private boolean home;
    private boolean dnp;
    private double points = Double.NaN;
    private double minutes = Double.NaN;
    private double freeThrowMakes = Double.NaN;
    private double fieldGoalAttempts = Double.NaN;
    private double freeThrowAttempts = Double.NaN;
    private double turnovers = Double.NaN;
    private double usageRate = Double.NaN;
    private double teamFga = Double.NaN;
    private double teamFta = Double.NaN;
    private double teamTov = Double.NaN;
    private @Nullable Instant knownAt;

    private Builder(String playerLookup, LocalDate gameDate) {
      this.playerLookup = Objects.requireNonNull(playerLookup, "playerLookup");
      this.gameDate = Objects.requireNonNull(gameDate, "gameDate");
    }

    /** The game id. */
    public Builder gameId(String value) {
      gameId = value;
      return this;
    }

    /** The player's team. */
    public Builder team(String value) {
      team = value;
      return this;
    }

    /** The opponent. */
    public Builder opponent(String value) {
      opponent = value;
      return this;
    }

    /** Whether the team was at home. */
    public Builder home(boolean value) {
      home = value;
      return this;
    }

    /** Marks the row as did-not-play. */
    public Builder dnp(boolean value) {
      dnp = value;
      return this;
    }

    /** Points scored. */
    public Builder points(double value) {
      points = value;
      return this;
    }

    /** Minutes played. */
    public Builder minutes(double value) {
      minutes = value;
      return this;
    }

    /** Free throws made. */
    public Builder freeThrowMakes(double value) {
      freeThrowMakes = value;
      return this;
    }

    /** Player shooting and turnover counts. */
    public Builder shooting(double fga, double fta, double tov) {
      fieldGoalAttempts = fga;
      freeThrowAttempts = fta;
      turnovers = tov;
      return this;
    }

    /** Team counts for the usage-rate formula. */
    public Builder teamTotals(double fga, double fta, double tov) {
      teamFga = fga;
      teamFta = fta;
      teamTov = tov;
      return this;
    }

    /** A stored usage rate in percent. */
    /** When this row became known (default: the start of the next day, league time). */
    public Builder knownAt(Instant value) {
      knownAt = Objects.requireNonNull(value, "knownAt");
      return this;
    }

    public Builder usageRate(double value) {
      usageRate = value;
      return this;
    }

    /** The row. */
    public PlayerGame build() {
      return new PlayerGame(
          playerLookup,
          gameDate,
          gameId,
          team,
          opponent,
          home,
          dnp,
          points,
          minutes,
          freeThrowMakes,
          fieldGoalAttempts,
          freeThrowAttempts,
          turnovers,
          usageRate,
          teamFga,
          teamFta,
          teamTov,
          knownAt);
    }
  }
}
