package io.github.courtside.testkit.injury;

import io.github.courtside.scrapers.injury.InjuryRecord;
import io.github.courtside.scrapers.injury.InjuryStatus;
import io.github.courtside.scrapers.injury.NotSubmittedTeam;
import io.github.courtside.scrapers.teams.NbaTeam;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an injury report says, before it is rendered: when it was issued and, game by game, each
 * team's rows or that it has not submitted yet. {@link #records()} and {@link #notYetSubmitted()}
 * are what {@code InjuryReportParser} must read back.
 *
 * <pre>{@code
 * InjuryReportDraft draft = InjuryReports.drafts().sample(3L);
 * byte[] pdf = InjuryReportPdfWriter.create().write(draft);
 * }</pre>
 *
 * @param issuedAt the report's date and time (its title)
 * @param games the games in printed order
 */
public record InjuryReportDraft(LocalDateTime issuedAt, List<Game> games) {
  /** Copies the games. */
  public InjuryReportDraft {
    Objects.requireNonNull(issuedAt, "issuedAt");
    games = List.copyOf(games);
  }

  /**
   * One game of the report.
   *
   * @param date the game date
   * @param time the tip-off as printed, "07:30 (ET)"
   * @param away the visitor's entry (printed first)
   * @param home the home team's entry
   */
  public record Game(LocalDate date, String time, TeamEntry away, TeamEntry home) {
    /** Checks nothing is null. */
    public Game {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(away, "away");
      Objects.requireNonNull(home, "home");
    }

    /** "AAA@HHH". */
    public String matchup() {
      return away.team().tricode() + "@" + home.team().tricode();
    }
  }

  /**
   * A team's part of a game: its rows, or "NOT YET SUBMITTED".
   *
   * @param team the team
   * @param submitted whether the team has reported (an empty report is not printed)
   * @param rows its player rows, in printed order (empty when not submitted)
   */
  public record TeamEntry(NbaTeam team, boolean submitted, List<Row> rows) {
    /** Copies the rows. */
    public TeamEntry {
      Objects.requireNonNull(team, "team");
      rows = List.copyOf(rows);
    }
  }

  /**
   * A player row.
   *
   * @param player the name as printed, "Last[ Suffix], First"
   * @param status the current status
   * @param reason the reason
   */
  public record Row(String player, InjuryStatus status, String reason) {
    /** Checks nothing is null. */
    public Row {
      Objects.requireNonNull(player, "player");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The records the parser must read, in printed order, each with confidence {@code 0} (the score
   * is the parser's own; compare the other fields).
   */
  public List<InjuryRecord> records() {
    List<InjuryRecord> records = new ArrayList<>();
    for (Game game : games) {
      for (TeamEntry entry : List.of(game.away(), game.home())) {
        for (Row row : entry.rows()) {
          records.add(
              new InjuryRecord(
                  game.date(),
                  game.time(),
                  game.matchup(),
                  entry.team().tricode(),
                  row.player(),
                  row.status(),
                  row.reason(),
                  0));
        }
      }
    }
    return List.copyOf(records);
  }

  /** The teams marked NOT YET SUBMITTED, in printed order. */
  public List<NotSubmittedTeam> notYetSubmitted() {
    List<NotSubmittedTeam> teams = new ArrayList<>();
    for (Game game : games) {
      for (TeamEntry entry : List.of(game.away(), game.home())) {
        if (!entry.submitted()) {
          teams.add(
              new NotSubmittedTeam(
                  game.date(), game.time(), game.matchup(), entry.team().tricode()));
        }
      }
    }
    return List.copyOf(teams);
  }
}
