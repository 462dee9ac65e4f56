package io.github.courtside.scrapers.gamebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.tracking.SectionErrorTrackerConfig;
import io.github.courtside.core.tracking.SectionSummary;
import io.github.courtside.scrapers.ParseStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The line grammar of spec §C.2 and the edge cases of spec §A.22, on text and on PDFs. */
class GamebookParserTest {
  private final GamebookParser parser = GamebookParser.create();

  private static List<String> game(String... tableLines) {
    List<String> lines = new ArrayList<>();
    lines.add("Official Scorer's Report");
    lines.add("Wednesday, April 10, 2024 Rocket Mortgage FieldHouse, Cleveland, OH");
    lines.add("Officials: #24 Kevin Scott, #36 Brent Barnaky, #41 Nate Green");
    lines.add("Game Duration: 2:10");
    lines.add("Attendance: 18,064 (Sellout)");
    lines.addAll(List.of(tableLines));
    return lines;
  }

  @Test
  void headerLinesGiveTheGameMetadataAndAttendanceKeepsItsThousands() {
    Gamebook g =
        parser.parseLines(game("VISITOR: Memphis Grizzlies (27-53)", "HOME: Cleveland Cavaliers"));
    GameInfo info = g.game();
    assertEquals(Optional.of("20240410/MEMCLE"), info.gameCode());
    assertEquals(Optional.of("Rocket Mortgage FieldHouse"), info.arena());
    assertEquals(Optional.of("Cleveland, OH"), info.location());
    assertEquals(OptionalInt.of(18_064), info.attendance());
    assertEquals(Optional.of("Sellout"), info.attendanceNote());
    assertEquals(Optional.of("2:10"), info.gameDuration());
    assertEquals(
        List.of(
            new Official(24, "Kevin Scott"),
            new Official(36, "Brent Barnaky"),
            new Official(41, "Nate Green")),
        info.officials());
    assertEquals(Optional.of("27-53"), info.away().orElseThrow().record());
  }

  @Test
  void accentedNamesCurlyApostrophesSuffixesAndSignedPlusMinusSurvive() {
    Gamebook g =
        parser.parseLines(
            game(
                "VISITOR: Dallas Mavericks (50-32)",
                "77 Luka Dončić G 38:12 12 24 4 11 6 7 1 9 10 8 2 1 4 0 +12 34",
                "5 De’Aaron Fox G 35:00 9 16 1 4 2 2 0 3 3 6 2 2 2 0 −4 21",
                "1 Scotty Pippen Jr. 10:00 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
                "HOME: Sacramento Kings"));
    List<ActivePlayer> players = g.activePlayers();
    assertEquals("Luka Dončić", players.get(0).name().printed());
    assertEquals(Optional.of("G"), players.get(0).position());
    assertEquals(12, players.get(0).stats().plusMinus());
    assertEquals("De’Aaron Fox", players.get(1).name().printed());
    assertEquals(-4, players.get(1).stats().plusMinus());
    assertEquals(new BigDecimal("0.562"), players.get(1).stats().fieldGoalPercentage());
    assertEquals("Scotty Pippen Jr.", players.get(2).name().printed());
    assertFalse(players.get(2).starter());
    assertEquals("lukadoncic", players.get(0).name().lookupKey());
  }

  @Test
  void nonPlayingRowsKeepTheirCategoryAndWrappedReasonsAreJoined() {
    Gamebook g =
        parser.parseLines(
            game(
                "VISITOR: Memphis Grizzlies",
                "7 Santi Aldama NWT - Injury/Illness - Right Foot; Strain",
                "24 Marcus Morris Sr. DNP-Coach's Decision",
                "23 Mitchell Robinson DND - Injury/Illness - Back; Sore lower",
                "back",
                "HOME: Cleveland Cavaliers"));
    List<NonPlayingPlayer> dnp = g.dnpPlayers();
    assertEquals(3, dnp.size());
    assertEquals("NWT - Injury/Illness - Right Foot; Strain", dnp.get(0).dnpReason());
    assertEquals(NonPlayingCategory.DNP, dnp.get(1).category());
    assertEquals("Marcus Morris Sr.", dnp.get(1).name().printed());
    assertEquals("Coach's Decision", dnp.get(1).reason());
    assertEquals("Injury/Illness - Back; Sore lower back", dnp.get(2).reason());
  }

