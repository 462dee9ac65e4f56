package io.github.courtside.examples.demo;

import io.github.courtside.core.tracking.TrackingSummary;
import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.gamebook.ActivePlayer;
import io.github.courtside.scrapers.gamebook.GameInfo;
import io.github.courtside.scrapers.gamebook.GameTeam;
import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.InactivePlayer;
import io.github.courtside.scrapers.gamebook.NonPlayingCategory;
import io.github.courtside.scrapers.gamebook.NonPlayingPlayer;
import io.github.courtside.scrapers.gamebook.Official;
import io.github.courtside.scrapers.gamebook.PeriodScores;
import io.github.courtside.scrapers.gamebook.StatLine;
import io.github.courtside.scrapers.gamebook.TeamSide;
import io.github.courtside.scrapers.gamebook.TeamTotals;
import io.github.courtside.scrapers.names.PlayerName;
import io.github.courtside.scrapers.teams.NbaTeam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic synthetic league: teams with fixed rosters of players whose scoring follows their
 * own average, and games whose box scores satisfy the gamebook identities (240 team minutes, points
 * = 2·FGM + 3PM + FTM, OR + DR = TOT, team points = sum of players).
 *
 * <p>The same seed gives the same league and the same games, so demo runs are repeatable.
 */
final class SyntheticLeague {
  private static final String[] FIRST = {
    "Luka", "Nikola", "Jalen", "Tyrese", "De'Aaron", "Jaren", "Darius", "Evan", "Scottie",
        "Alperen",
    "Bojan", "Dāvis", "Jusuf", "Théo", "Moussa", "Killian", "Aaron", "Marcus", "Jonas", "Desmond"
  };
  private static final String[] LAST = {
    "Dončić",
    "Jokić",
    "Brunson",
    "Haliburton",
    "Fox",
    "Jackson Jr.",
    "Garland",
    "Mobley",
    "Barnes",
    "Şengün",
    "Bogdanović",
    "Bertāns",
    "Nurkić",
    "Maledon",
    "Diabaté",
    "Hayes",
    "Gordon",
    "Smart",
    "Valančiūnas",
    "Bane",
    "O’Neale",
    "Porter Jr.",
    "Morris Sr.",
    "Walker III",
    "Green II",
    "Kuminga",
    "Wembanyama",
    "Holmgren",
    "Murray",
    "Sabonis"
  };
  private static final String[] POSITIONS = {"G", "G", "F", "F", "C"};
  private static final int ROTATION = 12;

  /** One rostered player and how he plays. */
  record Player(
      NbaTeam team,
      String jersey,
      PlayerName name,
      Optional<String> position,
      double meanPoints,
      double meanMinutes) {}

  /** Two teams meeting on a date. */
  record Matchup(LocalDate date, NbaTeam away, NbaTeam home) {
    String gameId() {
      return date.toString().replace("-", "") + "_" + away.tricode() + "_" + home.tricode();
    }
  }

  private final long seed;
  private final List<NbaTeam> teams;
  private final Map<NbaTeam, List<Player>> rosters = new java.util.EnumMap<>(NbaTeam.class);
  private final Map<NbaTeam, PlayerName> inactive = new java.util.EnumMap<>(NbaTeam.class);

  SyntheticLeague(long seed, int teamCount) {
    if (teamCount < 2 || teamCount % 2 != 0 || teamCount > NbaTeam.values().length) {
      throw new IllegalArgumentException("the league needs an even number of teams from 2 to 30");
    }
    this.seed = seed;
    Random random = new Random(seed);
    List<NbaTeam> all = new ArrayList<>(List.of(NbaTeam.values()));
    java.util.Collections.shuffle(all, random);
    this.teams = List.copyOf(all.subList(0, teamCount));
    Set<String> names = new HashSet<>();
    for (NbaTeam team : teams) {
      List<Player> roster = new ArrayList<>();
      Set<String> jerseys = new HashSet<>();
      for (int i = 0; i < ROTATION; i++) {
        double minutes = i < 5 ? 30 + random.nextInt(8) : 8 + random.nextInt(16);
        double pointsPerMinute = 0.25 + random.nextDouble() * 0.45;
        roster.add(
            new Player(
                team,
                jersey(random, jerseys),
                PlayerName.of(uniqueName(random, names)),
                i < 5 ? Optional.of(POSITIONS[i]) : Optional.empty(),
                minutes * pointsPerMinute,
                minutes));
      }
      rosters.put(team, List.copyOf(roster));
      inactive.put(team, PlayerName.of(uniqueName(random, names)));
    }
  }

