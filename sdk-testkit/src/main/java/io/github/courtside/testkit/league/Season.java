package io.github.courtside.testkit.league;

import io.github.courtside.models.history.PlayerGame;
import io.github.courtside.scrapers.gamebook.ActivePlayer;
import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.NonPlayingPlayer;
import io.github.courtside.scrapers.gamebook.StatLine;
import io.github.courtside.scrapers.gamebook.TeamSide;
import io.github.courtside.scrapers.teams.NbaTeam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A simulated regular season ({@link SyntheticLeague}: rosters, a schedule with rest days and
 * back-to-backs, injuries, coach's-decision DNPs, inactive lists, prop lines with bookmaker noise
 * and line moves) with late stat corrections. Drawn by {@link Leagues#seasons(int, int)}; two
 * seasons are equal when their games and corrections are.
 *
 * <pre>{@code
 * Season season = Leagues.seasons(8, 20).sample(42L);
 * List<PlayerGame> rows = season.playerGames();   // first versions and late corrections, with knownAt
 * }</pre>
 */
public final class Season {
  private final SyntheticLeague league;
  private final List<SeasonGame> games;
  private final List<StatCorrection> corrections;

  Season(SyntheticLeague league, List<SeasonGame> games, List<StatCorrection> corrections) {
    this.league = Objects.requireNonNull(league, "league");
    this.games = List.copyOf(games);
    this.corrections = List.copyOf(corrections);
  }

  /** The simulated league: teams, rosters, pregame knowledge, prop lines, feature requests. */
  public SyntheticLeague league() {
    return league;
  }

  /** The teams. */
  public List<NbaTeam> teams() {
    return league.teams();
  }

  /** Every game in date order, with its box score as first published. */
  public List<SeasonGame> games() {
    return games;
  }

  /** The late stat corrections, in game order. */
  public List<StatCorrection> corrections() {
    return corrections;
  }

  /**
   * The history rows of the season: one per player and game (active players and DNP/DND/NWT rows;
   * inactive players have none) known from the start of the day after the game (league time), and
   * for each correction a newer version of the two changed rows known from {@link
   * StatCorrection#knownAt()}.
   */
  public List<PlayerGame> playerGames() {
    List<PlayerGame> rows = new ArrayList<>();
    Map<String, SeasonGame> byId =
        games.stream().collect(Collectors.toMap(SeasonGame::gameId, Function.identity()));
    for (SeasonGame game : games) {
      Instant known = game.date().plusDays(1).atStartOfDay(PlayerGame.LEAGUE_ZONE).toInstant();
      rows.addAll(rows(game, game.gamebook(), known, null));
    }
    for (StatCorrection correction : corrections) {
      SeasonGame game = Objects.requireNonNull(byId.get(correction.gameId()), "game");
      rows.addAll(rows(game, correction.corrected(), correction.knownAt(), correction));
    }
    return List.copyOf(rows);
  }

  private static List<PlayerGame> rows(
      SeasonGame game, Gamebook gamebook, Instant knownAt, @Nullable StatCorrection only) {
    List<PlayerGame> rows = new ArrayList<>();
    for (TeamSide side : TeamSide.values()) {
      if (only != null && only.side() != side) {
        continue;
      }
      NbaTeam team = game.matchup().team(side);
      NbaTeam opponent = game.matchup().team(side == TeamSide.AWAY ? TeamSide.HOME : TeamSide.AWAY);
      StatLine totals =
          GameDraw.sum(gamebook.activePlayers(side).stream().map(ActivePlayer::stats).toList(), 0);
      for (ActivePlayer player : gamebook.activePlayers(side)) {
        if (only != null
            && !player.name().equals(only.from())
            && !player.name().equals(only.to())) {
          continue;
        }
        StatLine s = player.stats();
        rows.add(
            PlayerGame.builder(player.name().lookupKey(), game.date())
                .gameId(game.gameId())
                .team(team.tricode())
                .opponent(opponent.tricode())
                .home(side == TeamSide.HOME)
                .points(s.points())
                .minutes(s.seconds() / 60.0)
                .freeThrowMakes(s.freeThrowsMade())
                .shooting(s.fieldGoalsAttempted(), s.freeThrowsAttempted(), s.turnovers())
                .teamTotals(
                    totals.fieldGoalsAttempted(), totals.freeThrowsAttempted(), totals.turnovers())
                .knownAt(knownAt)
                .build());
      }
      if (only != null) {
        continue;
      }
      for (NonPlayingPlayer player : gamebook.dnpPlayers(side)) {
        rows.add(
            PlayerGame.builder(player.name().lookupKey(), game.date())
                .gameId(game.gameId())
                .team(team.tricode())
                .opponent(opponent.tricode())
                .home(side == TeamSide.HOME)
                .dnp(true)
                .knownAt(knownAt)
                .build());
      }
    }
    return rows;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Season s && games.equals(s.games) && corrections.equals(s.corrections);
  }

  @Override
  public int hashCode() {
    return Objects.hash(games, corrections);
  }

  @Override
  public String toString() {
    return "Season["
        + league.teams().size()
        + " teams, "
        + games.size()
        + " games, "
        + corrections.size()
        + " corrections]";
  }
}
