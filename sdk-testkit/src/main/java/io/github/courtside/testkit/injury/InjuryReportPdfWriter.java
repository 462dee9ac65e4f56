package io.github.courtside.testkit.injury;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.testkit.injury.InjuryReportDraft.Game;
import io.github.courtside.testkit.injury.InjuryReportDraft.Row;
import io.github.courtside.testkit.injury.InjuryReportDraft.TeamEntry;
import io.github.courtside.testkit.internal.PdfFileIds;
import io.github.courtside.testkit.internal.PdfPages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders an {@link InjuryReportDraft} in the layout of the NBA's injury report (landscape; title
 * "Injury Report: 01/04/24 12:30 PM"; columns Game Date, Game Time, Matchup, Team, Player Name,
 * Current Status, Reason; date, time, matchup and team printed only on their group's first row;
 * "NOT YET SUBMITTED" in the reason column; "Page N of M" footers). A cell too narrow for its text
 * wraps over lines that are centred on the row, as in the NBA's files (a two-line reason prints one
 * line above and one below the player's row), or, in the {@link Wrap#BELOW} variant, starts on the
 * row and runs below it; a jittered layout moves every body cell a little off its column and row.
 *
 * <pre>{@code
 * byte[] pdf = InjuryReportPdfWriter.create(new InjuryReportPdfWriter.Layout(9f, 100, 120, true, 40))
 *     .write(draft);
 * }</pre>
 */
public final class InjuryReportPdfWriter {
  private static final DateTimeFormatter TITLE =
      DateTimeFormatter.ofPattern("MM/dd/yy hh:mm a", Locale.ENGLISH);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
  private static final float HEIGHT = 612;

  /** How a cell too narrow for its text wraps. */
  public enum Wrap {
    /** Lines centred on the row (one above and one below for two lines), as the NBA prints. */
    CENTRED,
    /** The first line on the row's baseline, the rest below it. */
    BELOW
  }

  /**
   * A layout variant.
   *
   * @param fontSize body font size, 8 to 10
   * @param teamWidth width of the Team column (narrow ones wrap long team names)
   * @param reasonWidth width of the Reason column (narrow ones wrap long reasons)
   * @param headerOnEveryPage repeat the column header on every page, not only the first
   * @param bottomMargin the page's lower text limit (larger: more page breaks)
   * @param wrap how wrapped team and reason cells are laid out
   * @param jitter the most each body cell is moved off its column's x (up to this many points) and
   *     off its row's baseline (up to a sixth of it), 0 to 3, drawn per cell from the draft
   */
  public record Layout(
      float fontSize,
      float teamWidth,
      float reasonWidth,
      boolean headerOnEveryPage,
      float bottomMargin,
      Wrap wrap,
      float jitter) {
    /** Checks the sizes. */
    public Layout {
      if (fontSize < 8 || fontSize > 10) {
        throw new IllegalArgumentException("fontSize must be within 8..10: " + fontSize);
      }
      if (teamWidth < 60 || reasonWidth < 90) {
        throw new IllegalArgumentException("columns too narrow: " + teamWidth + ", " + reasonWidth);
      }
      if (bottomMargin < 30 || bottomMargin > 400) {
        throw new IllegalArgumentException("bottomMargin must be within 30..400: " + bottomMargin);
      }
      Objects.requireNonNull(wrap, "wrap");
      if (jitter < 0 || jitter > 3) {
        throw new IllegalArgumentException("jitter must be within 0..3: " + jitter);
      }
    }

    /** A layout with centred wrapping and no jitter. */
    public Layout(
        float fontSize,
        float teamWidth,
        float reasonWidth,
        boolean headerOnEveryPage,
        float bottomMargin) {
      this(fontSize, teamWidth, reasonWidth, headerOnEveryPage, bottomMargin, Wrap.CENTRED, 0);
    }

    /** The NBA's layout: 10 pt, columns wide enough for every team name, header on page one. */
    public static Layout standard() {
      return new Layout(10, 160, 170, false, 60);
    }
  }

  private final Layout layout;

  private InjuryReportPdfWriter(Layout layout) {
    this.layout = layout;
  }

  /** A writer of the standard layout. */
  public static InjuryReportPdfWriter create() {
    return new InjuryReportPdfWriter(Layout.standard());
  }

  /** A writer of a layout variant. */
  public static InjuryReportPdfWriter create(Layout layout) {
    return new InjuryReportPdfWriter(Objects.requireNonNull(layout, "layout"));
  }

  /** The report as PDF bytes (the same bytes for the same draft and layout). */
  public byte[] write(InjuryReportDraft draft) {
    try (PDDocument document = new PDDocument()) {
      new Rendering(document, layout, new SplittableRandom((draft + "\n" + layout).hashCode()))
          .render(draft);
      PdfFileIds.stamp(document, draft + "\n" + layout);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new CourtsideException("cannot render injury report PDF: " + e.getMessage(), e);
    }
  }

  /** One rendering: the document, current page and cursor. */
  private static final class Rendering {
    private final PDDocument document;
    private final Layout layout;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final float dateX = 24;
    private final float timeX = 110;
    private final float matchupX = 180;
    private final float teamX = 250;
    private final float playerX;
    private final float statusX;
    private final float reasonX;
    private final float width;
    private final PdfPages pages;
    private final SplittableRandom jitter;
    private PDPageContentStream content;
    private float y;

