package io.github.courtside.testkit.gamebook;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.scrapers.gamebook.ActivePlayer;
import io.github.courtside.scrapers.gamebook.GameInfo;
import io.github.courtside.scrapers.gamebook.GameTeam;
import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.GamebookParser;
import io.github.courtside.scrapers.gamebook.InactivePlayer;
import io.github.courtside.scrapers.gamebook.NonPlayingPlayer;
import io.github.courtside.scrapers.gamebook.PeriodScores;
import io.github.courtside.scrapers.gamebook.StatLine;
import io.github.courtside.scrapers.gamebook.TeamSide;
import io.github.courtside.scrapers.gamebook.TeamTotals;
import io.github.courtside.scrapers.teams.NbaTeam;
import io.github.courtside.testkit.internal.PdfFileIds;
import io.github.courtside.testkit.internal.PdfPages;
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
  private static final float NAME_X = 60;
  private static final float POSITION_X = 190;
  private static final float REASON_X = 204;

  /** The least blank between two cells of a row, in points. */
  private static final float CELL_GAP = 4;

  private static final float TABLE_SIZE = 7.5f;
  private static final float TEXT_SIZE = 8.5f;
  private static final float FIRST_COLUMN_RIGHT = 259;
  private static final float COLUMN_STEP = 20.4f;
  private static final String[] COLUMNS = {
    "FG", "FGA", "3P", "3PA", "FT", "FTA", "OR", "DR", "TOT", "A", "PF", "ST", "TO", "BS", "+/-",
    "PTS"
  };

  private final Style style;

  private GamebookPdfWriter(Style style) {
    this.style = style;
  }

  /** A writer of the standard layout. */
  public static GamebookPdfWriter create() {
    return new GamebookPdfWriter(Style.standard());
  }

  /** A writer of a layout variant (other fonts, sizes, column positions, wrapping, case). */
  public static GamebookPdfWriter create(Style style) {
    return new GamebookPdfWriter(java.util.Objects.requireNonNull(style, "style"));
  }

  /** The font family of a {@link Style}. */
  public enum Family {
    /** Helvetica and Helvetica-Bold (the NBA.com look). */
    HELVETICA(Standard14Fonts.FontName.HELVETICA, Standard14Fonts.FontName.HELVETICA_BOLD),
    /** Times-Roman and Times-Bold. */
    TIMES(Standard14Fonts.FontName.TIMES_ROMAN, Standard14Fonts.FontName.TIMES_BOLD),
    /** Courier and Courier-Bold (monospaced, wide). */
    COURIER(Standard14Fonts.FontName.COURIER, Standard14Fonts.FontName.COURIER_BOLD);

    private final Standard14Fonts.FontName regular;
    private final Standard14Fonts.FontName bold;

    Family(Standard14Fonts.FontName regular, Standard14Fonts.FontName bold) {
      this.regular = regular;
      this.bold = bold;
    }
  }

  /**
   * A layout variant, so tests render gamebooks the parser's author did not lay out: font family
   * and table size, where the stat columns stand and how far each cell strays from its column
   * (seeded jitter), "+N" plus/minus, hyphenated names wrapped over two lines, mixed-case column
   * and score headers, the dash after DNP/DND/NWT, and a bottom margin that forces page breaks.
   *
   * <pre>{@code
   * Style style = new Style(Family.TIMES, 8f, 255, 20.8f, 2f, 42L, true, true, true, "\u2013", 52);
   * byte[] pdf = GamebookPdfWriter.create(style).write(gamebook);
   * }</pre>
   *
   * @param family fonts
   * @param tableSize table font size (6 to 9)
   * @param firstColumnRight right edge of the FG column
   * @param columnStep distance between stat columns
   * @param cellJitter the most a cell's right edge strays from its column, either side
   * @param jitterSeed seed of the jitter
   * @param signedPlusMinus print positive plus/minus as "+N"
   * @param wrapHyphenatedNames print "Nickeil Alexander-" above "Walker"
   * @param mixedCaseHeaders "No Player Pos Min Fg ..." and "Score by Periods"
   * @param dash the separator printed after DNP/DND/NWT ("-", en or em dash)
   * @param bottomMargin the page's lower text limit (larger: more page breaks)
   */
  public record Style(
      Family family,
      float tableSize,
      float firstColumnRight,
      float columnStep,
      float cellJitter,
      long jitterSeed,
      boolean signedPlusMinus,
      boolean wrapHyphenatedNames,
      boolean mixedCaseHeaders,
      String dash,
      float bottomMargin) {
    /** Checks the values keep the table on the page. */
    public Style {
      java.util.Objects.requireNonNull(family, "family");
      java.util.Objects.requireNonNull(dash, "dash");
      if (tableSize < 6 || tableSize > 9) {
        throw new IllegalArgumentException("tableSize must be within 6..9, got " + tableSize);
      }
      if (firstColumnRight + 15 * columnStep > 600 || columnStep < 15) {
        throw new IllegalArgumentException("stat columns do not fit the page");
      }
    }

    /** The standard layout (spec §C.2). */
    public static Style standard() {
      return new Style(
          Family.HELVETICA,
          TABLE_SIZE,
          FIRST_COLUMN_RIGHT,
          COLUMN_STEP,
          0,
          0,
          false,
          false,
          false,
          "-",
          BOTTOM);
    }
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
      new Rendering(document, gamebook, style).render();
      // A file identifier from the content, not the clock: the same game and style give the same
      // bytes, so generated PDFs can be compared and cached.
      PdfFileIds.stamp(document, gamebook.toString() + "\n" + style);
      document.save(out);
    } catch (IOException e) {
      throw new CourtsideException("cannot render gamebook PDF: " + e.getMessage(), e);
    }
  }

  /** The state of one rendering: document, fonts, current page and cursor. */
  private static final class Rendering {
    private final PDDocument document;
    private final Gamebook gamebook;
    private final Style style;
    private final java.util.Random jitter;
    private final PDFont bold;
    private final PDFont regular;
    private PDFont unicode;
    private boolean unicodeLoaded;
    private final PdfPages pages;
    private PDPageContentStream content;
    private float y;
    private Optional<TeamSide> openTable = Optional.empty();

    Rendering(PDDocument document, Gamebook gamebook, Style style) throws IOException {
      this.document = document;
      this.pages = new PdfPages(document);
      this.gamebook = gamebook;
      this.style = style;
      this.jitter = new java.util.Random(style.jitterSeed());
      this.bold = new PDType1Font(style.family().bold);
      this.regular = new PDType1Font(style.family().regular);
      this.unicode = regular;
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
      PDPageContentStream stream = pages.add(PDRectangle.LETTER);
      text(stream, bold, 16, LEFT, TOP, "Official Scorer's Report");
      rule(stream, TOP - 7, 1.2f);
      y = TOP - 22;
      return stream;
    }

    /** Starts a new page when {@code height} does not fit, repeating an open table's headers. */
    private void ensure(float height) throws IOException {
      if (y - height >= style.bottomMargin()) {
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
      float size = style.tableSize();
      text(content, bold, size, 42.75f, y, header("NO"));
      text(content, bold, size, 60, y, header("PLAYER"));
      text(content, bold, size, 190, y, header("POS"));
      right(bold, 232, header("MIN"));
      for (int i = 0; i < COLUMNS.length; i++) {
        right(bold, column(i), header(COLUMNS[i]));
      }
      y -= ROW;
    }

    private String header(String label) {
      if (!style.mixedCaseHeaders() || label.length() < 2 || !Character.isLetter(label.charAt(0))) {
        return label;
      }
      return label.charAt(0) + label.substring(1).toLowerCase(Locale.ROOT);
    }

    private float column(int i) {
      return style.firstColumnRight() + style.columnStep() * i;
    }

    private float jittered(int i) {
      float spread = style.cellJitter();
      return column(i) + (spread == 0 ? 0 : (jitter.nextFloat() * 2 - 1) * spread);
    }

    private void table(GameTeam team) throws IOException {
      ensure(14 + ROW * 3);
      teamHeader(team);
      openTable = Optional.of(team.side());
      int row = 0;
      for (ActivePlayer p : gamebook.activePlayers(team.side())) {
        ensure(ROW * 2);
        stripe(row++);
        String name = p.name().printed();
        int hyphen = name.lastIndexOf('-');
        boolean wraps = style.wrapHyphenatedNames() || !fitsNameCell(name, POSITION_X);
        if (wraps && hyphen > 0 && hyphen < name.length() - 1) {
          cell(p.jersey(), name.substring(0, hyphen + 1), "");
          y -= ROW * 0.9f; // the head and the row stay on one page
          cell("", name.substring(hyphen + 1), p.position().orElse(""));
        } else {
          cell(p.jersey(), name, p.position().orElse(""));
        }
        statColumns(p.stats(), regular);
        y -= ROW;
      }
      for (NonPlayingPlayer p : gamebook.dnpPlayers(team.side())) {
        ensure(ROW);
        stripe(row++);
        cell(p.jersey(), p.name().printed(), "");
        String printed = p.category().name() + " " + style.dash() + " " + p.reason();
        if (p.reason().isEmpty()) {
          printed = p.category().name();
        }
        // as on NBA.com, a long name pushes the reason right rather than running into it
        float reasonX = Math.max(REASON_X, NAME_X + nameWidth(p.name().printed()) + CELL_GAP);
        text(content, fontFor(printed), style.tableSize(), reasonX, y, printed);
        y -= ROW;
      }
      ensure(ROW);
      rule(content, y + ROW - 3, 0.6f);
      text(content, bold, style.tableSize(), 60, y, "TOTALS");
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
      text(content, fontFor(name), style.tableSize(), NAME_X, y, name);
      if (!position.isEmpty()) {
        float positionX = Math.max(POSITION_X, NAME_X + nameWidth(name) + CELL_GAP);
        text(content, regular, style.tableSize(), positionX, y, position);
      }
    }

    private float nameWidth(String name) throws IOException {
      return width(fontFor(name), name, style.tableSize());
    }

    /** Whether the name ends a cell gap before {@code nextCellX} in the style's table font. */
    private boolean fitsNameCell(String name, float nextCellX) throws IOException {
      return NAME_X + nameWidth(name) + CELL_GAP <= nextCellX;
    }

    private void statColumns(StatLine stats, PDFont font) throws IOException {
      right(font, 232, stats.minutes());
      int[] columns = stats.columns();
      float previousRight = 232;
      for (int i = 0; i < columns.length; i++) {
        String value = Integer.toString(columns[i]);
        if (i == 14 && style.signedPlusMinus() && columns[i] > 0) {
          value = "+" + value;
        }
        // Jitter moves a cell, but never onto its neighbour: a table keeps a gap between cells.
        float edge =
            Math.max(jittered(i), previousRight + 2.5f + width(font, value, style.tableSize()));
        right(font, edge, value);
        previousRight = edge;
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
      text(
          content,
          bold,
          8,
          39,
          y,
          style.mixedCaseHeaders() ? "Score by Periods" : "SCORE BY PERIODS");
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
      pages.appendToEach(
          (footer, index, count) -> {
            rule(footer, 39, 0.4f);
            text(
                footer,
                regular,
                6.5f,
                LEFT,
                30,
                "Copyright (c) " + year + " NBA Properties, Inc. All Rights Reserved.");
            String page = "Page " + (index + 1) + " of " + count;
            text(footer, regular, 6.5f, RIGHT - width(regular, page, 6.5f), 30, page);
          });
    }

    private String nickname(GameTeam team) {
      return team.team().map(NbaTeam::nickname).orElse(team.printedName());
    }

    // ------------------------------------------------------------ drawing primitives

    private void right(PDFont font, float rightEdge, String value) throws IOException {
      rightSized(font, style.tableSize(), rightEdge, value);
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