  @Test
  void inactiveListsNeverRunIntoEachOtherAndReasonsMayHoldCommas() {
    Gamebook g =
        parser.parseLines(
            game(
                "VISITOR: Memphis Grizzlies",
                "HOME: Cleveland Cavaliers",
                "Inactive: Grizzlies - Bane (Injury/Illness - Left Ankle, Right Foot; Sprain), Williams Jr.",
                "(Injury/Illness - Left Patellar; Tendonitis)",
                "Inactive: Cavaliers - Jerome (Injury/Illness - Right Ankle; Surgery), Merrill",
                "SCORE BY PERIODS 1 2 3 4 FINAL"));
    assertEquals(2, g.inactivePlayers(TeamSide.AWAY).size());
    assertEquals(
        "Injury/Illness - Left Ankle, Right Foot; Sprain",
        g.inactivePlayers(TeamSide.AWAY).get(0).reason());
    assertEquals(
        "Injury/Illness - Left Patellar; Tendonitis",
        g.inactivePlayers(TeamSide.AWAY).get(1).reason());
    assertEquals(2, g.inactivePlayers(TeamSide.HOME).size());
    assertEquals("Not specified", g.inactivePlayers(TeamSide.HOME).get(1).reason());
    assertEquals(
        1,
        g.sections()
            .section(GamebookSection.INDIVIDUAL_INACTIVE_PLAYER.key())
            .orElseThrow()
            .issueCount());
  }

  @Test
  void aShortStatLineKeepsThePlayerAndCountsAsAStatError() {
    Gamebook g =
        parser.parseLines(
            game(
                "VISITOR: Memphis Grizzlies",
                "45 GG Jackson F 35:42 7 21 2 10 22",
                "HOME: Cleveland Cavaliers"));
    assertEquals(22, g.activePlayers().get(0).stats().points());
    SectionSummary stats =
        g.sections().section(GamebookSection.STAT_LINE_PARSING.key()).orElseThrow();
    assertEquals(1, stats.errorCount());
    assertEquals("insufficient_stats", stats.errorSamples().get(0).type());
    assertEquals(OptionalInt.of(7), stats.errorSamples().get(0).context().lineNumber());
  }

  @Test
  void fiveBrokenStatLinesMakeTheSectionIncompleteAndTheResultPartial() {
    List<String> rows = new ArrayList<>();
    rows.add("VISITOR: Memphis Grizzlies");
    for (int i = 0; i < 5; i++) {
      rows.add(i + " Player Number" + i + " 10:00 1 2 3");
    }
    rows.add("HOME: Cleveland Cavaliers");
    rows.add("1 Max Strus F 29:42 3 5 2 3 0 1 1 5 6 1 2 1 0 0 -1 8");
    Gamebook g = parser.parseLines(game(rows.toArray(String[]::new)));
    assertEquals(ParseStatus.PARTIAL, g.status());
    assertEquals(List.of("stat_line_parsing"), g.sections().incompleteSections());
    assertEquals(6, g.activePlayers().size());
  }

  @Test
  void perSectionThresholdsComeFromTheTrackingConfig() {
    GamebookParser lenient =
        GamebookParser.create(
            GamebookParserConfig.builder()
                .tracking(
                    SectionErrorTrackerConfig.builder().threshold("stat_line_parsing", 50).build())
                .build());
    List<String> rows = new ArrayList<>();
    rows.add("VISITOR: Memphis Grizzlies");
    for (int i = 0; i < 5; i++) {
      rows.add(i + " Player Number" + i + " 10:00 1 2 3");
    }
    rows.add("HOME: Cleveland Cavaliers");
    rows.add("1 Max Strus F 29:42 3 5 2 3 0 1 1 5 6 1 2 1 0 0 -1 8");
    Gamebook g = lenient.parseLines(game(rows.toArray(String[]::new)));
    assertTrue(g.sections().section("stat_line_parsing").orElseThrow().complete());
    // the short rows' points do not add up: a failed identity makes the document PARTIAL
    assertFalse(g.checksPassed());
    assertEquals(ParseStatus.PARTIAL, g.status());
  }

  @Test
  void unclassifiedLinesAreSoftIssuesNotSilentDrops() {
    Gamebook g =
        parser.parseLines(
            game("VISITOR: Memphis Grizzlies", "something odd", "HOME: Cleveland Cavaliers"));
    SectionSummary unclassified =
        g.sections().section(GamebookSection.UNCLASSIFIED_LINES.key()).orElseThrow();
    assertEquals(1, unclassified.issueCount());
    assertEquals(
        "something odd", unclassified.issueSamples().get(0).context().snippet().orElseThrow());
  }

  @Test
  void boxScoreIdentityFailuresAreReportedNotThrown() {
    Gamebook g =
        parser.parseLines(
            game(
                "VISITOR: Memphis Grizzlies",
                "45 GG Jackson F 48:00 7 21 2 10 6 6 0 2 3 2 2 2 1 1 -13 25",
                "TOTALS 48:00 7 21 2 10 6 6 0 2 3 2 2 2 1 1 -13 22",
                "HOME: Cleveland Cavaliers"));
    List<BoxScoreCheck> failed = g.checks().stream().filter(c -> !c.passed()).toList();
    assertEquals(
        List.of(
            BoxScoreCheck.POINTS,
            BoxScoreCheck.REBOUNDS,
            BoxScoreCheck.MINUTES,
            BoxScoreCheck.TEAM_POINTS,
            BoxScoreCheck.TOTALS),
        failed.stream().map(BoxScoreCheck::rule).toList());
    assertTrue(failed.get(0).violations().get(0).startsWith("GG Jackson: 25 printed, 22 computed"));
  }

