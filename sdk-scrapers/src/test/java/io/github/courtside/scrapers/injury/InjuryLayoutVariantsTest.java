package io.github.courtside.scrapers.injury;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Injury-report cells wrapped in ways the sample report does not show. */
class InjuryLayoutVariantsTest {
  private final InjuryReportParser parser = InjuryReportParser.create();

  @Test
  void anInlineReasonThatWrapsBelowStaysWithItsPlayer() {
    InjuryReport report =
        parser.parseLines(
            List.of(
                "Injury Report: 01/04/24 12:30 PM",
                "01/04/2024 07:30 (ET) MIL@SAS San Antonio Spurs Collins, Zach Out Injury/Illness -"
                    + " Right",
                "Ankle; Sprain",
                "Duke Jr., David Out G League - Two-Way"));
    assertEquals(2, report.records().size(), report.records().toString());
    assertEquals("Injury/Illness - Right Ankle; Sprain", report.records().get(0).reason());
    assertEquals("G League - Two-Way", report.records().get(1).reason());
  }

  @Test
  void aReasonWrappedAboveItsRowStartsTheNextPlayersReason() {
    InjuryReport report =
        parser.parseLines(
            List.of(
                "Injury Report: 01/04/24 12:30 PM",
                "01/04/2024 07:30 (ET) MIL@SAS San Antonio Spurs Collins, Zach Out Rest",
                "Health and Safety",
                "Duke Jr., David Out",
                "Protocols"));
    assertEquals(
        List.of("Rest", "Health and Safety Protocols"),
        report.records().stream().map(InjuryRecord::reason).toList());
  }

  @Test
  void aWrappedTeamCellIsOneTeam() {
    InjuryReport report =
        parser.parseLines(
            List.of(
                "Injury Report: 01/04/24 12:30 PM",
                "01/04/2024 10:00 (ET) POR@SAC Sacramento Kings Monk, Malik Out Rest",
                "Portland Trail",
                "Blazers Simons, Anfernee Out Injury/Illness - Right Knee; Sprain"));
    assertEquals(2, report.records().size(), report.records().toString());
    InjuryRecord simons = report.records().get(1);
    assertEquals("POR", simons.team());
    assertEquals("Simons, Anfernee", simons.player());
  }

  @Test
  void aRowWithoutACommaInTheNameIsKeptAndReported() {
    InjuryReport report =
        parser.parseLines(
            List.of(
                "Injury Report: 01/04/24 12:30 PM",
                "01/04/2024 07:30 (ET) MIL@SAS San Antonio Spurs Victor Wembanyama Questionable"
                    + " Injury/Illness - Left Ankle; Soreness"));
    assertEquals(1, report.records().size(), report.sections().toString());
    assertEquals("Victor Wembanyama", report.records().get(0).player());
    assertEquals(
        1,
        report.sections().section(InjuryReportParser.PLAYERS).orElseThrow().issueCount(),
        report.sections().toString());
  }
}
