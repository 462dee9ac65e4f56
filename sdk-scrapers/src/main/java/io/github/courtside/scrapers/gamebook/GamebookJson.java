package io.github.courtside.scrapers.gamebook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.courtside.core.tracking.SectionProblem;
import io.github.courtside.core.tracking.SectionSummary;
import io.github.courtside.scrapers.JsonStyle;
import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.internal.JsonText;
import java.util.List;

/**
 * Writes a {@link Gamebook} as JSON in the shape of the old platform's golden files (spec §A.18):
 * {@code game_code, date, matchup, away_team, home_team, arena, city, state, location, officials,
 * game_duration, attendance, attendance_note, active_players, dnp_players, inactive_players,
 * total_players, active_count, dnp_count, inactive_count}, players with {@code name, team, status}
 * and {@code stats} / {@code dnp_reason + category} / {@code reason}. Header keys are present only
 * when the document printed them. Added keys: {@code data_status}, {@code failure_reason}, {@code
 * sections} (each section's status, counts and samples), {@code incomplete_sections}, {@code
 * box_score_checks}, {@code team_totals}, {@code score_by_periods}, and per player {@code
 * team_code}, {@code jersey_number}, {@code position}, {@code starter}, {@code player_lookup}.
 *
 * <p>{@code team} is the team's full name as its table header printed it, for inactive players too
 * (the old parser's nickname mapping could give "MEM (Away)", spec §A.14).
 *
 * <pre>{@code
 * String json = GamebookJson.toJson(gamebook);          // one line
 * String pretty = GamebookJson.toPrettyJson(gamebook);  // indented
 * }</pre>
 */
public final class GamebookJson {
  private static final ObjectMapper MAPPER = JsonText.MAPPER;

  private static final List<String> STAT_KEYS =
      List.of(
          "field_goals_made",
          "field_goals_attempted",
          "three_pointers_made",
          "three_pointers_attempted",
          "free_throws_made",
          "free_throws_attempted",
          "offensive_rebounds",
          "defensive_rebounds",
          "total_rebounds",
          "assists",
          "personal_fouls",
          "steals",
          "turnovers",
          "blocks",
          "plus_minus",
          "points");

  private GamebookJson() {}

  /** The gamebook as one line of JSON. */
  public static String toJson(Gamebook gamebook) {
    return toJson(gamebook, JsonStyle.COMPACT);
  }

  /** The gamebook as indented JSON. */
  public static String toPrettyJson(Gamebook gamebook) {
    return toJson(gamebook, JsonStyle.PRETTY);
  }

  /** The gamebook in the given style. */
  public static String toJson(Gamebook gamebook, JsonStyle style) {
    return JsonText.write(tree(gamebook), style, "gamebook");
  }

  static ObjectNode tree(Gamebook gamebook) {
    GameInfo game = gamebook.game();
    ObjectNode root = MAPPER.createObjectNode();
    game.gameCode().ifPresent(v -> root.put("game_code", v));
    game.date().ifPresent(v -> root.put("date", v.toString()));
    game.matchup().ifPresent(v -> root.put("matchup", v));
    game.away().flatMap(GameTeam::tricode).ifPresent(v -> root.put("away_team", v));
    game.home().flatMap(GameTeam::tricode).ifPresent(v -> root.put("home_team", v));
    game.away().ifPresent(v -> root.put("away_team_name", v.printedName()));
    game.home().ifPresent(v -> root.put("home_team_name", v.printedName()));
    if (gamebook.status() != ParseStatus.FAILED) {
      root.put("pdf_version", "short");
    }
    game.arena().ifPresent(v -> root.put("arena", v));
    game.city().ifPresent(v -> root.put("city", v));
    game.state().ifPresent(v -> root.put("state", v));
    game.location().ifPresent(v -> root.put("location", v));
    if (!game.officials().isEmpty()) {
      ArrayNode officials = root.putArray("officials");
      for (Official official : game.officials()) {
        officials.addObject().put("number", official.number()).put("name", official.name());
      }
    }
    game.gameDuration().ifPresent(v -> root.put("game_duration", v));
    game.attendance().ifPresent(v -> root.put("attendance", v));
    game.attendanceNote().ifPresent(v -> root.put("attendance_note", v));
    activePlayers(root.putArray("active_players"), game, gamebook.activePlayers());
    nonPlayingPlayers(root, game, gamebook);
    root.put("total_players", gamebook.totalPlayers());
    root.put("active_count", gamebook.activePlayers().size());
    root.put("dnp_count", gamebook.dnpPlayers().size());
    root.put("inactive_count", gamebook.inactivePlayers().size());
    root.put("source", "nba_gamebook_pdf");
    root.put("data_status", gamebook.status().name().toLowerCase(java.util.Locale.ROOT));
    gamebook.failureReason().ifPresent(v -> root.put("failure_reason", v));
    teamTotals(root, game, gamebook);
    checks(root.putArray("box_score_checks"), game, gamebook.checks());
    sections(root.putObject("sections"), gamebook);
    ArrayNode incomplete = root.putArray("incomplete_sections");
    gamebook.sections().incompleteSections().forEach(incomplete::add);
    root.put("text_length", gamebook.textLength());
    root.put("page_count", gamebook.pageCount());
    return root;
  }

  // One method per part of the document: each is a small compilation unit for the JIT (one
  // method with every loop was compiled six times, once per loop on stack replacement).

