package io.github.courtside.scrapers.gamebook;

import io.github.courtside.scrapers.names.PlayerName;
import io.github.courtside.scrapers.teams.NbaTeam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

/**
 * Random but internally consistent games (box-score identities hold), with accented names, curly
 * apostrophes, suffixes, signed plus/minus, overtimes, reasons with commas and, sometimes, tables
 * long enough to run over a page.
 */
final class SyntheticGames {
  private static final String[] FIRST = {
    "Luka",
    "Nikola",
    "De’Aaron",
    "Day'Ron",
    "Jusuf",
    "Dāvis",
    "Kristaps",
    "Álex",
    "Ömer",
    "Alperen",
    "Scotty",
    "Jaren",
    "Gary",
    "Marcus",
    "GG",
    "Jake",
    "Santi",
    "Théo",
    "Žiga",
    "Bogdan",
    "Dennis",
    "Jonas",
    "Vasilije",
    "Kevin",
    "Anthony",
    "O’Neale",
    "Karl-Anthony",
    "D'Angelo",
    "Moussa"
  };
  private static final String[] LAST = {
    "Dončić",
    "Jokić",
    "Fox",
    "Sharpe",
    "Nurkić",
    "Bertāns",
    "Porziņģis",
    "Abrines",
    "Yurtseven",
    "Şengün",
    "Pippen",
    "Jackson",
    "Payton",
    "Morris",
    "LaRavia",
    "Aldama",
    "Maledon",
    "Samanič",
    "Bogdanović",
    "Schröder",
    "Valančiūnas",
    "Mićić",
    "Durant",
    "O'Bryant",
    "Towns",
    "Russell",
    "Diabaté",
    "Smith-Jones",
    "Alexander-Walker",
    "McDermott"
  };
  private static final String[] SUFFIX = {"", "", "", "", "", " Jr.", " Sr.", " II", " III", " IV"};
  private static final String[] DNP_REASONS = {
    "Coach's Decision",
    "Coach's decision",
    "Injury/Illness - Right Foot; Strain",
    "Injury/Illness - Left Knee; Injury Recovery",
    "Health and Safety Protocols",
    "Not With Team",
    "Personal Reasons"
  };
  private static final String[] INACTIVE_REASONS = {
    "Injury/Illness - Lumbar; Disc Bulge",
    "G League - Two-Way",
    "Personal",
    "Injury/Illness - Left Ankle, Right Foot; Sprain",
    "Injury/Illness - Right Groin; Low Back Injury Recovery",
    "League Suspension",
    "G League - On Assignment"
  };
  private static final String[][] VENUES = {
    {"Rocket Mortgage FieldHouse", "Cleveland", "OH"},
    {"FedExForum", "Memphis", "TN"},
    {"Madison Square Garden", "New York", "NY"},
    {"Crypto.com Arena", "Los Angeles", "CA"},
    {"Scotiabank Arena", "Toronto", "ON"},
    {"Smoothie King Center", "New Orleans", "LA"}
  };
  private static final List<NonPlayingCategory> CATEGORIES =
      List.of(NonPlayingCategory.DNP, NonPlayingCategory.DND, NonPlayingCategory.NWT);
  private static final String[] POSITIONS = {"F", "F", "C", "G", "G"};

  private SyntheticGames() {}

  static Gamebook game(long seed) {
    Random random = new Random(seed);
    NbaTeam[] all = NbaTeam.values();
    NbaTeam away = all[random.nextInt(all.length)];
    NbaTeam home = all[random.nextInt(all.length)];
    while (home == away) {
      home = all[random.nextInt(all.length)];
    }
    int overtimes = random.nextInt(8) == 0 ? 1 + random.nextInt(2) : 0;
    boolean longTables = random.nextInt(4) == 0;
    String[] venue = VENUES[random.nextInt(VENUES.length)];
    List<Official> officials = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      officials.add(new Official(1 + random.nextInt(99), name(random, false)));
    }
    GameInfo game =
        new GameInfo(
            Optional.of(LocalDate.of(2021, 10, 1).plusDays(random.nextInt(1500))),
            Optional.of(team(TeamSide.AWAY, away, random)),
            Optional.of(team(TeamSide.HOME, home, random)),
            Optional.of(venue[0]),
            Optional.of(venue[1]),
            Optional.of(venue[2]),
            officials,
            Optional.of(
                (1 + random.nextInt(2))
                    + ":"
                    + String.format(Locale.ROOT, "%02d", random.nextInt(60))),
            OptionalInt.of(9_000 + random.nextInt(12_000)),
            random.nextBoolean() ? Optional.of("Sellout") : Optional.empty());

