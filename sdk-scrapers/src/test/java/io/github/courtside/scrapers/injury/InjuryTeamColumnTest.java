package io.github.courtside.scrapers.injury;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.courtside.scrapers.ParseStatus;
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
            "Minnesota Lakers Edwards, Anthony Injury/Illness - Left Hip; Contusion",
            "Minnesota Lakers Gobert, Rudy Rest"),
        report.records().stream().map(r -> r.team() + " " + r.player() + " " + r.reason()).toList(),
        report.sections().toString());
    // the cell's two fragments make one cell, which names no team: reported once
    assertEquals(
        List.of("team_cell_unreadable"),
        report.sections().section(InjuryReportParser.GAMES).orElseThrow().errorSamples().stream()
            .map(p -> p.type())
            .toList(),
        report.sections().toString());
  }

  /**
   * A reason that starts on its row and wraps below, followed by a reason the parser does not know
   * centred on the next row: by text alone "Return to Competition" (above the next row) reads as
   * the tail of the first reason; by position it is nearer the next row.
   */
  @Test
  void anInlineReasonThatWrapsBelowStaysWithItsPlayer() throws IOException {
    List<Cell> cells = new java.util.ArrayList<>(head());
    cells.add(new Cell(PLAYER, 496, "Edwards, Anthony"));
    cells.add(new Cell(STATUS, 496, "Questionable"));
    cells.add(new Cell(REASON, 496, "Injury/Illness - Left"));
    cells.add(new Cell(REASON, 488, "Hip; Contusion"));
    cells.add(new Cell(REASON, 473, "Return to Competition"));
    cells.add(new Cell(PLAYER, 466, "Gobert, Rudy"));
    cells.add(new Cell(STATUS, 466, "Out"));
    cells.add(new Cell(REASON, 459, "Reconditioning"));
    InjuryReport report = parser.parse(pdf(cells));
    assertEquals(
        List.of(
            "Monk, Malik: Rest",
            "Edwards, Anthony: Injury/Illness - Left Hip; Contusion",
            "Gobert, Rudy: Return to Competition Reconditioning"),
        report.records().stream().map(r -> r.player() + ": " + r.reason()).toList(),
        report.sections().toString());
    assertEquals(2, report.mergedReasons());
    assertEquals(ParseStatus.COMPLETE, report.status(), report.sections().toString());
  }

  /** A name printed without "Last, First" (and not capitalised word by word) is kept, reported. */
  @Test
  void aRowWithoutACommaInTheNameIsKeptAndReported() throws IOException {
    List<Cell> cells = new java.util.ArrayList<>(head());
    cells.add(new Cell(PLAYER, 499, "Luc Mbah a Moute"));
    cells.add(new Cell(STATUS, 499, "Out"));
    cells.add(new Cell(REASON, 499, "Rest"));
    InjuryReport report = parser.parse(pdf(cells));
    assertEquals(
        List.of("Monk, Malik: Rest", "Luc Mbah a Moute: Rest"),
        report.records().stream().map(r -> r.player() + ": " + r.reason()).toList(),
        report.sections().toString());
    assertEquals(
        List.of("name_without_comma"),
        report.sections().section(InjuryReportParser.PLAYERS).orElseThrow().issueSamples().stream()
            .map(p -> p.type())
            .toList(),
        report.sections().toString());
  }

  /** Text far from every row is reported, not appended to the nearest reason. */
  @Test
  void aFragmentFarFromEveryRowIsReported() throws IOException {
    List<Cell> cells = new java.util.ArrayList<>(head());
    cells.add(new Cell(REASON, 300, "Stray note"));
    InjuryReport report = parser.parse(pdf(cells));
    assertEquals(
        List.of("Monk, Malik: Rest"),
        report.records().stream().map(r -> r.player() + ": " + r.reason()).toList());
    assertEquals(
        1,
        report.sections().section(InjuryReportParser.REASONS).orElseThrow().errorCount(),
        report.sections().toString());
  }
}
