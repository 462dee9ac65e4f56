package io.github.courtside.scrapers.injury;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.scrapers.ParseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjuryReportParserTest {
  private final InjuryReportParser parser = InjuryReportParser.create();

  @Test
  void aReasonWrappedAboveAndBelowItsRowIsJoined() {
    InjuryReport report =
        parser.parseLines(
            List.of(
                "Injury Report: 01/04/24 12:30 PM",
                "01/04/2024 07:30 (ET) MIL@SAS San Antonio Spurs Duke Jr., David Out G League - Two-Way",
                "Injury/Illness - Right Forearm;",
                "McDermott, Doug Out",
                "Contusion",
                "Collins, Zach Out Injury/Illness - Right Ankle; Sprain"));
    assertEquals(3, report.records().size());
    assertEquals("Injury/Illness - Right Forearm; Contusion", report.records().get(1).reason());
    assertEquals(1.0, report.records().get(1).confidence());
    assertEquals(0.9, report.records().get(0).confidence());
    assertEquals(1, report.mergedReasons());
    assertEquals("David Duke Jr.", report.records().get(0).playerName().printed());
  }

  @Test
  void rowsWithoutAGameBeforeThemAreErrorsNotGuesses() {
    InjuryReport report =
        parser.parseLines(
            List.of("Injury Report: 01/04/24 12:30 PM", "Green, Draymond Out League Suspension"));
    assertEquals(0, report.records().size());
    assertEquals(1, report.sections().section(InjuryReportParser.GAMES).orElseThrow().errorCount());
  }

  @Test
  void garbageFailsWithAReason() {
    InjuryReport report = parser.parse("garbage".getBytes(StandardCharsets.US_ASCII));
    assertEquals(ParseStatus.FAILED, report.status());
    assertTrue(report.failureReason().orElseThrow().startsWith("NOT_A_PDF"));
  }

  @Test
  void octoberStartsANewSeason() {
    InjuryReport report = parser.parseLines(List.of("Injury Report: 10/24/23 05:00 PM"));
    assertEquals(java.util.Optional.of("2023-24"), report.season());
  }

  @Test
  void theConfigurationDefaultsToTwoSecondsAndRefusesANonPositiveBudget() {
    assertEquals(Duration.ofSeconds(2), InjuryReportParserConfig.defaults().timeBudget());
    assertEquals("injury_report", InjuryReportParserConfig.defaults().tracking().name());
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> InjuryReportParserConfig.builder().timeBudget(Duration.ZERO).build());
    assertTrue(refused.getMessage().contains("timeBudget"), refused.getMessage());
  }
}
