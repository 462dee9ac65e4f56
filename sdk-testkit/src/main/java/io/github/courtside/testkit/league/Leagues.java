package io.github.courtside.testkit.league;

import io.github.courtside.scrapers.gamebook.ActivePlayer;
import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.StatLine;
import io.github.courtside.scrapers.gamebook.TeamSide;
import io.github.courtside.scrapers.teams.NbaTeam;
import io.github.courtside.testkit.Generator;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generators of games and seasons whose box scores satisfy every identity the gamebook parser
 * checks (team minutes 240:00 plus 25:00 per overtime, points = 2·FGM + 3PM + FTM, OR + DR = TOT,
 * the TOTALS row equal to the column sums, team points equal to the players' sum and to the
 * periods' sum), and more: makes never exceed attempts, missed threes never exceed missed field
 * goals, final scores differ, and a team's plus/minus sums to five times its margin.
 *
 * <pre>{@code
 * Gamebook game = Leagues.games().sample(7L);
 * byte[] pdf = GamebookPdfWriter.create().write(game);
 * Season season = Leagues.seasons(8, 20).sample(7L);     // 8 teams, 20 games each at full size
 * qt().forAll(QuickTheoriesGenerators.gen(Leagues.games())).checkAssert(g -> ...);
 * }</pre>
 */
public final class Leagues {
  private Leagues() {}

  /**
   * Single games between two random teams, with everything a gamebook prints: officials, venue,
   * attendance, starters and bench, overtimes, DNP/DND/NWT rows with reasons (straight and curly
   * apostrophes), inactive lists, accented, suffixed, hyphenated and apostrophised names,
   * upper-case team names and, at large sizes, tables long enough to run over a page. Size 0 is a
   * regulation game of five plain-named players a side and nobody else.
   */
  public static Generator<Gamebook> games() {
    return (random, size) -> new GameDraw(random, size).game();
  }

  /**
   * Regular seasons of up to {@code maxTeams} teams (even, 2 to 30) playing up to {@code
   * maxGamesPerTeam} games each (both reached at full size; size 0 is two teams playing once),
   * simulated by {@link SyntheticLeague}, with late stat corrections on up to one game in ten.
   */
  public static Generator<Season> seasons(int maxTeams, int maxGamesPerTeam) {
    if (maxTeams < 2 || maxTeams > 30 || maxTeams % 2 != 0) {
      throw new IllegalArgumentException("maxTeams must be even, from 2 to 30: " + maxTeams);
    }
    if (maxGamesPerTeam < 1) {
      throw new IllegalArgumentException("maxGamesPerTeam must be at least 1: " + maxGamesPerTeam);
    }
    Generator<Integer> pairs = Generator.ints(1, maxTeams / 2);
    Generator<Integer> games = Generator.ints(1, maxGamesPerTeam);
    return (random, size) -> {
      int teams = 2 * pairs.generate(random, size);
      int perTeam = games.generate(random, size);
      LocalDate firstDay = LocalDate.of(2023, 10, 24).plusDays(random.nextInt(30));
      SyntheticLeague league = new SyntheticLeague(random.nextLong(), teams, firstDay, perTeam);
      return season(league, random, size);
    };
  }

  private static Season season(SyntheticLeague league, SplittableRandom random, int size) {
    List<SeasonGame> games = new ArrayList<>();
    List<StatCorrection> corrections = new ArrayList<>();
    Map<NbaTeam, LocalDate> last = new EnumMap<>(NbaTeam.class);
    double correctionRate = 0.1 * size / Generator.MAX_SIZE;
    for (LocalDate date : league.dates()) {
      for (SyntheticLeague.Matchup matchup : league.games(date)) {
        SeasonGame game =
            new SeasonGame(
                matchup,
                rest(last, matchup.away(), date),
                rest(last, matchup.home(), date),
                league.play(matchup));
        last.put(matchup.away(), date);
        last.put(matchup.home(), date);
        games.add(game);
        if (random.nextDouble() < correctionRate) {
          correction(game, random).ifPresent(corrections::add);
        }
      }
    }
    return new Season(league, games, corrections);
  }

  private static int rest(Map<NbaTeam, LocalDate> last, NbaTeam team, LocalDate date) {
    LocalDate previous = last.get(team);
    return previous == null ? 3 : (int) ChronoUnit.DAYS.between(previous, date) - 1;
  }

  /** Moves one stat between two active players of a side, if two of them can trade it. */
  private static java.util.Optional<StatCorrection> correction(
      SeasonGame game, SplittableRandom random) {
    TeamSide side = TeamSide.values()[random.nextInt(2)];
    Gamebook box = game.gamebook();
    List<ActivePlayer> players = box.activePlayers(side);
    if (players.size() < 2) {
      return java.util.Optional.empty();
    }
    StatCorrection.Kind kind =
        StatCorrection.Kind.values()[random.nextInt(StatCorrection.Kind.values().length)];
    int from = random.nextInt(players.size());
    int to = (from + 1 + random.nextInt(players.size() - 1)) % players.size();
    int[] a = players.get(from).stats().columns();
    int[] b = players.get(to).stats().columns();
    switch (kind) {
      case TWO_POINTER -> {
        if (a[0] - a[2] < 1) {
          return java.util.Optional.empty();
        }
        move(a, b, 0, 1, 15, 15);
      }
      case THREE_POINTER -> {
        if (a[2] < 1) {
          return java.util.Optional.empty();
        }
        move(a, b, 0, 1, 2, 3, 15, 15, 15);
      }
      case REBOUND -> {
        if (a[7] < 1) {
          return java.util.Optional.empty();
        }
        move(a, b, 7, 8);
      }
      case ASSIST -> {
        if (a[9] < 1) {
          return java.util.Optional.empty();
        }
        move(a, b, 9);
      }
    }
    List<ActivePlayer> active = new ArrayList<>();
    int index = 0;
    for (ActivePlayer p : box.activePlayers()) {
      if (p.side() != side) {
        active.add(p);
        continue;
      }
      active.add(index == from ? with(p, a) : index == to ? with(p, b) : p);
      index++;
    }
    Gamebook corrected =
        Gamebook.of(
            box.game(),
            active,
            box.dnpPlayers(),
            box.inactivePlayers(),
            box.teamTotals(),
            box.periodScores());
    int days = 2 + random.nextInt(9);
    return java.util.Optional.of(
        new StatCorrection(
            game.gameId(),
            side,
            players.get(from).name(),
            players.get(to).name(),
            kind,
            game.date()
                .plusDays(days)
                .atTime(LocalTime.of(15, 0))
                .atZone(io.github.courtside.models.history.PlayerGame.LEAGUE_ZONE)
                .toInstant(),
            corrected));
  }

  /** Takes one from {@code from} and gives one to {@code to} in each listed column. */
  private static void move(int[] from, int[] to, int... columns) {
    for (int column : columns) {
      from[column]--;
      to[column]++;
    }
  }

  private static ActivePlayer with(ActivePlayer p, int[] columns) {
    return new ActivePlayer(
        p.side(), p.jersey(), p.name(), p.position(), StatLine.of(p.stats().minutes(), columns));
  }
}
