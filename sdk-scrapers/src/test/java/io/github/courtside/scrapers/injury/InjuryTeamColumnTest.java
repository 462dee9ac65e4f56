package io.github.courtside.scrapers.injury;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/**
 * The Team column read by position: a team cell wrapped over lines centred on its row (one line
 * above the row, one below) is one team; a cell that joins to no team name is reported, and its
 * rows keep the cell as printed rather than the previous team.
 */
class InjuryTeamColumnTest {
  private final InjuryReportParser parser = InjuryReportParser.create();

  /** A text at a position on the page. */
  private record Cell(float x, float y, String text) {}

  private static final float DATE = 24;
  private static final float TIME = 110;
  private static final float MATCHUP = 180;
  private static final float TEAM = 250;
  private static final float PLAYER = 340;
  private static final float STATUS = 490;
  private static final float REASON = 570;

  private static byte[] pdf(List<Cell> cells) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(new PDRectangle(800, 612));
      document.addPage(page);
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        for (Cell cell : cells) {
          content.beginText();
          content.setFont(font, 10);
          content.newLineAtOffset(cell.x(), cell.y());
          content.showText(cell.text());
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  /** Title, header and a first row for Sacramento on y 520. */
  private static List<Cell> head() {
    return List.of(
        new Cell(300, 570, "Injury Report: 01/04/24 12:30 PM"),
        new Cell(DATE, 540, "Game Date"),
        new Cell(TIME, 540, "Game Time"),
        new Cell(MATCHUP, 540, "Matchup"),
        new Cell(TEAM, 540, "Team"),
        new Cell(PLAYER, 540, "Player Name"),
        new Cell(STATUS, 540, "Current Status"),
        new Cell(REASON, 540, "Reason"),
        new Cell(DATE, 520, "01/04/2024"),
        new Cell(TIME, 520, "10:00 (ET)"),
        new Cell(MATCHUP, 520, "MIN@SAC"),
        new Cell(TEAM, 520, "Sacramento Kings"),
        new Cell(PLAYER, 520, "Monk, Malik"),
        new Cell(STATUS, 520, "Out"),
        new Cell(REASON, 520, "Rest"));
  }

  private static List<Cell> withSecondTeam(String above, String below) {
    List<Cell> cells = new java.util.ArrayList<>(head());
    cells.add(new Cell(TEAM, 506, above));
    cells.add(new Cell(PLAYER, 499, "Edwards, Anthony"));
    cells.add(new Cell(STATUS, 499, "Questionable"));
    cells.add(new Cell(REASON, 499, "Injury/Illness - Left Hip; Contusion"));
    cells.add(new Cell(TEAM, 492, below));
    cells.add(new Cell(PLAYER, 478, "Gobert, Rudy"));
    cells.add(new Cell(STATUS, 478, "Probable"));
    cells.add(new Cell(REASON, 478, "Rest"));
    return cells;
  }

  @Test
  void aTeamCellWrappedAboveAndBelowItsRowIsOneTeam() throws IOException {
    InjuryReport report = parser.parse(pdf(withSecondTeam("Minnesota", "Timberwolves")));
    assertEquals(
        List.of(
            "SAC Monk, Malik Rest",
            "MIN Edwards, Anthony Injury/Illness - Left Hip; Contusion",
            "MIN Gobert, Rudy Rest"),
        report.records().stream().map(r -> r.team() + " " + r.player() + " " + r.reason()).toList(),
        report.sections().toString());
    assertEquals(
        0,
        report.sections().section(InjuryReportParser.GAMES).orElseThrow().errorCount(),
        report.sections().toString());
  }

  @Test
  void aTeamCellThatNamesNoTeamIsReported() throws IOException {
    InjuryReport report = parser.parse(pdf(withSecondTeam("Minnesota", "Lakers")));
    assertEquals(
        List.of(
            "SAC Monk, Malik Rest",
            "Minnesota Edwards, Anthony Injury/Illness - Left Hip; Contusion",
            "Minnesota Gobert, Rudy Rest"),
        report.records().stream().map(r -> r.team() + " " + r.player() + " " + r.reason()).toList(),
        report.sections().toString());
    // the incomplete cell "Minnesota" and the stray fragment "Lakers", each reported
    assertEquals(
        List.of("team_cell_unreadable", "team_cell_unreadable"),
        report.sections().section(InjuryReportParser.GAMES).orElseThrow().errorSamples().stream()
            .map(p -> p.type())
            .toList(),
        report.sections().toString());
  }
}
