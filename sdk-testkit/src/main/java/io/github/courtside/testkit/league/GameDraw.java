package io.github.courtside.testkit.league;

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
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws one game's box score whose identities hold by construction: each team's minutes sum to
 * 240:00 plus 25:00 per overtime, every line's points are 2·FGM + 3PM + FTM with makes never above
 * attempts and missed threes never above missed field goals, OR + DR = TOT, the TOTALS row is the
 * column sums, the periods add up to the final score, the final scores differ, and each team's
 * plus/minus sums to five times its margin. The size scales the roster sizes, the chance of
 * overtime, the DNP/DND/NWT and inactive counts and how exotic the names are.
 */
final class GameDraw {
  private static final String[] PLAIN_FIRST = {
    "Max", "Josh", "Evan", "Aaron", "Marcus", "Jalen", "Tyrese", "Darius", "Kevin", "Scotty"
  };
  private static final String[] PLAIN_LAST = {
    "Brown", "Green", "Smith", "Jones", "Fox", "Bane", "Hayes", "Smart", "Murray", "Reaves"
  };
  private static final String[] FIRST = {
    "Luka", "Nikola", "De’Aaron", "Day'Ron", "Jusuf", "Dāvis", "Kristaps", "Álex", "Ömer",
    "Alperen", "GG", "Santi", "Théo", "Žiga", "Bogdan", "Dennis", "Vasilije", "Karl-Anthony",
    "D'Angelo", "Moussa", "Nickeil", "O’Neale", "Shai"
  };
  private static final String[] LAST = {
    "Dončić",
    "Jokić",
    "Nurkić",
    "Bertāns",
    "Porziņģis",
    "Abrines",
    "Yurtseven",
    "Şengün",
    "LaRavia",
    "Aldama",
    "Maledon",
    "Samanič",
    "Bogdanović",
    "Schröder",
    "Valančiūnas",
    "Mićić",
    "O'Bryant",
    "Diabaté",
    "Smith-Jones",
    "Alexander-Walker",
    "McDermott",
    "Gilgeous-Alexander",
    "O’Neale",
    "Hernangómez",
    "Peña",
    "Müller"
  };
  private static final String[] SUFFIX = {" Jr.", " Sr.", " II", " III", " IV"};
  private static final String[] DNP_REASONS = {
    "Coach's Decision",
    "Coach’s Decision",
    "Coach’s decision",
    "Injury/Illness - Right Foot; Strain",
    "Injury/Illness - Left Knee; Injury Recovery",
    "Health and Safety Protocols",
    "Personal Reasons",
    "Rest"
  };
  private static final String[] NWT_REASONS = {
    "Personal Reasons", "Not With Team", "Family Reasons", "Rest", "Injury/Illness - Illness"
  };
  private static final String[] INACTIVE_REASONS = {
    "Injury/Illness - Lumbar; Disc Bulge",
    "G League - Two-Way",
    "G League - On Assignment",
    "Personal",
    "Injury/Illness - Left Ankle, Right Foot; Sprain",
    "Injury/Illness - Right Groin; Low Back Injury Recovery",
    "League Suspension",
    "Coach’s Decision",
    "Not With Team"
  };
  private static final String[][] VENUES = {
    {"Rocket Mortgage FieldHouse", "Cleveland", "OH"},
    {"FedExForum", "Memphis", "TN"},
    {"Madison Square Garden", "New York", "NY"},
    {"Crypto.com Arena", "Los Angeles", "CA"},
    {"Scotiabank Arena", "Toronto", "ON"},
    {"Smoothie King Center", "New Orleans", "LA"}
  };
  private static final String[] POSITIONS = {"F", "F", "C", "G", "G"};
  private static final int REGULATION = 240 * 60;
  private static final int OVERTIME = 25 * 60;

  private final SplittableRandom random;
  private final int size;

  GameDraw(SplittableRandom random, int size) {
    this.random = random;
    this.size = Math.max(0, Math.min(100, size));
  }

  /** A whole game between two distinct teams drawn here. */
  Gamebook game() {
    NbaTeam[] all = NbaTeam.values();
    NbaTeam away = all[random.nextInt(all.length)];
    NbaTeam home = all[random.nextInt(all.length)];
    while (home == away) {
      home = all[random.nextInt(all.length)];
    }
    LocalDate date = LocalDate.of(2021, 10, 19).plusDays(random.nextInt(1500));
    return game(date, away, home);
  }