  List<NbaTeam> teams() {
    return teams;
  }

  /** The lookup keys of a team's rotation players. */
  List<String> rosterKeys(NbaTeam team) {
    return roster(team).stream().map(player -> player.name().lookupKey()).toList();
  }

  /** Every team plays once on every date: the pairing rotates (circle method). */
  List<Matchup> schedule(LocalDate date, int round) {
    int n = teams.size();
    List<NbaTeam> circle = new ArrayList<>(teams);
    NbaTeam fixed = circle.remove(0);
    java.util.Collections.rotate(circle, round % (n - 1));
    circle.add(0, fixed);
    List<Matchup> games = new ArrayList<>();
    for (int i = 0; i < n / 2; i++) {
      NbaTeam a = circle.get(i);
      NbaTeam b = circle.get(n - 1 - i);
      boolean swap = (round + i) % 2 == 1;
      games.add(new Matchup(date, swap ? b : a, swap ? a : b));
    }
    return games;
  }

  /** The gamebook of a matchup, the same for the same league seed and matchup. */
  Gamebook play(Matchup matchup) {
    Random random = new Random(seed * 31 + matchup.gameId().hashCode());
    List<ActivePlayer> active = new ArrayList<>();
    List<NonPlayingPlayer> dnp = new ArrayList<>();
    List<InactivePlayer> inactives = new ArrayList<>();
    List<TeamTotals> totals = new ArrayList<>();
    List<PeriodScores> scores = new ArrayList<>();
    for (TeamSide side : TeamSide.values()) {
      NbaTeam team = side == TeamSide.AWAY ? matchup.away() : matchup.home();
      List<Player> playing = new ArrayList<>();
      for (Player player : roster(team)) {
        if (player.position().isEmpty() && random.nextInt(14) == 0) {
          dnp.add(
              new NonPlayingPlayer(
                  side,
                  player.jersey(),
                  player.name(),
                  NonPlayingCategory.DNP,
                  "Coach's Decision"));
        } else {
          playing.add(player);
        }
      }
      int[] seconds = minutes(random, playing);
      int[] sums = new int[16];
      for (int i = 0; i < playing.size(); i++) {
        Player player = playing.get(i);
        StatLine line = statLine(random, player, seconds[i]);
        active.add(new ActivePlayer(side, player.jersey(), player.name(), player.position(), line));
        int[] columns = line.columns();
        for (int k = 0; k < sums.length; k++) {
          sums[k] += columns[k];
        }
      }
      totals.add(new TeamTotals(side, StatLine.of(StatLine.clock(240 * 60), sums)));
      scores.add(new PeriodScores(side, periods(random, sums[15]), sums[15]));
      inactives.add(
          new InactivePlayer(side, inactivePlayer(team), "Injury/Illness - Left Ankle; Sprain"));
    }
    GameInfo game =
        new GameInfo(
            Optional.of(matchup.date()),
            Optional.of(new GameTeam(TeamSide.AWAY, matchup.away().fullName(), Optional.empty())),
            Optional.of(new GameTeam(TeamSide.HOME, matchup.home().fullName(), Optional.empty())),
            Optional.of(matchup.home().nickname() + " Arena"),
            Optional.of(city(matchup.home())),
            Optional.empty(),
            List.of(
                new Official(11 + random.nextInt(80), "Scott Foster"),
                new Official(11 + random.nextInt(80), "David Guthrie"),
                new Official(11 + random.nextInt(80), "Zach Zarba")),
            Optional.of("2:" + (10 + random.nextInt(40))),
            OptionalInt.of(15_000 + random.nextInt(5_000)),
            Optional.empty());
    return new Gamebook(
        ParseStatus.COMPLETE,
        Optional.empty(),
        game,
        active,
        dnp,
        inactives,
        totals,
        scores,
        List.of(),
        new TrackingSummary(matchup.gameId(), Map.of()),
        0,
        0);
  }

