package io.github.courtside.scrapers.gamebook;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.scrapers.teams.NbaTeam;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders a {@link Gamebook} as an NBA.com-style "Official Scorer's Report" PDF in the layout of
 * spec §C.2 (the layout {@link GamebookParser} reads): header lines, a VISITOR and a HOME table
 * with starters (position letter), bench, DNP/DND/NWT rows and a TOTALS row, one "Inactive:" list
 * per team wrapped over lines, the SCORE BY PERIODS table and a footer with page numbers. Tables
 * that do not fit continue on the next page under a repeated team and column header.
 *
 * <p>Text uses Helvetica; strings Helvetica's WinAnsi encoding cannot show (for example "Dončić")
 * use Liberation Sans embedded from PDFBox's resources, so every name survives a round trip. Used
 * by the property tests (render, parse back, compare) and by the demo to render synthetic games.
 * The printed TOTALS row is the gamebook's own when it has one, else the column sums.
 *
 * <pre>{@code
 * byte[] pdf = GamebookPdfWriter.create().write(gamebook);
 * Files.write(Path.of("synthetic.pdf"), pdf);
 * }</pre>
 */
public final class GamebookPdfWriter {
  private static final String UNICODE_FONT =
      "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final DateTimeFormatter HEADER_DATE =
      DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
  private static final float LEFT = 36;
  private static final float RIGHT = 576;
  private static final float WIDTH = RIGHT - LEFT;
  private static final float TOP = 740;
  private static final float BOTTOM = 52;
  private static final float ROW = 10.4f;
  private static final float TABLE_SIZE = 7.5f;
  private static final float TEXT_SIZE = 8.5f;
  private static final float FIRST_COLUMN_RIGHT = 259;
  private static final float COLUMN_STEP = 20.4f;
  private static final String[] COLUMNS = {
    "FG", "FGA", "3P", "3PA", "FT", "FTA", "OR", "DR", "TOT", "A", "PF", "ST", "TO", "BS", "+/-",
    "PTS"
  };

  private GamebookPdfWriter() {}

  /** A writer. */
  public static GamebookPdfWriter create() {
    return new GamebookPdfWriter();
  }