  @Test
  void textThatIsNotAGamebookFails() {
    Gamebook g = parser.parseLines(List.of("Injury Report: 01/04/24 12:30 PM", "nothing here"));
    assertEquals(ParseStatus.FAILED, g.status());
    assertTrue(g.failureReason().orElseThrow().startsWith("not a gamebook"));
  }

  @Test
  void bytesThatAreNotAPdfFailWithAReason() {
    Gamebook g = parser.parse("hello".getBytes(StandardCharsets.US_ASCII));
    assertEquals(ParseStatus.FAILED, g.status());
    assertTrue(g.failureReason().orElseThrow().startsWith("NOT_A_PDF"), g.failureReason().get());
    assertEquals("failed", GamebookJsonTest.field(g, "data_status"));
  }

  @Test
  void aMissingFileFailsWithAReason() {
    Gamebook g = parser.parse(Path.of("/nonexistent/gamebook.pdf"));
    assertEquals(ParseStatus.FAILED, g.status());
    assertTrue(g.failureReason().orElseThrow().contains("/nonexistent/gamebook.pdf"));
  }

  @Test
  void pageBreaksInsideTablesAndInactiveListsAreTransparent() {
    Gamebook g =
        parser.parseLines(
            game(
                "VISITOR: Memphis Grizzlies (27-53)",
                "NO PLAYER POS MIN FG FGA 3P 3PA FT FTA OR DR TOT A PF ST TO BS +/- PTS",
                "45 GG Jackson F 35:42 7 21 2 10 6 6 0 2 2 2 2 2 1 1 -13 22",
                "Copyright (c) 2024 NBA Properties, Inc. All Rights Reserved. Page 1 of 2",
                "Official Scorer's Report",
                "Wednesday, April 10, 2024 Rocket Mortgage FieldHouse, Cleveland, OH",
                "VISITOR: Memphis Grizzlies (27-53)",
                "NO PLAYER POS MIN FG FGA 3P 3PA FT FTA OR DR TOT A PF ST TO BS +/- PTS",
                "26 Lamar Stevens F 37:17 4 13 2 5 6 6 2 4 6 3 2 1 1 4 7 16",
                "HOME: Cleveland Cavaliers (48-32)",
                "1 Max Strus F 29:42 3 5 2 3 0 1 1 5 6 1 2 1 0 0 -1 8",
                "Inactive: Grizzlies - Bane (Injury/Illness - Lumbar; Disc",
                "Copyright (c) 2024 NBA Properties, Inc. All Rights Reserved. Page 2 of 3",
                "Official Scorer's Report",
                "Bulge), Goodwin (G League - Two-Way)"));
    assertEquals(2, g.activePlayers(TeamSide.AWAY).size());
    assertEquals(1, g.activePlayers(TeamSide.HOME).size());
    assertEquals(
        List.of(
            new InactivePlayer(
                TeamSide.AWAY,
                io.github.courtside.scrapers.names.PlayerName.of("Bane"),
                "Injury/Illness - Lumbar; Disc Bulge"),
            new InactivePlayer(
                TeamSide.AWAY,
                io.github.courtside.scrapers.names.PlayerName.of("Goodwin"),
                "G League - Two-Way")),
        g.inactivePlayers());
    assertEquals(0, g.sections().totalIssues(), g.sections().toString());
  }

  @Test
  void aTotalsRowWithoutMinutesIsNeverTakenForAReason() {
    Gamebook g =
        parser.parseLines(
            game(
                "VISITOR: Memphis Grizzlies",
                "13 Tristan Thompson DNP - Coach's Decision",
                "TOTALS 33 84 14 32 18 19 10 34 44 21 21 10 13 10 -60 98",
                "HOME: Cleveland Cavaliers"));
    assertEquals("Coach's Decision", g.dnpPlayers().get(0).reason());
    assertEquals(
        "unusable_totals",
        g.sections().section("stat_line_parsing").orElseThrow().issueSamples().get(0).type());
  }

  @Test
  void aRowWithoutAJerseyNumberIsStillAPlayer() {
    Gamebook g =
        parser.parseLines(
            game(
                "VISITOR: Memphis Grizzlies",
                "GG Jackson F 35:42 7 21 2 10 6 6 0 2 2 2 2 2 1 1 -13 22",
                "HOME: Cleveland Cavaliers"));
    assertEquals("GG Jackson", g.activePlayers().get(0).name().printed());
    assertEquals("", g.activePlayers().get(0).jersey());
  }
}