  private static void activePlayers(ArrayNode active, GameInfo game, List<ActivePlayer> players) {
    for (ActivePlayer p : players) {
      ObjectNode node = player(active, game, p.side(), p.name().printed(), "active");
      StatLine s = p.stats();
      ObjectNode stats = node.putObject("stats");
      stats.put("minutes", s.minutes());
      stats.put("field_goals_made", s.fieldGoalsMade());
      stats.put("field_goals_attempted", s.fieldGoalsAttempted());
      stats.put("three_pointers_made", s.threePointersMade());
      stats.put("three_pointers_attempted", s.threePointersAttempted());
      stats.put("free_throws_made", s.freeThrowsMade());
      stats.put("free_throws_attempted", s.freeThrowsAttempted());
      stats.put("offensive_rebounds", s.offensiveRebounds());
      stats.put("defensive_rebounds", s.defensiveRebounds());
      stats.put("total_rebounds", s.totalRebounds());
      stats.put("assists", s.assists());
      stats.put("personal_fouls", s.personalFouls());
      stats.put("steals", s.steals());
      stats.put("turnovers", s.turnovers());
      stats.put("blocks", s.blocks());
      stats.put("plus_minus", s.plusMinus());
      stats.put("points", s.points());
      stats.put("field_goal_percentage", s.fieldGoalPercentage().doubleValue());
      stats.put("three_point_percentage", s.threePointPercentage().doubleValue());
      stats.put("free_throw_percentage", s.freeThrowPercentage().doubleValue());
      for (String label : p.unreadableColumns()) {
        int stat = ColumnLayout.statIndex(label);
        if (stat >= 0) {
          stats.putNull(STAT_KEYS.get(stat));
        }
      }
      node.put("jersey_number", p.jersey());
      p.position().ifPresent(v -> node.put("position", v));
      node.put("starter", p.starter());
      node.put("player_lookup", p.name().lookupKey());
    }
  }

  private static void nonPlayingPlayers(ObjectNode root, GameInfo game, Gamebook gamebook) {
    ArrayNode dnp = root.putArray("dnp_players");
    for (NonPlayingPlayer p : gamebook.dnpPlayers()) {
      ObjectNode node = player(dnp, game, p.side(), p.name().printed(), "did_not_play");
      node.put("dnp_reason", p.dnpReason());
      node.put("category", p.category().name());
      if (!p.jersey().isEmpty()) {
        node.put("jersey_number", p.jersey());
      }
      node.put("player_lookup", p.name().lookupKey());
    }
    ArrayNode inactive = root.putArray("inactive_players");
    for (InactivePlayer p : gamebook.inactivePlayers()) {
      ObjectNode node = player(inactive, game, p.side(), p.name().printed(), "inactive");
      node.put("reason", p.reason());
      node.put("category", "inactive");
      node.put("player_lookup", p.name().lookupKey());
    }
  }

  private static void teamTotals(ObjectNode root, GameInfo game, Gamebook gamebook) {
    ArrayNode totals = root.putArray("team_totals");
    for (TeamTotals t : gamebook.teamTotals()) {
      ObjectNode node = totals.addObject();
      node.put("team", teamName(game, t.side()));
      node.put("minutes", t.totals().minutes());
      ArrayNode columns = node.putArray("columns");
      for (int c : t.totals().columns()) {
        columns.add(c);
      }
    }
    ArrayNode periods = root.putArray("score_by_periods");
    for (PeriodScores p : gamebook.periodScores()) {
      ObjectNode node = periods.addObject();
      node.put("team", teamName(game, p.side()));
      ArrayNode values = node.putArray("periods");
      p.periods().forEach(values::add);
      node.put("final", p.finalScore());
    }
  }

  private static void checks(ArrayNode checks, GameInfo game, List<BoxScoreCheck> all) {
    for (BoxScoreCheck check : all) {
      ObjectNode node = checks.addObject();
      node.put("rule", check.rule());
      node.put("team", teamName(game, check.side()));
      node.put("passed", check.passed());
      ArrayNode violations = node.putArray("violations");
      check.violations().forEach(violations::add);
    }
  }

  private static void sections(ObjectNode sections, Gamebook gamebook) {
    for (SectionSummary section : gamebook.sections().sections().values()) {
      ObjectNode node = sections.putObject(section.section());
      boolean untouched = section.errorCount() == 0 && section.issueCount() == 0;
      node.put(
          "status",
          gamebook.status() == ParseStatus.FAILED && untouched
              ? "not_reached"
              : section.complete() ? "complete" : "incomplete");
      node.put("errors", section.errorCount());
      node.put("issues", section.issueCount());
      node.put("threshold", section.threshold());
      samples(node.putArray("error_samples"), section.errorSamples());
      samples(node.putArray("issue_samples"), section.issueSamples());
    }
  }

  private static ObjectNode player(
      ArrayNode array, GameInfo game, TeamSide side, String name, String status) {
    ObjectNode node = array.addObject();
    node.put("name", name);
    node.put("team", teamName(game, side));
    node.put("status", status);
    game.team(side).flatMap(GameTeam::tricode).ifPresent(v -> node.put("team_code", v));
    return node;
  }

  private static String teamName(GameInfo game, TeamSide side) {
    return game.team(side).map(GameTeam::printedName).orElse(side.name());
  }

  private static void samples(ArrayNode array, List<SectionProblem> problems) {
    for (SectionProblem problem : problems) {
      ObjectNode node = array.addObject();
      node.put("type", problem.type());
      node.put("message", problem.message());
      problem.context().lineNumber().ifPresent(v -> node.put("line", v));
      problem.context().snippet().ifPresent(v -> node.put("text", v));
    }
  }
}
