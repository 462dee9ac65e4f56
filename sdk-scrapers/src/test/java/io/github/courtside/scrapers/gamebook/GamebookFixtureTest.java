package io.github.courtside.scrapers.gamebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.courtside.core.testkit.Fixtures;
import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rendered MEM@CLE gamebook parses to its corrected expected JSON. */
class GamebookFixtureTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void renderedMemCleParsesToTheExpectedJson() throws Exception {
    Path pdf = Fixtures.require("gamebook/20240410-MEMCLE.rendered.pdf");
    JsonNode expected =
        MAPPER.readTree(
            Files.readString(Fixtures.require("gamebook/20240410-MEMCLE.rendered.expected.json")));
    Gamebook gamebook = GamebookParser.create().parse(pdf);
    JsonNode actual = MAPPER.readTree(GamebookJson.toJson(gamebook));

    assertEquals(List.of(), JsonSubset.differences(expected, actual));
    assertEquals(ParseStatus.COMPLETE, gamebook.status(), gamebook.sections().toString());
    assertTrue(gamebook.checksPassed(), gamebook.checks().toString());
    assertEquals(0, gamebook.sections().totalErrors(), gamebook.sections().toString());
    assertEquals(0, gamebook.sections().totalIssues(), gamebook.sections().toString());
  }

  @Test
  void extractedTextMatchesThePdfboxTranscript() throws Exception {
    Path pdf = Fixtures.require("gamebook/20240410-MEMCLE.rendered.pdf");
    List<String> expected =
        Files.readAllLines(Fixtures.require("gamebook/20240410-MEMCLE.rendered.pdfbox.txt"))
            .stream()
            .filter(line -> !line.isBlank())
            .toList();
    assertEquals(expected, PdfTextExtractor.lines(Files.readAllBytes(pdf)));
  }

  @Test
  void inactiveListsStayWithTheirTeamAndWrappedNamesKeepTheirReason() throws Exception {
    Gamebook gamebook =
        GamebookParser.create().parse(Fixtures.require("gamebook/20240410-MEMCLE.rendered.pdf"));
    assertEquals(9, gamebook.inactivePlayers(TeamSide.AWAY).size());
    assertEquals(3, gamebook.inactivePlayers(TeamSide.HOME).size());
    InactivePlayer williams = gamebook.inactivePlayers(TeamSide.AWAY).get(8);
    assertEquals("Williams Jr.", williams.name().printed());
    assertEquals("Injury/Illness - Left Patellar; Tendonitis", williams.reason());
    assertEquals(
        5, gamebook.activePlayers(TeamSide.HOME).stream().filter(ActivePlayer::starter).count());
  }
}