  /** A game of two teams on a date. */
  Gamebook game(LocalDate date, NbaTeam away, NbaTeam home) {
    int overtimes = chance(0.12) ? 1 + (chance(0.2) ? 1 : 0) + (chance(0.05) ? 1 : 0) : 0;
    boolean longTables = size > 60 && random.nextInt(5) == 0;
    String[] venue = VENUES[random.nextInt(VENUES.length)];
    List<Official> officials = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      officials.add(new Official(1 + random.nextInt(99), name(new HashSet<>(), true)));
    }
    GameInfo info =
        new GameInfo(
            Optional.of(date),
            Optional.of(team(TeamSide.AWAY, away)),
            Optional.of(team(TeamSide.HOME, home)),
            Optional.of(venue[0]),
            Optional.of(venue[1]),
            Optional.of(venue[2]),
            officials,
            Optional.of(
                (1 + random.nextInt(2))
                    + ":"
                    + String.format(Locale.ROOT, "%02d", random.nextInt(60))),
            OptionalInt.of(9_000 + random.nextInt(12_000)),
            chance(0.5) ? Optional.of("Sellout") : Optional.empty());
    List<List<StatLine>> lines = new ArrayList<>();
    int[] playersPerSide = new int[2];
    for (TeamSide side : TeamSide.values()) {
      int players = longTables ? 17 + random.nextInt(5) : 5 + scaled(8);
      playersPerSide[side.ordinal()] = players;
      lines.add(lines(players, REGULATION + OVERTIME * overtimes));
    }
    breakTie(lines);
    plusMinus(lines);