    List<ActivePlayer> active = new ArrayList<>();
    List<NonPlayingPlayer> dnp = new ArrayList<>();
    List<InactivePlayer> inactive = new ArrayList<>();
    List<TeamTotals> totals = new ArrayList<>();
    List<PeriodScores> scores = new ArrayList<>();
    for (TeamSide side : TeamSide.values()) {
      Set<String> used = new HashSet<>();
      int players = longTables ? 17 + random.nextInt(5) : 8 + random.nextInt(6);
      int[] seconds = minutes(random, players, 240 * 60 + 25 * 60 * overtimes);
      int[] sums = new int[16];
      for (int i = 0; i < players; i++) {
        StatLine line = statLine(random, seconds[i]);
        active.add(
            new ActivePlayer(
                side,
                jersey(random),
                PlayerName.of(unique(random, used, true)),
                i < 5 ? Optional.of(POSITIONS[i]) : Optional.empty(),
                line));
        int[] c = line.columns();
        for (int k = 0; k < 16; k++) {
          sums[k] += c[k];
        }
      }
      totals.add(
          new TeamTotals(side, StatLine.of(StatLine.clock(240 * 60 + 25 * 60 * overtimes), sums)));
      scores.add(new PeriodScores(side, periods(random, sums[15], 4 + overtimes), sums[15]));
      int nonPlaying = longTables ? 4 + random.nextInt(3) : random.nextInt(5);
      for (int i = 0; i < nonPlaying; i++) {
        NonPlayingCategory category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        dnp.add(
            new NonPlayingPlayer(
                side,
                jersey(random),
                PlayerName.of(unique(random, used, true)),
                category,
                DNP_REASONS[random.nextInt(DNP_REASONS.length)]));
      }
      int inactives = longTables ? 8 + random.nextInt(4) : random.nextInt(6);
      for (int i = 0; i < inactives; i++) {
        inactive.add(
            new InactivePlayer(
                side,
                PlayerName.of(unique(random, used, false)),
                INACTIVE_REASONS[random.nextInt(INACTIVE_REASONS.length)]));
      }
    }
    return Gamebook.of(game, active, dnp, inactive, totals, scores);
  }

  private static GameTeam team(TeamSide side, NbaTeam team, Random random) {
    String printed =
        random.nextInt(5) == 0 ? team.fullName().toUpperCase(Locale.ROOT) : team.fullName();
    int wins = random.nextInt(60);
    return new GameTeam(side, printed, Optional.of(wins + "-" + random.nextInt(82 - wins)));
  }

  private static String jersey(Random random) {
    return random.nextInt(30) == 0 ? "00" : Integer.toString(random.nextInt(100));
  }

  private static String unique(Random random, Set<String> used, boolean full) {
    while (true) {
      String candidate = name(random, full);
      if (used.add(candidate)) {
        return candidate;
      }
    }
  }

  private static String name(Random random, boolean full) {
    String last = LAST[random.nextInt(LAST.length)] + SUFFIX[random.nextInt(SUFFIX.length)];
    return full ? FIRST[random.nextInt(FIRST.length)] + " " + last : last;
  }

  private static int[] minutes(Random random, int players, int total) {
    int[] seconds = new int[players];
    int[] weights = new int[players];
    int sum = 0;
    for (int i = 0; i < players; i++) {
      weights[i] = i < 5 ? 30 + random.nextInt(15) : 1 + random.nextInt(25);
      sum += weights[i];
    }
    int assigned = 0;
    for (int i = 0; i < players; i++) {
      seconds[i] = (int) ((long) total * weights[i] / sum);
      assigned += seconds[i];
    }
    seconds[0] += total - assigned;
    return seconds;
  }

  private static StatLine statLine(Random random, int seconds) {
    int fga = random.nextInt(25);
    int fgm = fga == 0 ? 0 : random.nextInt(fga + 1);
    int tpa = random.nextInt(fga + 1);
    int tpm = Math.min(fgm, tpa == 0 ? 0 : random.nextInt(tpa + 1));
    int fta = random.nextInt(16);
    int ftm = fta == 0 ? 0 : random.nextInt(fta + 1);
    int or = random.nextInt(6);
    int dr = random.nextInt(12);
    int plusMinus = random.nextInt(61) - 30;
    return new StatLine(
        StatLine.clock(seconds),
        fgm,
        fga,
        tpm,
        tpa,
        ftm,
        fta,
        or,
        dr,
        or + dr,
        random.nextInt(14),
        random.nextInt(7),
        random.nextInt(5),
        random.nextInt(7),
        random.nextInt(5),
        plusMinus,
        2 * fgm + tpm + ftm);
  }

  private static List<Integer> periods(Random random, int points, int count) {
    List<Integer> periods = new ArrayList<>();
    int left = points;
    for (int i = 0; i < count - 1; i++) {
      int share = left == 0 ? 0 : random.nextInt(left / (count - i) + 1) + left / (2 * (count - i));
      share = Math.min(share, left);
      periods.add(share);
      left -= share;
    }
    periods.add(left);
    return periods;
  }
}
