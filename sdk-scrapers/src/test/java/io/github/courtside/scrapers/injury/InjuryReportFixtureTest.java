package io.github.courtside.scrapers.injury;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.courtside.core.testkit.Fixtures;
import io.github.courtside.scrapers.ParseStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real 01/04/24 12:30 PM report reproduces the old parser's records, with its bugs fixed. */
class InjuryReportFixtureTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PDF = "injury-report/injury-report-2024-01-04-1230PM.pdf";
  private static final String EXPECTED =
      "injury-report/injury-report-2024-01-04-1230PM.expected.json";

  @Test
  void recordsMatchTheOldParserRecordForRecord() throws Exception {
    InjuryReport report = InjuryReportParser.create().parse(Fixtures.require(PDF));
    JsonNode expected = MAPPER.readTree(Files.readString(Fixtures.require(EXPECTED)));
    JsonNode actual = MAPPER.readTree(InjuryReportJson.toJson(report));
    JsonNode expectedRecords = expected.get("records");
    assertEquals(expectedRecords.size(), actual.get("records").size());
    for (int i = 0; i < expectedRecords.size(); i++) {
      JsonNode want = expectedRecords.get(i);
      JsonNode got = actual.get("records").get(i);
      for (String key :
          List.of("date", "gametime", "matchup", "team", "player", "status", "reason")) {
        assertEquals(want.get(key).asText(), got.get(key).asText(), "record " + i + " " + key);
      }
      assertEquals(
          want.get("confidence").asDouble(), got.get("confidence").asDouble(), 1e-9, "record " + i);
    }
    assertEquals(ParseStatus.COMPLETE, report.status(), report.sections().toString());
  }

  @Test
  void statisticsMatchTheOldParser() throws Exception {
    InjuryReport report = InjuryReportParser.create().parse(Fixtures.require(PDF));
    JsonNode expected =
        MAPPER.readTree(Files.readString(Fixtures.require(EXPECTED))).get("parsing_stats");
    JsonNode actual = MAPPER.readTree(InjuryReportJson.toJson(report)).get("parsing_stats");
    assertEquals(expected.get("total_records"), actual.get("total_records"));
    assertEquals(
        expected.get("overall_confidence").asDouble(),
        actual.get("overall_confidence").asDouble(),
        1e-9);
    assertEquals(expected.get("status_counts"), actual.get("status_counts"));
    assertEquals(expected.get("confidence_distribution"), actual.get("confidence_distribution"));
    assertEquals(1, report.mergedReasons());
    assertEquals(
        expected.get("parsing_stats").get("total_lines"),
        actual.get("parsing_stats").get("total_lines"));
    assertEquals(
        expected.get("parsing_stats").get("player_lines"),
        actual.get("parsing_stats").get("player_lines"));
  }

  /** Spec §C.4 item 1: the old scraper labelled a January 2024 report "2024-25". */
  @Test
  void seasonLabelOfAJanuaryReportIsTheSeasonThatStartedTheOctoberBefore() throws Exception {
    InjuryReport report = InjuryReportParser.create().parse(Fixtures.require(PDF));
    assertEquals(Optional.of("2023-24"), report.season());
    JsonNode metadata = MAPPER.readTree(InjuryReportJson.toJson(report)).get("metadata");
    assertEquals("2023-24", metadata.get("season").asText());
    assertEquals("20240104", metadata.get("gamedate").asText());
    assertEquals("12", metadata.get("hour").asText());
    assertEquals("30", metadata.get("minute").asText());
    assertEquals("PM", metadata.get("period").asText());
  }

  /** Spec §C.4 item 2: teams that have not reported stay visible. */
  @Test
  void notYetSubmittedTeamsAreKept() throws Exception {
    InjuryReport report = InjuryReportParser.create().parse(Fixtures.require(PDF));
    List<NotSubmittedTeam> pending = report.notYetSubmitted();
    assertEquals(
        new NotSubmittedTeam(java.time.LocalDate.of(2024, 1, 4), "07:30 (ET)", "MIL@SAS", "MIL"),
        pending.get(0));
    // MIL, then both teams of the 14 games of 01/05.
    assertEquals(1 + 2 * 14, pending.size());
    assertTrue(
        pending.stream().anyMatch(t -> t.team().equals("LAC") && t.matchup().equals("LAC@NOP")));
    // Page 3 starts with "Denver Nuggets": ORL@DEN carries over the page break.
    assertTrue(
        pending.stream().anyMatch(t -> t.team().equals("DEN") && t.matchup().equals("ORL@DEN")));
  }

  @Test
  void aGamebookIsNotAnInjuryReport() throws Exception {
    Path gamebook = Fixtures.require("gamebook/20240410-MEMCLE.rendered.pdf");
    InjuryReport report = InjuryReportParser.create().parse(gamebook);
    assertEquals(ParseStatus.FAILED, report.status());
  }
}
