package io.github.courtside.scrapers.gamebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.courtside.core.tracking.SectionSummary;
import io.github.courtside.scrapers.ParseStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Layout variants of real gamebooks the line grammar must survive: inactive labels mid-line, text
 * after the last list, page titles with curly apostrophes, wrapped officials, mixed-case headers,
 * en dashes in reasons.
 */
class LayoutVariantsTest {
  private final GamebookParser parser = GamebookParser.create();

  private static List<String> game(String... tableLines) {
    List<String> lines = new ArrayList<>();
    lines.add("Official Scorer\u2019s Report");
    lines.add("Wednesday, April 10, 2024 Rocket Mortgage FieldHouse, Cleveland, OH");
    lines.add("Officials: #24 Kevin Scott, #36 Brent Barnaky,");
    lines.add("#41 Nate Green");
    lines.add("Game Duration: 2:10");
    lines.add("Attendance: 18,064 (Sellout)");
    lines.add("VISITOR: Memphis Grizzlies (27-53)");
    lines.add("1 Max One F 48:00 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 2");
    lines.add("7 Vince Williams Jr. DNP \u2013 Coach\u2019s Decision");
    lines.add("HOME: Cleveland Cavaliers (48-32)");
    lines.add("2 Max Two F 48:00 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 2");
    lines.addAll(List.of(tableLines));
    return lines;
  }

  @Test
  void aLongNameRunningIntoItsReasonCellIsStillANonPlayingPlayer() {
    // found by the layout-variant round trip: in a wide font a long name reaches the DNP column,
    // so no blank separates the name from the category
    Gamebook g =
        parser.parseLines(
            game(
                "00 Karl-Anthony Alexander-Walker Sr.DNP \u2013 Health and Safety Protocols",
                "69 Karl-Anthony Alexander-Walker IINWT - Injury/Illness - Right Foot; Strain"));
    List<NonPlayingPlayer> dnp = g.dnpPlayers();
    assertEquals(3, dnp.size(), dnp.toString());
    assertEquals("Karl-Anthony Alexander-Walker Sr.", dnp.get(1).name().printed());
    assertEquals(NonPlayingCategory.DNP, dnp.get(1).category());
    assertEquals("Health and Safety Protocols", dnp.get(1).reason());
    assertEquals("Karl-Anthony Alexander-Walker II", dnp.get(2).name().printed());
    assertEquals(NonPlayingCategory.NWT, dnp.get(2).category());
    assertEquals("Injury/Illness - Right Foot; Strain", dnp.get(2).reason());
    assertEquals(0, g.sections().totalIssues(), g.sections().toString());
  }

  @Test
  void bothInactiveListsOnOneLineAreSplitAtTheSecondLabel() {
    Gamebook g =
        parser.parseLines(
            game(
                "Inactive: Memphis Grizzlies - Williams Jr. (G League - Two-Way) Inactive:"
                    + " Cleveland Cavaliers - Merrill (Injury/Illness - Left Knee; Soreness), Wade"
                    + " (Rest)"));
    List<InactivePlayer> inactive = g.inactivePlayers();
    assertEquals(3, inactive.size(), inactive.toString());
    assertEquals("G League - Two-Way", inactive.get(0).reason());
    assertEquals(TeamSide.AWAY, inactive.get(0).side());
    assertEquals(TeamSide.HOME, inactive.get(1).side());
    assertEquals("Merrill", inactive.get(1).name().printed());
    assertEquals(TeamSide.HOME, inactive.get(2).side());
  }

  @Test
  void aLineNotLikeTheEntriesEndsTheListWithoutAPhantomPlayer() {
    Gamebook g =
        parser.parseLines(
            game(
                "Inactive: Memphis Grizzlies - Clarke (Rest)",
                "Inactive: Cleveland Cavaliers - Wade (Rest)",
                "Points off Turnovers: MEM 12, CLE 20"));
    assertEquals(2, g.inactivePlayers().size(), g.inactivePlayers().toString());
  }

  @Test
  void trailingTextAfterTheLastEntryIsAnError() {
    Gamebook g =
        parser.parseLines(
            game(
                "Inactive: Memphis Grizzlies - Clarke (Rest) Officials scorer note",
                "Inactive: Cleveland Cavaliers - Wade (Rest)"));
    SectionSummary individual = g.sections().section("individual_inactive_player").orElseThrow();
    assertEquals(1, individual.errorCount(), individual.toString());
    assertEquals("trailing_text", individual.errorSamples().get(0).type());
  }

  @Test
  void curlyTitleWrappedOfficialsAndAnEnDashReasonAreRead() {
    Gamebook g = parser.parseLines(game());
    assertEquals(3, g.game().officials().size(), g.game().officials().toString());
    assertEquals(new Official(41, "Nate Green"), g.game().officials().get(2));
    NonPlayingPlayer dnp = g.dnpPlayers().get(0);
    assertEquals("Coach\u2019s Decision", dnp.reason());
    assertEquals("Vince Williams Jr.", dnp.name().printed());
    assertEquals(
        0,
        g.sections().section("unclassified_lines").orElseThrow().issueCount(),
        g.sections().toString());
  }

  @Test
  void mixedCaseScoreByPeriodsReadsOvertime() {
    Gamebook g =
        parser.parseLines(
            game(
                "Score by Periods 1 2 3 4 OT1 FINAL",
                "Memphis Grizzlies 20 20 20 20 10 90",
                "Cleveland Cavaliers 22 20 20 18 12 92"));
    assertEquals(2, g.periodScores().size(), g.sections().toString());
    assertEquals(List.of(20, 20, 20, 20, 10), g.periodScores().get(0).periods());
  }

  @Test
  void aFailedDocumentsSectionsWereNotReached() throws Exception {
    Gamebook g = parser.parse(new byte[] {1, 2, 3});
    assertEquals(ParseStatus.FAILED, g.status());
    JsonNode sections = new ObjectMapper().readTree(GamebookJson.toJson(g)).get("sections");
    assertFalse(sections.isEmpty());
    sections.forEach(s -> assertEquals("not_reached", s.get("status").asText(), s.toString()));
    assertTrue(g.failureReason().isPresent());
  }
}
