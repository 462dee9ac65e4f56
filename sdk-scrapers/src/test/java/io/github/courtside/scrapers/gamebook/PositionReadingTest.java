package io.github.courtside.scrapers.gamebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.courtside.scrapers.ParseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/**
 * Stat cells are assigned by the x-range of their column header, not by counting tokens: a missing
 * cell, an extra column or a wrapped name land in the right field. PDFs are drawn here cell by
 * cell, independently of the testkit's GamebookPdfWriter.
 */
class PositionReadingTest {
  private static final String[] HEADER = {
    "FG", "FGA", "3P", "3PA", "FT", "FTA", "OR", "DR", "TOT", "A", "PF", "ST", "TO", "BS", "+/-",
    "PTS"
  };
  private final GamebookParser parser = GamebookParser.create();

  /** Text drawn right-aligned at x (right edge) on a row. */
  private record Cell(float right, float y, String text) {}

  private static final class Page {
    final List<Cell> cells = new ArrayList<>();
    float y = 740;

    Page line(String text) {
      cells.add(new Cell(-1, y, text));
      y -= 11;
      return this;
    }

    /** A table row: the name part at the left, then cells right-aligned at the column edges. */
    Page row(String left, float[] edges, String... values) {
      cells.add(new Cell(-1, y, left));
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          cells.add(new Cell(edges[i], y, values[i]));
        }
      }
      y -= 11;
      return this;
    }

    byte[] pdf() {
      PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDDocument document = new PDDocument()) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          for (Cell cell : cells) {
            float width = font.getStringWidth(cell.text()) / 1000 * 7f;
            float x = cell.right() < 0 ? 30 : cell.right() - width;
            content.beginText();
            content.setFont(font, 7f);
            content.newLineAtOffset(x, cell.y());
            content.showText(cell.text());
            content.endText();
          }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static float[] edges(int columns, float first, float step) {
    float[] edges = new float[columns];
    for (int i = 0; i < columns; i++) {
      edges[i] = first + step * i;
    }
    return edges;
  }

  private static Page header(Page page, float[] edges, String... labels) {
    return page.line("Wednesday, April 10, 2024 Rocket Mortgage FieldHouse, Cleveland, OH")
        .line("Officials: #24 Kevin Scott, #36 Brent Barnaky")
        .line("Game Duration: 2:10")
        .line("Attendance: 18,064")
        .line("VISITOR: Memphis Grizzlies (27-53)")
        .row("NO PLAYER POS MIN", edges, labels);
  }

  @Test
  void aMissingPlusMinusCellIsEmptyAndReportedAndPointsStayPoints() throws Exception {
    float[] edges = edges(16, 260, 21);
    Page page = header(new Page(), edges, HEADER);
    String[] cells = {
      "7", "21", "2", "10", "6", "6", "0", "2", "2", "2", "2", "2", "1", "1", null, "22"
    };
    page.row("45 GG Jackson F 35:42", edges, cells);
    Gamebook g = parser.parse(page.pdf());
    ActivePlayer p = g.activePlayers().get(0);
    assertEquals(7, p.stats().fieldGoalsMade());
    assertEquals(21, p.stats().fieldGoalsAttempted());
    assertEquals(1, p.stats().blocks());
    assertEquals(22, p.stats().points());
    assertEquals(List.of("+/-"), p.unreadableColumns());
    assertTrue(g.sections().section("stat_line_parsing").orElseThrow().errorCount() >= 1);
    JsonNode json = new ObjectMapper().readTree(GamebookJson.toJson(g));
    JsonNode stats = json.findValue("stats");
    assertTrue(stats.get("plus_minus").isNull(), stats.toString());
    assertEquals(22, stats.get("points").asInt());
  }

  @Test
  void anExtraColumnIsIgnoredNotShiftedIntoItsNeighbours() {
    String[] labels = new String[17];
    System.arraycopy(HEADER, 0, labels, 0, 2);
    labels[2] = "%";
    System.arraycopy(HEADER, 2, labels, 3, 14);
    float[] edges = edges(17, 250, 19.5f);
    Page page = header(new Page(), edges, labels);
    page.row(
        "45 GG Jackson F 35:42",
        edges,
        "7",
        "21",
        ".333",
        "2",
        "10",
        "6",
        "6",
        "0",
        "2",
        "2",
        "2",
        "2",
        "2",
        "1",
        "1",
        "+13",
        "22");
    Gamebook g = parser.parse(page.pdf());
    StatLine s = g.activePlayers().get(0).stats();
    assertEquals(7, s.fieldGoalsMade());
    assertEquals(21, s.fieldGoalsAttempted());
    assertEquals(2, s.threePointersMade());
    assertEquals(10, s.threePointersAttempted());
    assertEquals(13, s.plusMinus());
    assertEquals(22, s.points());
    assertTrue(g.activePlayers().get(0).unreadableColumns().isEmpty());
  }

  @Test
  void jitteredColumnsAndAWrappedNameLandCorrectly() {
    float[] edges = edges(16, 262, 20.8f);
    float[] jittered = edges.clone();
    for (int i = 0; i < jittered.length; i++) {
      jittered[i] += (i % 3 - 1) * 3.5f;
    }
    Page page = header(new Page(), edges, HEADER);
    page.line("9 Nickeil Alexander-");
    page.row(
        "Walker G 35:42",
        jittered,
        "7",
        "21",
        "2",
        "10",
        "6",
        "6",
        "0",
        "2",
        "2",
        "2",
        "2",
        "2",
        "1",
        "1",
        "-13",
        "22");
    Gamebook g = parser.parse(page.pdf());
    ActivePlayer p = g.activePlayers().get(0);
    assertEquals("Nickeil Alexander-Walker", p.name().printed());
    assertEquals("9", p.jersey());
    assertEquals(-13, p.stats().plusMinus());
    assertEquals(22, p.stats().points());
    assertEquals(6, p.stats().freeThrowsAttempted());
  }

  @Test
  void aFailedIdentityMakesTheDocumentPartial() {
    Gamebook g =
        parser.parseLines(
            List.of(
                "VISITOR: Memphis Grizzlies",
                "1 A Player 48:00 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 9",
                "HOME: Cleveland Cavaliers",
                "2 B Player 48:00 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 2"));
    assertFalse(g.checksPassed());
    assertEquals(ParseStatus.PARTIAL, g.status());
  }
}
