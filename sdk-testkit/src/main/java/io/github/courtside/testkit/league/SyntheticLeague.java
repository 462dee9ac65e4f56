package io.github.courtside.testkit.league;

import io.github.courtside.core.tracking.TrackingSummary;
import io.github.courtside.models.feature.FeatureRequest;
import io.github.courtside.models.feature.FeatureSource;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deterministic synthetic league and its regular season: teams with their own pace, offence and
 * defence; rosters whose scoring follows each player's average, form, minutes, rest (back-to-backs
 * cost points), the opponent and teammates out; injuries that keep players out for spells of games,
 * and coach's-decision DNPs; a bookmaker whose prop lines are a noisy recent average that moves
 * between opening and close. Box scores satisfy the gamebook identities (240 team minutes, points =
 * 2·FGM + 3PM + FTM, OR + DR = TOT, team points = sum of players).
 *
 * <p>The whole season is simulated when the league is made: the same seed, team count, first day
 * and games per team give the same games, lines and box scores.
 *
 * <pre>{@code
 * SyntheticLeague league = new SyntheticLeague(7L, 8, LocalDate.of(2024, 10, 22), 20);
 * for (LocalDate date : league.dates()) {
 *   for (SyntheticLeague.Matchup game : league.games(date)) {
 *     Gamebook box = league.play(game);   // render it with GamebookPdfWriter
 *   }
 * }
 * }</pre>
 */
public final class SyntheticLeague {
  private static final String[] FIRST = {
    "Luka",
    "Nikola",
    "Jalen",
    "Tyrese",
    "De'Aaron",
    "Jaren",
    "Darius",
    "Evan",
    "Scottie",
    "Alperen",
    "Bojan",
    "Jusuf",
    "Théo",
    "Moussa",
    "Killian",
    "Aaron",
    "Marcus",
    "Jonas",
    "Desmond",
    "Josh",
    "Zion",
    "Franz",
    "Cade",
    "Jabari",
    "Keegan",
    "Onyeka",
    "Walker",
    "Dyson",
    "Bennedict",
    "André"
  };
  private static final String[] LAST = {
    "Brunson", "Haliburton", "Fox", "Jackson Jr.", "Garland", "Mobley", "Barnes", "Maledon",
    "Diabaté", "Hayes", "Gordon", "Smart", "Bane", "O’Neale", "Porter Jr.", "Morris Sr.",
    "Walker III", "Green II", "Kuminga", "Wembanyama", "Holmgren", "Murray", "Sabonis", "Okongwu",
    "Daniels", "Wagner", "Cunningham", "Smith Jr.", "Murphy III", "Kessler", "Suggs", "Thybulle",
    "Reaves", "Müller", "Peña", "Hernangómez", "Nogueira", "Çelik", "Dávila", "Saß"
  };

  /**
   * Names that Helvetica's WinAnsi encoding cannot print: the gamebook embeds a Unicode font for
   * them, as real gamebooks do. One per team of the first few, so that most gamebooks stay cheap to
   * render.
   */
  private static final String[] INTERNATIONAL = {"Luka Dončić", "Nikola Jokić", "Alperen Şengün"};

  private static final String[] POSITIONS = {"G", "G", "F", "F", "C"};
  private static final int ROTATION = 12;
  private static final String INJURY = "Injury/Illness - Left Ankle; Sprain";

  /**
   * One rostered player and how he plays.
   *
   * @param team his team
   * @param jersey his jersey number
   * @param name his printed name
   * @param position the starter's position letter; bench players have none
   * @param meanPoints points per game at his mean minutes
   * @param meanMinutes minutes per game
   * @param paint share of his shots in the paint
   * @param mid share of his shots from mid range
   * @param three share of his shots from three
   */
  public record Player(
      NbaTeam team,
      String jersey,
      PlayerName name,
      Optional<String> position,
      double meanPoints,
      double meanMinutes,
      double paint,
      double mid,
      double three) {
    /** His lookup key ({@link PlayerName#lookupKey()}), unique in the league. */
    public String key() {
      return name.lookupKey();
    }

    /** Whether he starts (has a position). */
    public boolean starter() {
      return position.isPresent();
    }
  }