    List<ActivePlayer> active = new ArrayList<>();
    List<NonPlayingPlayer> dnp = new ArrayList<>();
    List<InactivePlayer> inactive = new ArrayList<>();
    List<TeamTotals> totals = new ArrayList<>();
    List<PeriodScores> scores = new ArrayList<>();
    for (TeamSide side : TeamSide.values()) {
      Set<String> used = new HashSet<>();
      Set<String> jerseys = new HashSet<>();
      List<StatLine> team = lines.get(side.ordinal());
      for (int i = 0; i < team.size(); i++) {
        active.add(
            new ActivePlayer(
                side,
                jersey(jerseys),
                PlayerName.of(name(used, true)),
                i < 5 ? Optional.of(POSITIONS[i]) : Optional.empty(),
                team.get(i)));
      }
      StatLine sums = sum(team, REGULATION + OVERTIME * overtimes);
      totals.add(new TeamTotals(side, sums));
      scores.add(new PeriodScores(side, periods(sums.points(), 4 + overtimes), sums.points()));
      int nonPlaying = longTables ? 4 + random.nextInt(3) : scaled(4);
      for (int i = 0; i < nonPlaying; i++) {
        NonPlayingCategory category = category();
        String reason =
            category == NonPlayingCategory.NWT
                ? pick(NWT_REASONS)
                : category == NonPlayingCategory.DND && chance(0.5)
                    ? "Injury/Illness - Left Hamstring; Soreness"
                    : pick(DNP_REASONS);
        dnp.add(
            new NonPlayingPlayer(
                side, jersey(jerseys), PlayerName.of(name(used, true)), category, reason));
      }
      int inactives = longTables ? 8 + random.nextInt(4) : scaled(6);
      for (int i = 0; i < inactives; i++) {
        inactive.add(
            new InactivePlayer(side, PlayerName.of(name(used, false)), pick(INACTIVE_REASONS)));
      }
    }
    return Gamebook.of(info, active, dnp, inactive, totals, scores);
  }

  private GameTeam team(TeamSide side, NbaTeam team) {
    String printed =
        size > 0 && random.nextInt(5) == 0
            ? team.fullName().toUpperCase(Locale.ROOT)
            : team.fullName();
    int wins = random.nextInt(60);
    return new GameTeam(side, printed, Optional.of(wins + "-" + random.nextInt(82 - wins)));
  }

  private NonPlayingCategory category() {
    int roll = size == 0 ? 0 : random.nextInt(10);
    return roll < 6
        ? NonPlayingCategory.DNP
        : roll < 8 ? NonPlayingCategory.DND : NonPlayingCategory.NWT;
  }

  private String jersey(Set<String> used) {
    while (true) {
      String candidate = random.nextInt(30) == 0 ? "00" : Integer.toString(random.nextInt(100));
      if (used.add(candidate)) {
        return candidate;
      }
    }
  }

  /** A name no other player of the team has (by lookup key, so no two rows are confused). */
  private String name(Set<String> used, boolean full) {
    while (true) {
      boolean exotic = random.nextInt(100) < size;
      String last =
          (exotic ? pick(LAST) : pick(PLAIN_LAST))
              + (exotic && random.nextInt(4) == 0 ? pick(SUFFIX) : "");
      String candidate = full ? (exotic ? pick(FIRST) : pick(PLAIN_FIRST)) + " " + last : last;
      if (used.add(PlayerName.of(candidate).lookupKey())) {
        return candidate;
      }
    }
  }

  private List<StatLine> lines(int players, int teamSeconds) {
    int[] seconds = minutes(players, teamSeconds);
    List<StatLine> lines = new ArrayList<>(players);
    for (int i = 0; i < players; i++) {
      lines.add(statLine(seconds[i]));
    }
    return lines;
  }

  /**
   * Splits the team's seconds over its players, starters weighted up, nobody above the game's
   * length and everybody at least one second.
   */
  private int[] minutes(int players, int teamSeconds) {
    int cap = teamSeconds / 5;
    double[] weights = new double[players];
    double sum = 0;
    for (int i = 0; i < players; i++) {
      weights[i] = i < 5 ? 30 + random.nextInt(15) : 1 + random.nextInt(25);
      sum += weights[i];
    }
    int[] seconds = new int[players];
    int assigned = 0;
    for (int i = 0; i < players; i++) {
      seconds[i] = Math.max(1, Math.min(cap, (int) (teamSeconds * weights[i] / sum)));
      assigned += seconds[i];
    }
    int left = teamSeconds - assigned;
    for (int i = 0; left != 0; i = (i + 1) % players) {
      int step = left > 0 ? Math.min(left, cap - seconds[i]) : Math.max(left, 1 - seconds[i]);
      seconds[i] += step;
      left -= step;
    }
    return seconds;
  }

  private StatLine statLine(int seconds) {
    double share = seconds / 2880.0;
    int twoAttempts = random.nextInt(1 + (int) Math.round(16 * share));
    int twosMade = twoAttempts == 0 ? 0 : random.nextInt(twoAttempts + 1);
    int threeAttempts = random.nextInt(1 + (int) Math.round(10 * share));
    int threesMade = threeAttempts == 0 ? 0 : random.nextInt(threeAttempts + 1);
    int freeThrowAttempts = random.nextInt(1 + (int) Math.round(10 * share));
    int freeThrowsMade = freeThrowAttempts == 0 ? 0 : random.nextInt(freeThrowAttempts + 1);
    int offensive = random.nextInt(1 + (int) Math.round(4 * share));
    int defensive = random.nextInt(1 + (int) Math.round(10 * share));
    int fieldGoals = twosMade + threesMade;
    return new StatLine(
        StatLine.clock(seconds),
        fieldGoals,
        twoAttempts + threeAttempts,
        threesMade,
        threeAttempts,
        freeThrowsMade,
        freeThrowAttempts,
        offensive,
        defensive,
        offensive + defensive,
        random.nextInt(1 + (int) Math.round(10 * share)),
        random.nextInt(1 + Math.min(6, (int) Math.round(6 * share))),
        random.nextInt(1 + (int) Math.round(3 * share)),
        random.nextInt(1 + (int) Math.round(5 * share)),
        random.nextInt(1 + (int) Math.round(3 * share)),
        0,
        2 * fieldGoals + threesMade + freeThrowsMade);
  }

  /** A tied final would have gone to another overtime: one more made free throw decides it. */
  private void breakTie(List<List<StatLine>> lines) {
    int away = points(lines.get(0));
    int home = points(lines.get(1));
    if (away != home) {
      return;
    }
    List<StatLine> winner = lines.get(random.nextInt(2));
    int who = random.nextInt(winner.size());
    StatLine s = winner.get(who);
    int[] c = s.columns();
    c[4]++;
    c[5]++;
    c[15]++;
    winner.set(who, StatLine.of(s.minutes(), c));
  }

  /** Plus/minus per player such that a team's sum is five times its margin. */
  private void plusMinus(List<List<StatLine>> lines) {
    int margin = points(lines.get(0)) - points(lines.get(1));
    for (int side = 0; side < 2; side++) {
      List<StatLine> team = lines.get(side);
      int target = 5 * (side == 0 ? margin : -margin);
      int[] values = new int[team.size()];
      int sum = 0;
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextInt(31) - 15;
        sum += values[i];
      }
      int diff = target - sum;
      for (int i = 0; i < values.length; i++) {
        values[i] +=
            diff / values.length + (i < Math.abs(diff % values.length) ? Integer.signum(diff) : 0);
      }
      for (int i = 0; i < values.length; i++) {
        int[] c = team.get(i).columns();
        c[14] = values[i];
        team.set(i, StatLine.of(team.get(i).minutes(), c));
      }
    }
  }

  private static int points(List<StatLine> team) {
    return team.stream().mapToInt(StatLine::points).sum();
  }

  static StatLine sum(List<StatLine> team, int teamSeconds) {
    int[] sums = new int[16];
    for (StatLine line : team) {
      int[] c = line.columns();
      for (int k = 0; k < 16; k++) {
        sums[k] += c[k];
      }
    }
    return StatLine.of(StatLine.clock(teamSeconds), sums);
  }

  private List<Integer> periods(int points, int count) {
    List<Integer> periods = new ArrayList<>();
    int left = points;
    int regulation = (int) Math.round(points * 48.0 / (48 + 5 * (count - 4)));
    for (int i = 0; i < count - 1; i++) {
      int expected = i < 4 ? regulation / 4 : (points - regulation) / Math.max(1, count - 4);
      int share = Math.max(0, Math.min(left, expected + random.nextInt(9) - 4));
      periods.add(share);
      left -= share;
    }
    periods.add(left);
    return periods;
  }

  private boolean chance(double p) {
    return random.nextDouble() * 100 < p * size;
  }

  /** A count from 0 to {@code max} scaled by the size. */
  private int scaled(int max) {
    int bound = (int) Math.round(max * size / 100.0);
    return bound == 0 ? 0 : random.nextInt(bound + 1);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