    Rendering(PDDocument document, Layout layout, SplittableRandom jitter) throws IOException {
      this.document = document;
      this.layout = layout;
      this.jitter = jitter;
      this.pages = new PdfPages(document);
      this.playerX = teamX + layout.teamWidth();
      this.statusX = playerX + 150;
      this.reasonX = statusX + 78;
      this.width = reasonX + layout.reasonWidth() + 24;
      this.content = newPage();
    }

    void render(InjuryReportDraft draft) throws IOException {
      LocalDate lastDate = null;
      String lastTime = null;
      for (Game game : draft.games()) {
        boolean firstOfGame = true;
        for (TeamEntry entry : List.of(game.away(), game.home())) {
          List<Row> rows = entry.rows();
          int count = entry.submitted() ? rows.size() : 1;
          for (int i = 0; i < count; i++) {
            String date = "";
            String time = "";
            String matchup = "";
            if (firstOfGame) {
              if (!game.date().equals(lastDate)) {
                date = game.date().format(DATE);
              }
              if (!date.isEmpty() || !game.time().equals(lastTime)) {
                time = game.time();
              }
              matchup = game.matchup();
              lastDate = game.date();
              lastTime = game.time();
              firstOfGame = false;
            }
            String team = i == 0 ? entry.team().fullName() : "";
            if (entry.submitted()) {
              Row row = rows.get(i);
              row(date, time, matchup, team, row.player(), row.status().label(), row.reason());
            } else {
              row(date, time, matchup, team, "", "", "NOT YET SUBMITTED");
            }
          }
        }
      }
      content.close();
      footers();
      document.getDocumentInformation().setTitle("Injury Report " + draft.issuedAt());
      // the title is drawn on every page; the issue time is part of it
      titles(draft);
    }

    private PDPageContentStream newPage() throws IOException {
      PDPageContentStream stream = pages.add(new PDRectangle(width, HEIGHT));
      y = HEIGHT - 80;
      if (pages.count() == 1 || layout.headerOnEveryPage()) {
        float size = layout.fontSize();
        text(stream, bold, size, dateX, y, "Game Date");
        text(stream, bold, size, timeX, y, "Game Time");
        text(stream, bold, size, matchupX, y, "Matchup");
        text(stream, bold, size, teamX, y, "Team");
        text(stream, bold, size, playerX, y, "Player Name");
        text(stream, bold, size, statusX, y, "Current Status");
        text(stream, bold, size, reasonX, y, "Reason");
        y -= 22;
      }
      return stream;
    }

    private void row(
        String date,
        String time,
        String matchup,
        String team,
        String player,
        String status,
        String reason)
        throws IOException {
      float size = layout.fontSize();
      float gap = 1.4f * size;
      List<String> teamLines = wrap(team, layout.teamWidth() - 6);
      List<String> reasonLines = wrap(reason, layout.reasonWidth());
      int lines = Math.max(1, Math.max(teamLines.size(), reasonLines.size()));
      boolean below = layout.wrap() == Wrap.BELOW;
      float height = below ? (lines - 1) * gap + 22 : Math.max(22, (lines - 1) * gap + 16);
      if (y - height < layout.bottomMargin()) {
        content.close();
        content = newPage();
      }
      float center = below ? y - 7 : y - height / 2 + 4;
      cell(dateX, center, date);
      cell(timeX, center, time);
      cell(matchupX, center, matchup);
      wrapped(teamX, center, gap, teamLines);
      cell(playerX, center, player);
      cell(statusX, center, status);
      wrapped(reasonX, center, gap, reasonLines);
      y -= height;
    }

    /** A body cell, moved off its place by up to the layout's jitter. */
    private void cell(float x, float yy, String value) throws IOException {
      float j = layout.jitter();
      float dx = j == 0 ? 0 : (float) jitter.nextDouble(-j, j);
      float dy = j == 0 ? 0 : (float) jitter.nextDouble(-j / 6, j / 6);
      text(content, regular, layout.fontSize(), x + dx, yy + dy, value);
    }

    private void wrapped(float x, float center, float gap, List<String> lines) throws IOException {
      float top = layout.wrap() == Wrap.BELOW ? center : center + (lines.size() - 1) * gap / 2;
      for (int i = 0; i < lines.size(); i++) {
        cell(x, top - i * gap, lines.get(i));
      }
    }

    private List<String> wrap(String value, float limit) throws IOException {
      List<String> lines = new ArrayList<>();
      if (value.isEmpty()) {
        return lines;
      }
      StringBuilder line = new StringBuilder();
      for (String word : value.split(" ")) {
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (line.length() > 0 && width(candidate) > limit) {
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

    private float width(String value) throws IOException {
      return regular.getStringWidth(value) / 1000 * layout.fontSize();
    }

    private void titles(InjuryReportDraft draft) throws IOException {
      String title = "Injury Report: " + draft.issuedAt().format(TITLE);
      float titleWidth = bold.getStringWidth(title) / 1000 * 20;
      pages.appendToEach(
          (stream, index, count) ->
              text(stream, bold, 20, (width - titleWidth) / 2, HEIGHT - 50, title));
    }

    private void footers() throws IOException {
      pages.appendToEach(
          (stream, index, count) -> {
            String page = "Page " + (index + 1) + " of " + count;
            float w = regular.getStringWidth(page) / 1000 * 9;
            text(stream, regular, 9, (width - w) / 2, 24, page);
          });
    }

    private static void text(
        PDPageContentStream stream, PDFont font, float size, float x, float yy, String value)
        throws IOException {
      if (value.isEmpty()) {
        return;
      }
      stream.beginText();
      stream.newLineAtOffset(x, yy);
      stream.setFont(font, size);
      stream.showText(value);
      stream.endText();
    }
  }
}