  /**
   * Two teams meeting on a date.
   *
   * @param date the game date
   * @param away the visitor
   * @param home the home team
   */
  public record Matchup(LocalDate date, NbaTeam away, NbaTeam home) {
    /** "YYYYMMDD_AAA_HHH". */
    public String gameId() {
      return date.toString().replace("-", "") + "_" + away.tricode() + "_" + home.tricode();
    }

    /** The team of one side. */
    public NbaTeam team(TeamSide side) {
      return side == TeamSide.AWAY ? away : home;
    }
  }

  /** A team's style: possessions per 48 minutes and points per 100 possessions. */
  private record Style(double pace, double offense, double defense) {}

  /**
   * What is known of a player before a game: whether he is listed out, the bookmaker's lines, the
   * upstream feature-store values, whether the feature store has his shot zones, and whether the
   * opening line was captured.
   *
   * @param player the player
   * @param matchup the game
   * @param side his team's side
   * @param listedOut whether he is on the injury list before the game
   * @param openingLine the bookmaker's opening points line
   * @param line the closing points line (the opening line moved toward the bookmaker's estimate)
   * @param restDays days of rest of his team before the game (3 before its first game)
   * @param backToBack whether his team played the day before
   * @param teammatesOut how many starters of his team are out
   * @param staleUpstream whether the feature store's precompute was stale (values tagged fallback)
   * @param shotZonesMissing whether the feature store has no shot zones for him
   * @param openingMissing whether the opening line was not captured
   */
  public record Pregame(
      Player player,
      Matchup matchup,
      TeamSide side,
      boolean listedOut,
      double openingLine,
      double line,
      int restDays,
      boolean backToBack,
      int teammatesOut,
      boolean staleUpstream,
      boolean shotZonesMissing,
      boolean openingMissing) {}

  private final long seed;
  private final List<NbaTeam> teams;
  private final Map<NbaTeam, List<Player>> rosters = new EnumMap<>(NbaTeam.class);
  private final Map<NbaTeam, Style> styles = new EnumMap<>(NbaTeam.class);
  private final TreeMap<LocalDate, List<Matchup>> schedule = new TreeMap<>();
  private final Map<String, Gamebook> gamebooks = new HashMap<>();
  private final Map<String, List<Pregame>> pregames = new HashMap<>();
  private final Map<String, double[]> teamRecords = new HashMap<>();

  /**
   * Simulates a season.
   *
   * @param seed the seed: the same seed and sizes give the same season
   * @param teamCount an even number of teams from 2 to 30
   * @param firstDay the first game date
   * @param gamesPerTeam games each team plays, at least 1
   */
  public SyntheticLeague(long seed, int teamCount, LocalDate firstDay, int gamesPerTeam) {
    if (teamCount < 2 || teamCount % 2 != 0 || teamCount > NbaTeam.values().length) {
      throw new IllegalArgumentException("the league needs an even number of teams from 2 to 30");
    }
    if (gamesPerTeam < 1) {
      throw new IllegalArgumentException("every team plays at least one game");
    }
    this.seed = seed;
    Random random = new Random(seed);
    List<NbaTeam> all = new ArrayList<>(List.of(NbaTeam.values()));
    Collections.shuffle(all, random);
    this.teams = List.copyOf(all.subList(0, teamCount));
    Set<String> names = new HashSet<>();
    for (NbaTeam team : teams) {
      styles.put(
          team,
          new Style(
              96 + random.nextDouble() * 8,
              108 + random.nextDouble() * 10,
              106 + random.nextDouble() * 12));
      List<Player> roster = new ArrayList<>();
      Set<String> jerseys = new HashSet<>();
      int teamIndex = rosters.size();
      for (int i = 0; i < ROTATION; i++) {
        String name =
            i == 0
                    && teamIndex < INTERNATIONAL.length
                    && names.add(PlayerName.of(INTERNATIONAL[teamIndex]).lookupKey())
                ? INTERNATIONAL[teamIndex]
                : uniqueName(random, names);
        double minutes = i < 5 ? 28 + random.nextInt(10) : 8 + random.nextInt(16);
        double pointsPerMinute = 0.25 + random.nextDouble() * 0.45;
        double three = 0.15 + random.nextDouble() * 0.35;
        double paint = (1 - three) * (0.45 + random.nextDouble() * 0.35);
        roster.add(
            new Player(
                team,
                jersey(random, jerseys),
                PlayerName.of(name),
                i < 5 ? Optional.of(POSITIONS[i]) : Optional.empty(),
                minutes * pointsPerMinute,
                minutes,
                paint,
                Math.max(0, 0.85 - three - paint),
                three));
      }
      rosters.put(team, List.copyOf(roster));
    }
    schedule(random, firstDay, gamesPerTeam);
    simulate();
  }

