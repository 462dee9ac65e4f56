package io.github.courtside.scrapers.gamebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.courtside.testkit.gamebook.GamebookPdfWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON of gamebooks parsed from PDFs the testkit's {@link GamebookPdfWriter} rendered. (Moved
 * from sdk-scrapers' GamebookJsonTest with the writer.)
 */
class RenderedGamebookJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void jsonHasTheGoldenKeysSectionsAndOneLine() throws Exception {
    Gamebook g =
        GamebookParser.create().parse(GamebookPdfWriter.create().write(SyntheticGames.game(11)));
    String json = GamebookJson.toJson(g);
    assertFalse(json.contains("\n"));
    JsonNode root = MAPPER.readTree(json);
    for (String key :
        List.of(
            "game_code",
            "date",
            "matchup",
            "away_team",
            "home_team",
            "arena",
            "city",
            "state",
            "officials",
            "game_duration",
            "attendance",
            "active_players",
            "dnp_players",
            "inactive_players",
            "total_players",
            "active_count",
            "dnp_count",
            "inactive_count",
            "sections",
            "data_status")) {
      assertTrue(root.has(key), key + " missing from " + json);
    }
    assertEquals(GamebookSection.keys().size(), root.get("sections").size());
    assertEquals("complete", root.get("sections").get("stat_line_parsing").get("status").asText());
    JsonNode first = root.get("active_players").get(0);
    assertEquals(20, first.get("stats").size());
    assertEquals("minutes", first.get("stats").fieldNames().next());
    assertEquals(
        g.activePlayers().size() + g.dnpPlayers().size() + g.inactivePlayers().size(),
        root.get("total_players").asInt());
  }

  @Test
  void prettyJsonIsTheSameDocument() throws Exception {
    Gamebook g =
        GamebookParser.create().parse(GamebookPdfWriter.create().write(SyntheticGames.game(5)));
    assertEquals(
        MAPPER.readTree(GamebookJson.toJson(g)), MAPPER.readTree(GamebookJson.toPrettyJson(g)));
  }
}