  /** The gamebook as PDF bytes. */
  public byte[] write(Gamebook gamebook) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(gamebook, out);
    return out.toByteArray();
  }

  /** Writes the gamebook as a PDF to a stream (not closed). */
  public void write(Gamebook gamebook, OutputStream out) {
    try (PDDocument document = new PDDocument()) {
      new Rendering(document, gamebook).render();
      document.save(out);
    } catch (IOException e) {
      throw new CourtsideException("cannot render gamebook PDF: " + e.getMessage(), e);
    }
  }

  /** The state of one rendering: document, fonts, current page and cursor. */
  private static final class Rendering {
    private final PDDocument document;
    private final Gamebook gamebook;
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private PDFont unicode = regular;
    private boolean unicodeLoaded;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float y;
    private Optional<TeamSide> openTable = Optional.empty();

    Rendering(PDDocument document, Gamebook gamebook) throws IOException {
      this.document = document;
      this.gamebook = gamebook;
      this.content = newPage();
    }

    void render() throws IOException {
      GameInfo game = gamebook.game();
      header(game);
      for (TeamSide side : TeamSide.values()) {
        Optional<GameTeam> team = game.team(side);
        if (team.isPresent()) {
          table(team.get());
        }
      }
      y -= 12;
      for (TeamSide side : TeamSide.values()) {
        Optional<GameTeam> team = game.team(side);
        if (team.isPresent()) {
          inactive(team.get());
        }
      }
      scores(game);
      content.close();
      footers(game);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(
          "Box Score "
              + game.away().map(this::nickname).orElse("")
              + " - "
              + game.home().map(this::nickname).orElse(""));
      info.setSubject("Official Scorer's Report " + game.matchup().orElse(""));
      info.setCreator("courtside GamebookPdfWriter");
      // The creation date is the night after the game (as NBA.com publishes), not the wall clock.
      LocalDate day = game.date().orElse(LocalDate.of(2000, 1, 1)).plusDays(1);
      Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
      created.clear();
      created.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), 2, 0);
      info.setCreationDate(created);
    }

    private PDPageContentStream newPage() throws IOException {
      PDPage page = new PDPage(PDRectangle.LETTER);
      document.addPage(page);
      pages.add(page);
      PDPageContentStream stream = new PDPageContentStream(document, page);
      text(stream, bold, 16, LEFT, TOP, "Official Scorer's Report");
      rule(stream, TOP - 7, 1.2f);
      y = TOP - 22;
      return stream;
    }

    /** Starts a new page when {@code height} does not fit, repeating an open table's headers. */
    private void ensure(float height) throws IOException {
      if (y - height >= BOTTOM) {
        return;
      }
      content.close();
      content = newPage();
      if (openTable.isPresent()) {
        Optional<GameTeam> team = gamebook.game().team(openTable.get());
        if (team.isPresent()) {
          teamHeader(team.get());
        }
      }
    }

    private void header(GameInfo game) throws IOException {
      Optional<LocalDate> date = game.date();
      String venue =
          String.join(
              ", ",
              java.util.stream.Stream.of(game.arena(), game.city(), game.state())
                  .flatMap(Optional::stream)
                  .toList());
      if (date.isPresent()) {
        String printed = date.get().format(HEADER_DATE);
        text(content, bold, TEXT_SIZE, LEFT, y, printed);
        if (!venue.isEmpty()) {
          float x = LEFT + width(bold, printed, TEXT_SIZE) + 6;
          text(content, fontFor(venue), TEXT_SIZE, x, y, venue);
        }
        y -= 12;
      }
      if (!game.officials().isEmpty()) {
        labelled(
            "Officials: ",
            game.officials().stream()
                .map(o -> "#" + o.number() + " " + o.name())
                .collect(Collectors.joining(", ")));
      }
      if (game.gameDuration().isPresent()) {
        labelled("Game Duration: ", game.gameDuration().get());
      }
      if (game.attendance().isPresent()) {
        labelled(
            "Attendance: ",
            game.attendance().getAsInt()
                + game.attendanceNote().map(n -> " (" + n + ")").orElse(""));
      }
      rule(content, y + 4, 0.6f);
      y -= 18;
    }

    private void labelled(String label, String value) throws IOException {
      text(content, bold, TEXT_SIZE, LEFT, y, label);
      text(content, fontFor(value), TEXT_SIZE, LEFT + width(bold, label, TEXT_SIZE), y, value);
      y -= 12;
    }

    private void teamHeader(GameTeam team) throws IOException {
      fill(LEFT, y - 4, WIDTH, 14, 0.86667f, 0.8902f, 0.91765f);
      String label =
          (team.side() == TeamSide.AWAY ? "VISITOR: " : "HOME: ")
              + team.printedName()
              + team.record().map(r -> " (" + r + ")").orElse("");
      text(content, bold, 9, LEFT + 3, y, label);
      y -= 14;
      fill(LEFT, y - 3, WIDTH, ROW, 0.76863f, 0.8f, 0.83922f);
      text(content, bold, TABLE_SIZE, 42.75f, y, "NO");
      text(content, bold, TABLE_SIZE, 60, y, "PLAYER");
      text(content, bold, TABLE_SIZE, 190, y, "POS");
      right(bold, 232, "MIN");
      for (int i = 0; i < COLUMNS.length; i++) {
        right(bold, FIRST_COLUMN_RIGHT + COLUMN_STEP * i, COLUMNS[i]);
      }
      y -= ROW;
    }

    private void table(GameTeam team) throws IOException {
      ensure(14 + ROW * 3);
      teamHeader(team);
      openTable = Optional.of(team.side());
      int row = 0;
      for (ActivePlayer p : gamebook.activePlayers(team.side())) {
        ensure(ROW);
        stripe(row++);
        cell(p.jersey(), p.name().printed(), p.position().orElse(""));
        statColumns(p.stats(), regular);
        y -= ROW;
      }
      for (NonPlayingPlayer p : gamebook.dnpPlayers(team.side())) {
        ensure(ROW);
        stripe(row++);
        cell(p.jersey(), p.name().printed(), "");
        text(content, fontFor(p.dnpReason()), TABLE_SIZE, 204, y, p.dnpReason());
        y -= ROW;
      }
      ensure(ROW);
      rule(content, y + ROW - 3, 0.6f);
      text(content, bold, TABLE_SIZE, 60, y, "TOTALS");
      statColumns(totals(team.side()), bold);
      openTable = Optional.empty();
      y -= 22.4f;
    }

    private StatLine totals(TeamSide side) {
      Optional<TeamTotals> printed = gamebook.totals(side);
      if (printed.isPresent()) {
        return printed.get().totals();
      }
      int[] sums = new int[16];
      int seconds = 0;
      for (ActivePlayer p : gamebook.activePlayers(side)) {
        int[] c = p.stats().columns();
        for (int i = 0; i < 16; i++) {
          sums[i] += c[i];
        }
        seconds += p.stats().seconds();
      }
      return StatLine.of(StatLine.clock(seconds), sums);
    }

    private void stripe(int row) throws IOException {
      if (row % 2 == 1) {
        fill(LEFT, y - 3, WIDTH, ROW, 0.95294f, 0.96078f, 0.96863f);
      }
    }

    private void cell(String jersey, String name, String position) throws IOException {
      if (!jersey.isEmpty()) {
        right(regular, 54, jersey);
      }
      text(content, fontFor(name), TABLE_SIZE, 60, y, name);
      if (!position.isEmpty()) {
        text(content, regular, TABLE_SIZE, 190, y, position);
      }
    }

    private void statColumns(StatLine stats, PDFont font) throws IOException {
      right(font, 232, stats.minutes());
      int[] columns = stats.columns();
      for (int i = 0; i < columns.length; i++) {
        right(font, FIRST_COLUMN_RIGHT + COLUMN_STEP * i, Integer.toString(columns[i]));
      }
    }

    private void inactive(GameTeam team) throws IOException {
      List<InactivePlayer> players = gamebook.inactivePlayers(team.side());
      String list =
          players.isEmpty()
              ? "None"
              : players.stream()
                  .map(p -> p.name().printed() + " (" + p.reason() + ")")
                  .collect(Collectors.joining(", "));
      String label = "Inactive: ";
      List<String> lines =
          wrap(nickname(team) + " - " + list, WIDTH - width(bold, label, TEXT_SIZE), WIDTH);
      ensure(11);
      text(content, bold, TEXT_SIZE, LEFT, y, label);
      for (int i = 0; i < lines.size(); i++) {
        if (i > 0) {
          y -= 11;
          ensure(11);
        }
        float x = i == 0 ? LEFT + width(bold, label, TEXT_SIZE) : LEFT;
        text(content, fontFor(lines.get(i)), TEXT_SIZE, x, y, lines.get(i));
      }
      y -= 14;
    }

    private List<String> wrap(String text, float firstWidth, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" ", -1)) {
        String candidate = line.length() == 0 ? word : line + " " + word;
        float limit = lines.isEmpty() ? firstWidth : width;
        if (line.length() > 0 && width(fontFor(candidate), candidate, TEXT_SIZE) > limit) {
          lines.add(line.toString());
          line.setLength(0);
          line.append(word);
        } else {
          line.setLength(0);
          line.append(candidate);
        }
      }
      lines.add(line.toString());
      return lines;
    }

    private void scores(GameInfo game) throws IOException {
      List<PeriodScores> rows = new ArrayList<>();
      for (TeamSide side : TeamSide.values()) {
        gamebook.periodScores(side).ifPresent(rows::add);
      }
      if (rows.isEmpty()) {
        return;
      }
      int periods = rows.stream().mapToInt(r -> r.periods().size()).max().orElse(4);
      ensure(12 + 11.4f * rows.size());
      y -= 6;
      float step = 23;
      float first = 186;
      fill(LEFT, y - 3, 150 + step * (periods + 1) + 10, ROW, 0.76863f, 0.8f, 0.83922f);
      text(content, bold, 8, 39, y, "SCORE BY PERIODS");
      for (int i = 0; i < periods; i++) {
        String label = i < 4 ? Integer.toString(i + 1) : "OT" + (i - 3);
        rightSized(bold, 8, first + step * i, label);
      }
      rightSized(bold, 8, first + step * periods + 10, "FINAL");
      for (PeriodScores row : rows) {
        y -= 11.4f;
        String name = game.team(row.side()).map(GameTeam::printedName).orElse(row.side().name());
        text(content, fontFor(name), 8, 39, y, name);
        for (int i = 0; i < row.periods().size(); i++) {
          rightSized(regular, 8, first + step * i, Integer.toString(row.periods().get(i)));
        }
        rightSized(regular, 8, first + step * periods + 10, Integer.toString(row.finalScore()));
      }
      rule(content, y - 3, 0.6f);
      y -= 20;
    }

    private void footers(GameInfo game) throws IOException {
      int year = game.date().map(LocalDate::getYear).orElse(2024);
      for (int i = 0; i < pages.size(); i++) {
        try (PDPageContentStream footer =
            new PDPageContentStream(
                document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
          rule(footer, 39, 0.4f);
          text(
              footer,
              regular,
              6.5f,
              LEFT,
              30,
              "Copyright (c) " + year + " NBA Properties, Inc. All Rights Reserved.");
          String page = "Page " + (i + 1) + " of " + pages.size();
          text(footer, regular, 6.5f, RIGHT - width(regular, page, 6.5f), 30, page);
        }
      }
    }

    private String nickname(GameTeam team) {
      return team.team().map(NbaTeam::nickname).orElse(team.printedName());
    }

    // ------------------------------------------------------------ drawing primitives

    private void right(PDFont font, float rightEdge, String value) throws IOException {
      rightSized(font, TABLE_SIZE, rightEdge, value);
    }

    private void rightSized(PDFont font, float size, float rightEdge, String value)
        throws IOException {
      PDFont used = font.equals(bold) ? bold : fontFor(value);
      text(content, used, size, rightEdge - width(used, value, size), y, value);
    }

    private void fill(float x, float yy, float w, float h, float r, float g, float b)
        throws IOException {
      content.setNonStrokingColor(r, g, b);
      content.addRect(x, yy, w, h);
      content.fill();
      content.setNonStrokingColor(0f, 0f, 0f);
    }

    private static void rule(PDPageContentStream stream, float yy, float lineWidth)
        throws IOException {
      stream.setStrokingColor(0.33333f, 0.33333f, 0.33333f);
      stream.setLineWidth(lineWidth);
      stream.moveTo(LEFT, yy);
      stream.lineTo(RIGHT, yy);
      stream.stroke();
    }

    private static void text(
        PDPageContentStream stream, PDFont font, float size, float x, float yy, String value)
        throws IOException {
      stream.beginText();
      stream.newLineAtOffset(x, yy);
      stream.setFont(font, size);
      stream.showText(value);
      stream.endText();
    }

    private static float width(PDFont font, String value, float size) throws IOException {
      return font.getStringWidth(value) / 1000 * size;
    }

    /** Helvetica when WinAnsi can encode the text, else the embedded Unicode font. */
    private PDFont fontFor(String value) throws IOException {
      try {
        regular.encode(value);
        return regular;
      } catch (IllegalArgumentException e) {
        if (!unicodeLoaded) {
          try (InputStream in = GamebookPdfWriter.class.getResourceAsStream(UNICODE_FONT)) {
            if (in == null) {
              throw new IOException("PDFBox resource " + UNICODE_FONT + " is missing", e);
            }
            unicode = PDType0Font.load(document, in);
            unicodeLoaded = true;
          }
        }
        return unicode;
      }
    }
  }
}