  /** The teams of the league. */
  public List<NbaTeam> teams() {
    return teams;
  }

  /** The game dates of the season, ascending. */
  public List<LocalDate> dates() {
    return List.copyOf(schedule.keySet());
  }

  /** The games of a date (none when no game is scheduled). */
  public List<Matchup> games(LocalDate date) {
    return schedule.getOrDefault(date, List.of());
  }

  /** How many games the season has. */
  public int gameCount() {
    return gamebooks.size();
  }

  /** The gamebook of a matchup of the season. */
  public Gamebook play(Matchup matchup) {
    Gamebook gamebook = gamebooks.get(matchup.gameId());
    if (gamebook == null) {
      throw new IllegalArgumentException(matchup.gameId() + " is not a game of this season");
    }
    return gamebook;
  }

  /** What is known before a game of every rotation player of both teams, away team first. */
  public List<Pregame> pregame(Matchup matchup) {
    return pregames.getOrDefault(matchup.gameId(), List.of());
  }

  /**
   * The feature request of a player before a game: the bookmaker's lines and the feature store's
   * upstream values (shot zones absent when it has none for the player; tagged {@code fallback}
   * when the precompute was stale).
   */
  public FeatureRequest featureRequest(Pregame pregame) {
    Matchup matchup = pregame.matchup();
    boolean atHome = pregame.side() == TeamSide.HOME;
    NbaTeam team = matchup.team(pregame.side());
    NbaTeam opponent = atHome ? matchup.away() : matchup.home();
    Style own = style(team);
    Style other = style(opponent);
    FeatureRequest.Builder request =
        FeatureRequest.builder(pregame.player().key(), matchup.date())
            .opponent(opponent.tricode())
            .home(atHome)
            .line(pregame.line());
    if (!pregame.openingMissing()) {
      request.openingLine(pregame.openingLine());
    }
    FeatureSource source =
        pregame.staleUpstream() ? FeatureSource.FALLBACK : FeatureSource.CALCULATED;
    double fatigue =
        Math.min(
            100,
            Math.max(
                0, 40 + (pregame.backToBack() ? 25 : 0) - 5 * Math.min(pregame.restDays(), 4)));
    request
        .upstream("fatigue_score", fatigue, source)
        .upstream(
            "shot_zone_mismatch_score",
            clamp((pregame.player().paint() - 0.4) * 20 + (other.defense() - 112) * 0.5, 15),
            source)
        .upstream("pace_score", clamp((own.pace() + other.pace()) / 2 - 100, 8), source)
        .upstream("usage_spike_score", clamp(1.5 * pregame.teammatesOut(), 8), source)
        .upstream("opponent_def_rating", other.defense(), source)
        .upstream("opponent_pace", other.pace(), source)
        .upstream("team_pace", own.pace(), source)
        .upstream("team_off_rating", own.offense(), source)
        .upstream("team_win_pct", winPct(team, matchup.date()), source);
    if (!pregame.shotZonesMissing()) {
      request
          .upstream("pct_paint", pregame.player().paint(), source)
          .upstream("pct_mid_range", pregame.player().mid(), source)
          .upstream("pct_three", pregame.player().three(), source);
    }
    return request.build();
  }