  private List<Player> roster(NbaTeam team) {
    List<Player> roster = rosters.get(team);
    if (roster == null) {
      throw new IllegalArgumentException(team + " is not in this league");
    }
    return roster;
  }

  private PlayerName inactivePlayer(NbaTeam team) {
    PlayerName name = inactive.get(team);
    if (name == null) {
      throw new IllegalArgumentException(team + " is not in this league");
    }
    return name;
  }

  private static String city(NbaTeam team) {
    String full = team.fullName();
    return full.endsWith(" " + team.nickname())
        ? full.substring(0, full.length() - team.nickname().length() - 1)
        : full;
  }

  private static int[] minutes(Random random, List<Player> playing) {
    int total = 240 * 60;
    double[] weights = new double[playing.size()];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = Math.max(1, playing.get(i).meanMinutes() + random.nextGaussian() * 3);
      sum += weights[i];
    }
    int[] seconds = new int[weights.length];
    int assigned = 0;
    for (int i = 0; i < weights.length; i++) {
      seconds[i] = (int) (total * weights[i] / sum);
      assigned += seconds[i];
    }
    seconds[0] += total - assigned;
    return seconds;
  }

  private static StatLine statLine(Random random, Player player, int seconds) {
    double expected = player.meanPoints() * seconds / (player.meanMinutes() * 60);
    int points = (int) Math.max(0, Math.round(expected + random.nextGaussian() * 4));
    int threes =
        Math.min(points / 3, (int) Math.round(points * (0.1 + random.nextDouble() * 0.2) / 3));
    int rest = points - 3 * threes;
    int freeThrows = Math.min(rest, random.nextInt(Math.max(1, rest / 4 + 1)));
    if ((rest - freeThrows) % 2 != 0) {
      freeThrows += freeThrows < rest ? 1 : -1;
    }
    int twos = (rest - freeThrows) / 2;
    int fieldGoals = twos + threes;
    int fieldGoalAttempts = fieldGoals + random.nextInt(fieldGoals + 3);
    int threeAttempts = threes + random.nextInt(threes + 2);
    if (threeAttempts > fieldGoalAttempts) {
      fieldGoalAttempts = threeAttempts + twos;
    }
    int freeThrowAttempts = freeThrows + random.nextInt(3);
    int offensive = random.nextInt(3);
    int defensive = random.nextInt(7);
    return new StatLine(
        StatLine.clock(seconds),
        fieldGoals,
        fieldGoalAttempts,
        threes,
        threeAttempts,
        freeThrows,
        freeThrowAttempts,
        offensive,
        defensive,
        offensive + defensive,
        random.nextInt(8),
        random.nextInt(5),
        random.nextInt(3),
        random.nextInt(4),
        random.nextInt(2),
        random.nextInt(31) - 15,
        points);
  }

  private static List<Integer> periods(Random random, int points) {
    List<Integer> periods = new ArrayList<>();
    int left = points;
    for (int i = 0; i < 3; i++) {
      int share = Math.min(left, points / 4 + random.nextInt(7) - 3);
      share = Math.max(0, share);
      periods.add(share);
      left -= share;
    }
    periods.add(left);
    return periods;
  }

  private static String jersey(Random random, Set<String> used) {
    while (true) {
      String candidate = Integer.toString(random.nextInt(100));
      if (used.add(candidate)) {
        return candidate;
      }
    }
  }

  private static String uniqueName(Random random, Set<String> used) {
    while (true) {
      String candidate =
          FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
      if (used.add(candidate)) {
        return candidate;
      }
    }
  }
}
