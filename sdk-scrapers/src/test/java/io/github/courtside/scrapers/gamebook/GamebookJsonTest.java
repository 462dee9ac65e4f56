package io.github.courtside.scrapers.gamebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class GamebookJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static String field(Gamebook gamebook, String name) {
    try {
      return MAPPER.readTree(GamebookJson.toJson(gamebook)).path(name).asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void asciiStyleEscapesAccentsAndReadsBackTheSame() throws Exception {
    Gamebook g =
        GamebookParser.create()
            .parseLines(
                List.of(
                    "VISITOR: Dallas Mavericks",
                    "77 Luka Dončić G 48:00 12 24 4 11 6 7 1 9 10 8 2 1 4 0 +12 34",
                    "HOME: Sacramento Kings"));
    String ascii =
        GamebookJson.toJson(g, io.github.courtside.scrapers.JsonStyle.COMPACT.escapingNonAscii());
    assertTrue(ascii.contains("Don\\u010Di\\u0107") || ascii.contains("Don\\u010di\\u0107"), ascii);
    assertEquals(MAPPER.readTree(GamebookJson.toJson(g)), MAPPER.readTree(ascii));
  }
}