  private double winPct(NbaTeam team, LocalDate date) {
    double[] record = teamRecords.get(team.tricode() + "@" + date);
    return record == null || record[1] == 0 ? 0.5 : record[0] / record[1];
  }

  private static double clamp(double value, double bound) {
    return Math.max(-bound, Math.min(bound, value));
  }

  private Style style(NbaTeam team) {
    Style style = styles.get(team);
    if (style == null) {
      throw new IllegalArgumentException(team + " is not in this league");
    }
    return style;
  }

  /**
   * A regular season: repeated round robins (circle method) until every team has its games, laid on
   * dates greedily: each date takes games in order whose teams are free that day and did not play
   * both days before, up to a date's capacity (5 to 10 games for a 30-team league, scaled for a
   * smaller one), so that rest days and back-to-backs fall as they do in the NBA.
   */
  private void schedule(Random random, LocalDate firstDay, int gamesPerTeam) {
    int n = teams.size();
    Deque<Matchup> pending = new ArrayDeque<>();
    for (int round = 0; round < gamesPerTeam; round++) {
      List<NbaTeam> circle = new ArrayList<>(teams);
      NbaTeam fixed = circle.remove(0);
      if (n > 2) {
        Collections.rotate(circle, round % (n - 1));
      }
      circle.add(0, fixed);
      List<Matchup> games = new ArrayList<>();
      for (int i = 0; i < n / 2; i++) {
        NbaTeam a = circle.get(i);
        NbaTeam b = circle.get(n - 1 - i);
        boolean swap = (round / Math.max(1, n - 1) + round + i) % 2 == 1;
        games.add(new Matchup(firstDay, swap ? b : a, swap ? a : b));
      }
      pending.addAll(games);
    }
    Map<NbaTeam, LocalDate> last = new EnumMap<>(NbaTeam.class);
    Map<NbaTeam, LocalDate> beforeLast = new EnumMap<>(NbaTeam.class);
    LocalDate date = firstDay;
    while (!pending.isEmpty()) {
      int capacity = Math.max(1, (int) Math.round(n / 2.0 * (0.33 + random.nextDouble() * 0.34)));
      Set<NbaTeam> busy = EnumSet.noneOf(NbaTeam.class);
      List<Matchup> today = new ArrayList<>();
      Iterator<Matchup> queue = pending.iterator();
      int looked = 0;
      while (queue.hasNext() && today.size() < capacity && looked < 3 * n) {
        Matchup game = queue.next();
        looked++;
        if (busy.contains(game.away()) || busy.contains(game.home())) {
          continue;
        }
        if (thirdInARow(game.away(), date, last, beforeLast)
            || thirdInARow(game.home(), date, last, beforeLast)) {
          continue;
        }
        queue.remove();
        busy.add(game.away());
        busy.add(game.home());
        today.add(new Matchup(date, game.away(), game.home()));
      }
      for (NbaTeam team : busy) {
        LocalDate previous = last.get(team);
        if (previous != null) {
          beforeLast.put(team, previous);
        }
        last.put(team, date);
      }
      if (!today.isEmpty()) {
        schedule.put(date, List.copyOf(today));
      }
      date = date.plusDays(1);
    }
  }

  private static boolean thirdInARow(
      NbaTeam team, LocalDate date, Map<NbaTeam, LocalDate> last, Map<NbaTeam, LocalDate> before) {
    return date.minusDays(1).equals(last.get(team)) && date.minusDays(2).equals(before.get(team));
  }

