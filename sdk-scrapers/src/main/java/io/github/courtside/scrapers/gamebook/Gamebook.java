package io.github.courtside.scrapers.gamebook;

import io.github.courtside.core.tracking.TrackingSummary;
import io.github.courtside.scrapers.ParseStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed gamebook: the header, every player (active with stats, did-not-play, inactive), the
 * printed totals and period scores, the box-score checks and the per-section status.
 *
 * <p>A document that could not be read is still a {@code Gamebook}: with {@link
 * ParseStatus#FAILED}, a {@link #failureReason()} and empty lists.
 *
 * <pre>{@code
 * Gamebook gamebook = GamebookParser.create().parse(Path.of("20240410-MEMCLE.pdf"));
 * if (gamebook.status() != ParseStatus.FAILED) {
 *   gamebook.activePlayers(TeamSide.HOME).forEach(p -> System.out.println(p.name()));
 * }
 * }</pre>
 *
 * @param status complete, partial or failed
 * @param failureReason why the document is unusable, for {@link ParseStatus#FAILED}
 * @param game the header
 * @param activePlayers players with a stat line, in printed order
 * @param dnpPlayers DNP, DND and NWT rows, in printed order
 * @param inactivePlayers the inactive lists, in printed order
 * @param teamTotals the TOTALS rows that were printed
 * @param periodScores the SCORE BY PERIODS rows that were printed
 * @param checks the box-score identities, one per rule and team
 * @param sections the section error tracker's summary
 * @param textLength characters of extracted text
 * @param pageCount pages of the document
 */
public record Gamebook(
    ParseStatus status,
    Optional<String> failureReason,
    GameInfo game,
    List<ActivePlayer> activePlayers,
    List<NonPlayingPlayer> dnpPlayers,
    List<InactivePlayer> inactivePlayers,
    List<TeamTotals> teamTotals,
    List<PeriodScores> periodScores,
    List<BoxScoreCheck> checks,
    TrackingSummary sections,
    int textLength,
    int pageCount) {
  /** Copies the lists. */
  public Gamebook {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failureReason, "failureReason");
    Objects.requireNonNull(game, "game");
    activePlayers = List.copyOf(activePlayers);
    dnpPlayers = List.copyOf(dnpPlayers);
    inactivePlayers = List.copyOf(inactivePlayers);
    teamTotals = List.copyOf(teamTotals);
    periodScores = List.copyOf(periodScores);
    checks = List.copyOf(checks);
    Objects.requireNonNull(sections, "sections");
  }

  /**
   * A complete gamebook built from its parts, for rendering synthetic games (the {@code
   * courtside-testkit} artifact's {@code GamebookPdfWriter} renders them as PDFs).
   *
   * <pre>{@code
   * Gamebook game = Gamebook.of(info, active, dnp, inactive, List.of(), List.of());
   * }</pre>
   */
  public static Gamebook of(
      GameInfo game,
      List<ActivePlayer> activePlayers,
      List<NonPlayingPlayer> dnpPlayers,
      List<InactivePlayer> inactivePlayers,
      List<TeamTotals> teamTotals,
      List<PeriodScores> periodScores) {
    return new Gamebook(
        ParseStatus.COMPLETE,
        Optional.empty(),
        game,
        activePlayers,
        dnpPlayers,
        inactivePlayers,
        teamTotals,
        periodScores,
        List.of(),
        new TrackingSummary("synthetic " + game.gameCode().orElse("game"), java.util.Map.of()),
        0,
        0);
  }

  /** The active players of one team. */
  public List<ActivePlayer> activePlayers(TeamSide side) {
    return activePlayers.stream().filter(p -> p.side() == side).toList();
  }

  /** The DNP/DND/NWT players of one team. */
  public List<NonPlayingPlayer> dnpPlayers(TeamSide side) {
    return dnpPlayers.stream().filter(p -> p.side() == side).toList();
  }

  /** The inactive players of one team. */
  public List<InactivePlayer> inactivePlayers(TeamSide side) {
    return inactivePlayers.stream().filter(p -> p.side() == side).toList();
  }

  /** The printed TOTALS row of one team. */
  public Optional<TeamTotals> totals(TeamSide side) {
    return teamTotals.stream().filter(t -> t.side() == side).findFirst();
  }

  /** The printed SCORE BY PERIODS row of one team. */
  public Optional<PeriodScores> periodScores(TeamSide side) {
    return periodScores.stream().filter(t -> t.side() == side).findFirst();
  }

  /** Active + did-not-play + inactive. */
  public int totalPlayers() {
    return activePlayers.size() + dnpPlayers.size() + inactivePlayers.size();
  }

  /** Whether every box-score identity holds. */
  public boolean checksPassed() {
    return checks.stream().allMatch(BoxScoreCheck::passed);
  }
}