  /** Plays the season in date order: lines from what the bookmaker has seen, then the games. */
  private void simulate() {
    Map<String, List<Integer>> pointsByPlayer = new HashMap<>();
    Map<String, Double> form = new HashMap<>();
    Map<String, Integer> injuredFor = new HashMap<>();
    Map<NbaTeam, LocalDate> lastGame = new EnumMap<>(NbaTeam.class);
    Map<NbaTeam, int[]> records = new EnumMap<>(NbaTeam.class);
    for (Map.Entry<LocalDate, List<Matchup>> day : schedule.entrySet()) {
      for (Matchup matchup : day.getValue()) {
        Random random = new Random(seed * 31 + matchup.gameId().hashCode());
        for (TeamSide side : TeamSide.values()) {
          NbaTeam team = matchup.team(side);
          int[] record = records.computeIfAbsent(team, t -> new int[2]);
          teamRecords.put(
              team.tricode() + "@" + matchup.date(), new double[] {record[0], record[1]});
        }
        List<Pregame> known = new ArrayList<>();
        List<ActivePlayer> active = new ArrayList<>();
        List<NonPlayingPlayer> dnp = new ArrayList<>();
        List<InactivePlayer> inactive = new ArrayList<>();
        List<TeamTotals> totals = new ArrayList<>();
        List<PeriodScores> scores = new ArrayList<>();
        int[] teamPoints = new int[2];
        for (TeamSide side : TeamSide.values()) {
          NbaTeam team = matchup.team(side);
          NbaTeam opponent = matchup.team(side == TeamSide.AWAY ? TeamSide.HOME : TeamSide.AWAY);
          LocalDate previous = lastGame.get(team);
          int rest =
              previous == null ? 3 : (int) ChronoUnit.DAYS.between(previous, matchup.date()) - 1;
          boolean backToBack = rest == 0;
          List<Player> playing = new ArrayList<>();
          List<Player> out = new ArrayList<>();
          List<Pregame> sidePregames = new ArrayList<>();
          for (Player player : roster(team)) {
            int spell = injuredFor.getOrDefault(player.key(), 0);
            boolean listedOut = spell > 0;
            boolean hurtToday = !listedOut && random.nextInt(110) == 0;
            if (listedOut) {
              injuredFor.put(player.key(), spell - 1);
            } else if (hurtToday) {
              injuredFor.put(player.key(), random.nextInt(8));
            }
            boolean coachDecision =
                !listedOut && !hurtToday && !player.starter() && random.nextInt(14) == 0;
            if (listedOut || hurtToday) {
              out.add(player);
              inactive.add(new InactivePlayer(side, player.name(), INJURY));
            } else if (coachDecision) {
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
            List<Integer> history = pointsByPlayer.getOrDefault(player.key(), List.of());
            double opening = bookLine(player, history, random);
            double expected = player.meanPoints() * form.getOrDefault(player.key(), 1.0);
            // Whole points, so that the line stays on the half point: no pushes.
            double move = Math.round((expected - opening) * 0.3 + random.nextGaussian() * 0.5);
            double line = Math.max(0.5, opening + move);
            sidePregames.add(
                new Pregame(
                    player,
                    matchup,
                    side,
                    listedOut,
                    opening,
                    line,
                    rest,
                    backToBack,
                    0,
                    random.nextInt(15) == 0,
                    random.nextInt(60) == 0,
                    random.nextInt(12) == 0));
          }
          int starsOut = (int) out.stream().filter(Player::starter).count();
          for (Pregame p : sidePregames) {
            known.add(
                new Pregame(
                    p.player(),
                    p.matchup(),
                    p.side(),
                    p.listedOut(),
                    p.openingLine(),
                    p.line(),
                    p.restDays(),
                    p.backToBack(),
                    starsOut,
                    p.staleUpstream(),
                    p.shotZonesMissing(),
                    p.openingMissing()));
          }
          Style own = style(team);
          Style other = style(opponent);
          double environment =
              (own.pace() + other.pace())
                  / 200
                  * Math.pow(112 / other.defense(), 1.5)
                  * (own.offense() / 113)
                  * (backToBack ? 0.93 : 1.0)
                  * (1 + 0.07 * starsOut);
          int[] seconds = minutes(random, playing);
          int[] sums = new int[16];
          for (int i = 0; i < playing.size(); i++) {
            Player player = playing.get(i);
            double playerForm =
                0.8 * form.getOrDefault(player.key(), 1.0)
                    + 0.2 * (1 + random.nextGaussian() * 0.15);
            form.put(player.key(), Math.max(0.6, Math.min(1.4, playerForm)));
            double expected =
                player.meanPoints()
                    * playerForm
                    * environment
                    * seconds[i]
                    / (player.meanMinutes() * 60);
            StatLine line = statLine(random, player, seconds[i], expected);
            active.add(
                new ActivePlayer(side, player.jersey(), player.name(), player.position(), line));
            pointsByPlayer.computeIfAbsent(player.key(), k -> new ArrayList<>()).add(line.points());
            int[] columns = line.columns();
            for (int k = 0; k < sums.length; k++) {
              sums[k] += columns[k];
            }
          }
          teamPoints[side.ordinal()] = sums[15];
          totals.add(new TeamTotals(side, StatLine.of(StatLine.clock(240 * 60), sums)));
          scores.add(new PeriodScores(side, periods(random, sums[15]), sums[15]));
          lastGame.put(team, matchup.date());
        }
        boolean homeWon =
            teamPoints[TeamSide.HOME.ordinal()] >= teamPoints[TeamSide.AWAY.ordinal()];
        int[] home = records.computeIfAbsent(matchup.home(), t -> new int[2]);
        int[] away = records.computeIfAbsent(matchup.away(), t -> new int[2]);
        home[0] += homeWon ? 1 : 0;
        away[0] += homeWon ? 0 : 1;
        home[1]++;
        away[1]++;
        pregames.put(matchup.gameId(), List.copyOf(known));
        gamebooks.put(
            matchup.gameId(), gamebook(matchup, random, active, dnp, inactive, totals, scores));
      }
    }
  }

  /** The bookmaker's opening line: a weighted recent average with noise, on the half point. */
  private static double bookLine(Player player, List<Integer> history, Random random) {
    double base;
    if (history.isEmpty()) {
      base = player.meanPoints();
    } else {
      double sum = 0;
      double weights = 0;
      double weight = 1;
      for (int i = history.size() - 1; i >= Math.max(0, history.size() - 10); i--) {
        sum += weight * history.get(i);
        weights += weight;
        weight *= 0.85;
      }
      double recent = sum / weights;
      double prior = Math.min(1, history.size() / 10.0);
      base = prior * recent + (1 - prior) * player.meanPoints();
    }
    return Math.max(0.5, Math.floor(base + random.nextGaussian() * 1.2) + 0.5);
  }

  private Gamebook gamebook(
      Matchup matchup,
      Random random,
      List<ActivePlayer> active,
      List<NonPlayingPlayer> dnp,
      List<InactivePlayer> inactive,
      List<TeamTotals> totals,
      List<PeriodScores> scores) {
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
        inactive,
        totals,
        scores,
        List.of(),
        new TrackingSummary(matchup.gameId(), Map.of()),
        0,
        0);
  }

  /** The lookup keys of a team's rotation players. */
  public List<String> rosterKeys(NbaTeam team) {
    return roster(team).stream().map(Player::key).toList();
  }

  private List<Player> roster(NbaTeam team) {
    List<Player> roster = rosters.get(team);
    if (roster == null) {
      throw new IllegalArgumentException(team + " is not in this league");
    }
    return roster;
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
    if (seconds.length > 0) {
      seconds[0] += total - assigned;
    }
    return seconds;
  }

  private static StatLine statLine(Random random, Player player, int seconds, double expected) {
    int points =
        (int) Math.max(0, Math.round(expected + random.nextGaussian() * (3 + 0.12 * expected)));
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

  /** A name whose lookup key no other player of the league has. */
  private static String uniqueName(Random random, Set<String> used) {
    while (true) {
      String candidate =
          FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
      if (used.add(PlayerName.of(candidate).lookupKey())) {
        return candidate;
      }
    }
  }
}
