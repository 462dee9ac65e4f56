package io.github.courtside.scrapers.injury;

import io.github.courtside.core.tracking.ProblemContext;
import io.github.courtside.core.tracking.SectionErrorTracker;
import io.github.courtside.scrapers.pdf.LineText;
import io.github.courtside.scrapers.pdf.PdfLine;
import io.github.courtside.scrapers.pdf.PdfWord;
import io.github.courtside.scrapers.teams.NbaTeam;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the injury table by position: the seven columns' x-ranges come from the column header (Game
 * Date, Game Time, Matchup, Team, Player Name, Current Status, Reason), a row is anchored by its
 * Current Status cell (or a "NOT YET SUBMITTED" cell), and every other cell fragment on the page
 * belongs to the row whose anchor is nearest by y. So a reason or team cell wrapped over several
 * lines, centred on its row or starting on it and running below, stays with its row, and its lines
 * are joined top to bottom. Date, time, matchup and team carry over to the rows below (across pages
 * too); a new matchup starts a new game. A fragment far from every row, a cell that is no team,
 * date, time or matchup, and a row without a player are reported, never guessed; a name printed
 * without the "Last, First" comma is kept and reported as an issue.
 *
 * <p>Used when the PDF's lines carry positions and a column header is found; not thread-safe (one
 * instance per document).
 */
final class InjuryTable {
  private static final int DATE = 0;
  private static final int TIME = 1;
  private static final int MATCHUP = 2;
  private static final int TEAM = 3;
  private static final int PLAYER = 4;
  private static final int STATUS = 5;
  private static final int REASON = 6;
  private static final int COLUMNS = 7;

  /** Fragments farther than this from every row anchor (in points) belong to no row. */
  private static final float MAX_ROW_DISTANCE = 48;

  /** The widest line spacing of a wrapped cell (points; 1.4 lines of a 11.4 pt font). */
  private static final float MAX_LINE_SPACING = 16;

  /** Words closer than this in y (points) are on the same printed line. */
  private static final float SAME_LINE = 1.5f;

  private static final Pattern TITLE =
      Pattern.compile(
          "^Injury Report:\\s*(\\d{2}/\\d{2}/\\d{2,4})\\s+(\\d{1,2}):(\\d{2})\\s*([AP]M)\\b.*$");
  private static final Pattern COLUMN_HEADER = Pattern.compile("^Game Date\\s+Game Time\\b.*");
  private static final Pattern PAGE = Pattern.compile("^Page \\d+ of \\d+$");
  private static final Pattern TIME_CELL = Pattern.compile("^(\\d{2}:\\d{2}) ?(\\(ET\\))$");
  private static final Pattern MATCHUP_CELL = Pattern.compile("^[A-Z]{2,3}@[A-Z]{2,3}$");
  private static final DateTimeFormatter PRINTED_DATE = InjuryReportParser.PRINTED_DATE;
  private static final String NOT_SUBMITTED = "NOT YET SUBMITTED";

  private final SectionErrorTracker tracker;
  final List<InjuryRecord> records = new ArrayList<>();
  final List<NotSubmittedTeam> notSubmitted = new ArrayList<>();
  @Nullable LocalDateTime issuedAt;
  int totalLines;
  int merged;

  private @Nullable Columns columns;
  private final List<Fragment> page = new ArrayList<>();
  private int pageNumber = -1;
  private final Set<Integer> joinedLines = new HashSet<>();

  private @Nullable LocalDate date;
  private @Nullable String time;
  private @Nullable String matchup;
  private @Nullable String team;

  InjuryTable(SectionErrorTracker tracker) {
    this.tracker = tracker;
  }

  /** Whether {@code lines} carry positions and hold a column header the table can be read by. */
  static boolean readable(List<PdfLine> lines) {
    for (PdfLine line : lines) {
      if (line.positioned()
          && COLUMN_HEADER.matcher(LineText.normalise(line.text())).matches()
          && Columns.fromHeader(line.words()) != null) {
        return true;
      }
    }
    return false;
  }

  void read(List<PdfLine> lines) {
    totalLines += InjuryLines.admit(lines, tracker, this::readLine);
    finishPage();
    if (issuedAt == null) {
      tracker.recordIssue(
          InjuryReportParser.METADATA,
          "title_missing",
          "no 'Injury Report: MM/DD/YY HH:MM AM' title",
          ProblemContext.none());
    }
    totalLines -= joinedLines.size();
  }

  private void readLine(int number, PdfLine line, String text) {
    if (line.page() != pageNumber) {
      finishPage();
      pageNumber = line.page();
    }
    Matcher title = TITLE.matcher(text);
    if (title.matches()) {
      if (issuedAt == null) {
        issuedAt = InjuryReportParser.issuedAt(title, tracker, number, text);
      }
      return;
    }
    if (PAGE.matcher(text).matches()) {
      return;
    }
    if (COLUMN_HEADER.matcher(text).matches()) {
      Columns header = Columns.fromHeader(line.words());
      if (header == null) {
        tracker.recordError(
            InjuryReportParser.GAMES,
            "column_header_unreadable",
            "column header without the seven column labels in order",
            ProblemContext.line(number, text));
      } else {
        columns = header;
      }
      return;
    }
    Columns current = columns;
    if (current == null) {
      tracker.recordIssue(
          InjuryReportParser.GAMES,
          "before_column_header",
          "text above the column header skipped",
          ProblemContext.line(number, text));
      return;
    }
    fragments(number, text, line.words(), current);
  }

  /** Splits a line's words into cell fragments: runs of words in one column on one baseline. */
  private void fragments(int number, String text, List<PdfWord> words, Columns current) {
    StringBuilder run = new StringBuilder();
    int column = -1;
    float y = 0;
    float x = 0;
    for (PdfWord word : words) {
      int c = current.of(word.x0());
      if (run.length() > 0 && (c != column || Math.abs(word.y() - y) > SAME_LINE)) {
        page.add(new Fragment(number, text, column, x, y, run.toString()));
        run.setLength(0);
      }
      if (run.length() == 0) {
        column = c;
        x = word.x0();
        y = word.y();
      } else {
        run.append(' ');
      }
      run.append(word.text());
    }
    if (run.length() > 0) {
      page.add(new Fragment(number, text, column, x, y, run.toString()));
    }
  }

  /** Assigns the page's fragments to its rows and reads the rows top to bottom. */
  private void finishPage() {
    if (page.isEmpty()) {
      return;
    }
    Set<Fragment> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Row> rows = anchoredRows(page, consumed);
    Set<Integer> anchorLines = new HashSet<>();
    Set<Fragment> anchors = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Row row : rows) {
      anchorLines.add(row.anchor.line());
      anchors.add(row.anchor);
    }
    Set<Integer> orphanLines = new HashSet<>();
    for (List<Fragment> block : blocks(unanchored(page, anchors, consumed))) {
      assign(block, rows, orphanLines);
    }
    markJoinedLines(anchorLines, orphanLines, consumed);
    page.clear();
    for (Row row : rows) {
      readRow(row);
    }
  }

  // finishPage's steps are methods of their own: small compilation units for the JIT, which
  // compiled the single method once per loop on stack replacement.

  /**
   * The page's rows, top to bottom: one per status cell and per NOT YET SUBMITTED cell (whose
   * wrapped parts go to {@code consumed}).
   */
  private static List<Row> anchoredRows(List<Fragment> page, Set<Fragment> consumed) {
    List<Row> rows = new ArrayList<>();
    for (Fragment f : page) {
      if (f.column() == STATUS && InjuryStatus.fromLabel(f.text()).isPresent()) {
        rows.add(new Row(f));
      }
    }
    for (Fragment f : notSubmittedCells(page, consumed)) {
      if (rows.stream().noneMatch(r -> Math.abs(r.anchor.y() - f.y()) <= SAME_LINE)) {
        rows.add(new Row(f));
      }
    }
    rows.sort(Comparator.comparingDouble(r -> r.anchor.y()));
    return rows;
  }

  /** The fragments that are neither a row's anchor nor part of a wrapped anchor. */
  private static List<Fragment> unanchored(
      List<Fragment> page, Set<Fragment> anchors, Set<Fragment> consumed) {
    List<Fragment> others = new ArrayList<>();
    for (Fragment f : page) {
      if (!anchors.contains(f) && !consumed.contains(f)) {
        others.add(f);
      }
    }
    return others;
  }

  /** Lines that are neither a row's anchor line nor an orphan were joined to a row. */
  private void markJoinedLines(
      Set<Integer> anchorLines, Set<Integer> orphanLines, Set<Fragment> consumed) {
    for (Fragment f : page) {
      if (!anchorLines.contains(f.line())
          && !orphanLines.contains(f.line())
          && !consumed.contains(f)) {
        joinedLines.add(f.line());
      }
    }
  }

  /**
   * The NOT YET SUBMITTED cells of the page, each as one fragment: printed on one line, or wrapped
   * over consecutive lines of the Reason column (then at the lines' middle, and its parts {@code
   * consumed}).
   */
  private static List<Fragment> notSubmittedCells(List<Fragment> page, Set<Fragment> consumed) {
    List<Fragment> cells = new ArrayList<>();
    List<Fragment> reasons = new ArrayList<>();
    for (Fragment f : page) {
      if (f.column() == STATUS && f.text().equalsIgnoreCase(NOT_SUBMITTED)) {
        cells.add(f);
      } else if (f.column() == REASON) {
        reasons.add(f);
      }
    }
    reasons.sort(Comparator.comparingDouble(Fragment::y));
    for (int i = 0; i < reasons.size(); i++) {
      StringBuilder text = new StringBuilder(reasons.get(i).text());
      int end = i;
      while (NOT_SUBMITTED.startsWith(text.toString().toUpperCase(Locale.ROOT) + " ")
          && end + 1 < reasons.size()
          && reasons.get(end + 1).y() - reasons.get(end).y() <= MAX_LINE_SPACING) {
        end++;
        text.append(' ').append(reasons.get(end).text());
      }
      if (!text.toString().equalsIgnoreCase(NOT_SUBMITTED)) {
        continue;
      }
      Fragment first = reasons.get(i);
      if (end == i) {
        cells.add(first);
        continue;
      }
      float middle = (first.y() + reasons.get(end).y()) / 2;
      for (int k = i; k <= end; k++) {
        consumed.add(reasons.get(k));
      }
      cells.add(
          new Fragment(first.line(), first.lineText(), REASON, first.x(), middle, NOT_SUBMITTED));
      i = end;
    }
    return cells;
  }

  /**
   * Groups the fragments into cell blocks: the lines of one column that follow each other at the
   * line spacing of a wrapped cell (the page's smallest spacing between two lines of a column, give
   * or take a third), not at the larger spacing of rows.
   */
  private static List<List<Fragment>> blocks(List<Fragment> fragments) {
    List<List<Fragment>> byColumn = new ArrayList<>();
    for (int c = 0; c < COLUMNS; c++) {
      byColumn.add(new ArrayList<>());
    }
    fragments.forEach(f -> byColumn.get(f.column()).add(f));
    float spacing = MAX_LINE_SPACING;
    for (List<Fragment> column : byColumn) {
      spacing = Math.min(spacing, smallestLineSpacing(column));
    }
    List<List<Fragment>> blocks = new ArrayList<>();
    for (List<Fragment> column : byColumn) {
      splitColumn(column, spacing, blocks);
    }
    return blocks;
  }

  /** Sorts the column top to bottom; its smallest gap between two lines, or the maximum. */
  private static float smallestLineSpacing(List<Fragment> column) {
    column.sort(Comparator.comparingDouble(Fragment::y).thenComparingDouble(Fragment::x));
    float spacing = MAX_LINE_SPACING;
    for (int i = 1; i < column.size(); i++) {
      float gap = column.get(i).y() - column.get(i - 1).y();
      if (gap > SAME_LINE) {
        spacing = Math.min(spacing, gap);
      }
    }
    return spacing;
  }

  /** Adds the column's blocks: runs of lines no further apart than a wrapped cell's spacing. */
  private static void splitColumn(
      List<Fragment> column, float spacing, List<List<Fragment>> blocks) {
    List<Fragment> block = new ArrayList<>();
    for (Fragment f : column) {
      if (!block.isEmpty() && f.y() - block.get(block.size() - 1).y() > spacing * 4 / 3) {
        blocks.add(block);
        block = new ArrayList<>();
      }
      block.add(f);
    }
    if (!block.isEmpty()) {
      blocks.add(block);
    }
  }

  /**
   * Gives a cell block to its row: the one row anchored within the block's lines (a cell centred on
   * its row or running below it); a block beside no anchor goes to the row nearest its middle; a
   * block beside several (unwrapped cells of consecutive rows) is split, each line to the row
   * nearest it.
   */
  private void assign(List<Fragment> block, List<Row> rows, Set<Integer> orphanLines) {
    float top = block.get(0).y();
    float bottom = block.get(block.size() - 1).y();
    List<Row> inside = new ArrayList<>();
    for (Row row : rows) {
      float y = row.anchor.y();
      if (y >= top - SAME_LINE && y <= bottom + SAME_LINE) {
        inside.add(row);
      }
    }
    int column = block.get(0).column();
    if (inside.size() == 1) {
      inside.get(0).cells.get(column).addAll(block);
      return;
    }
    if (inside.size() > 1) {
      split(block, inside, column);
      return;
    }
    Row nearest = nearest(rows, (top + bottom) / 2);
    if (nearest != null) {
      nearest.cells.get(column).addAll(block);
      return;
    }
    for (Fragment f : block) {
      orphanLines.add(f.line());
      tracker.recordError(
          f.column() == REASON ? InjuryReportParser.REASONS : InjuryReportParser.GAMES,
          "orphan_cell",
          "text '"
              + f.text()
              + "' in the "
              + Columns.LABELS.get(f.column())
              + " column belongs to no row on page "
              + pageNumber,
          ProblemContext.line(f.line(), f.lineText()));
    }
  }

  /**
   * Splits a block beside several rows (cells of consecutive rows, wrapped or not, printed close
   * together): between two rows' anchors it is cut at the widest spacing of its lines (of two about
   * as wide, the one nearer the middle between the anchors).
   */
  private static void split(List<Fragment> block, List<Row> inside, int column) {
    int from = 0;
    for (int r = 0; r < inside.size(); r++) {
      int to = block.size();
      if (r + 1 < inside.size()) {
        float upper = inside.get(r).anchor.y();
        float lower = inside.get(r + 1).anchor.y();
        float middle = (upper + lower) / 2;
        int cut = -1;
        float best = -Float.MAX_VALUE;
        for (int i = Math.max(from, 1); i < block.size(); i++) {
          float before = block.get(i - 1).y();
          float after = block.get(i).y();
          // widest spacing between the anchors; of two about as wide, the one nearer the middle
          float score = after - before - Math.abs((before + after) / 2 - middle) / 10;
          if (before >= upper - SAME_LINE && after <= lower + SAME_LINE && score > best) {
            best = score;
            cut = i;
          }
        }
        if (cut < 0) { // no line strictly between the anchors: cut at the upper anchor's line
          cut = from;
          while (cut < block.size() && block.get(cut).y() <= upper + SAME_LINE) {
            cut++;
          }
        }
        to = cut;
      }
      inside.get(r).cells.get(column).addAll(block.subList(from, to));
      from = to;
    }
  }

  /** The row anchored nearest {@code y}, within {@link #MAX_ROW_DISTANCE}; ties go up. */
  private static @Nullable Row nearest(List<Row> rows, float y) {
    Row nearest = null;
    float best = MAX_ROW_DISTANCE;
    for (Row row : rows) {
      float distance = Math.abs(row.anchor.y() - y);
      if (distance <= best && (nearest == null || distance < best)) {
        best = distance;
        nearest = row;
      }
    }
    return nearest;
  }

  private void readRow(Row row) {
    Fragment anchor = row.anchor;
    ProblemContext context = ProblemContext.line(anchor.line(), anchor.lineText());
    String dateCell = row.text(DATE);
    if (!dateCell.isEmpty()) {
      try {
        date = LocalDate.parse(dateCell, PRINTED_DATE);
      } catch (DateTimeException e) {
        tracker.recordError(
            InjuryReportParser.GAMES,
            "date_unreadable",
            "Game Date cell '" + dateCell + "' is no MM/DD/YYYY date",
            context);
      }
    }
    String timeCell = row.text(TIME);
    if (!timeCell.isEmpty()) {
      Matcher m = TIME_CELL.matcher(timeCell);
      if (m.matches()) {
        time = m.group(1) + " " + m.group(2);
      } else {
        tracker.recordError(
            InjuryReportParser.GAMES,
            "time_unreadable",
            "Game Time cell '" + timeCell + "' is no 'HH:MM (ET)' time",
            context);
      }
    }
    String matchupCell = row.text(MATCHUP);
    if (!matchupCell.isEmpty()) {
      if (MATCHUP_CELL.matcher(matchupCell).matches()) {
        matchup = matchupCell;
        team = null; // a new game: its first row names the team
      } else {
        tracker.recordError(
            InjuryReportParser.GAMES,
            "matchup_unreadable",
            "Matchup cell '" + matchupCell + "' is no 'AAA@HHH' matchup",
            context);
      }
    }
    String teamCell = row.text(TEAM);
    if (!teamCell.isEmpty()) {
      Optional<NbaTeam> named = NbaTeam.fromName(teamCell);
      if (named.isPresent()) {
        team = named.get().tricode();
      } else {
        team = teamCell;
        tracker.recordError(
            InjuryReportParser.GAMES,
            "team_cell_unreadable",
            "team cell '" + teamCell + "' is no team name; its rows carry it as printed",
            context);
      }
    }
    String player = row.text(PLAYER);
    String reason = row.text(REASON);
    if (row.cells.get(STATUS).size() > 0) {
      tracker.recordError(
          InjuryReportParser.PLAYERS,
          "status_unreadable",
          "Current Status cell holds more than one status: '"
              + anchor.text()
              + " "
              + row.text(STATUS)
              + "'",
          context);
    }
    LocalDate d = date;
    String t = time;
    String m = matchup;
    String tm = team;
    if (d == null || t == null || m == null || tm == null) {
      tracker.recordError(
          InjuryReportParser.GAMES,
          "missing_context",
          "row without game date, time, matchup or team before it",
          context);
      return;
    }
    Optional<InjuryStatus> status = InjuryStatus.fromLabel(anchor.text());
    if (status.isEmpty()) { // a NOT YET SUBMITTED row
      if (!player.isEmpty() || !reason.isEmpty()) {
        tracker.recordError(
            InjuryReportParser.PLAYERS,
            "not_submitted_with_player",
            "a NOT YET SUBMITTED row also names '" + (player + " " + reason).strip() + "'",
            context);
      }
      notSubmitted.add(new NotSubmittedTeam(d, t, m, tm));
      return;
    }
    if (player.isEmpty()) {
      tracker.recordError(
          InjuryReportParser.PLAYERS,
          "player_missing",
          "a " + anchor.text() + " row without a player name",
          context);
      return;
    }
    if (player.indexOf(',') < 0) {
      tracker.recordIssue(
          InjuryReportParser.PLAYERS,
          "name_without_comma",
          "player name '" + player + "' printed without 'Last, First'; kept as printed",
          context);
    }
    if (row.lines(REASON) > 1) {
      merged++;
    }
    if (reason.isEmpty()) {
      tracker.recordIssue(
          InjuryReportParser.REASONS,
          "reason_missing",
          "no reason for " + player,
          ProblemContext.snippet(player));
    }
    records.add(
        new InjuryRecord(
            d, t, m, tm, player, status.get(), reason, InjuryReportParser.confidence(reason)));
  }

  /** A run of words in one column on one baseline. */
  private record Fragment(int line, String lineText, int column, float x, float y, String text) {}

  /** A table row: its anchor (the status or NOT YET SUBMITTED cell) and the fragments near it. */
  private static final class Row {
    final Fragment anchor;
    final List<List<Fragment>> cells = new ArrayList<>();

    Row(Fragment anchor) {
      this.anchor = anchor;
      for (int i = 0; i < COLUMNS; i++) {
        cells.add(new ArrayList<>());
      }
    }

    /** The column's text: its fragments top to bottom, left to right, joined by blanks. */
    String text(int column) {
      List<Fragment> parts = new ArrayList<>(cells.get(column));
      parts.sort(
          Comparator.comparingDouble(Fragment::y)
              .thenComparingDouble(Fragment::x)
              .thenComparingInt(Fragment::line));
      StringBuilder out = new StringBuilder();
      for (Fragment part : parts) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(part.text());
      }
      return LineText.normalise(out.toString());
    }

    /** How many printed lines the column's text spans. */
    int lines(int column) {
      List<Float> ys = new ArrayList<>();
      for (Fragment part : cells.get(column)) {
        if (ys.stream().noneMatch(y -> Math.abs(y - part.y()) <= SAME_LINE)) {
          ys.add(part.y());
        }
      }
      return ys.size();
    }
  }

  /**
   * The columns' left edges, from the header labels; a word belongs to the rightmost column whose
   * label starts at most {@link #TOLERANCE} to the right of the word's left edge (cells print
   * left-aligned with their label, give or take a few points).
   */
  private static final class Columns {
    private static final float TOLERANCE = 6;
    static final List<String> LABELS =
        List.of(
            "Game Date", "Game Time", "Matchup", "Team", "Player Name", "Current Status", "Reason");

    static @Nullable Columns fromHeader(List<PdfWord> words) {
      float[] starts = new float[COLUMNS];
      int next = 0;
      for (int i = 0; i < words.size() && next < COLUMNS; i++) {
        String[] label = LABELS.get(next).split(" ");
        if (i + label.length > words.size()) {
          break;
        }
        boolean match = true;
        for (int k = 0; k < label.length; k++) {
          match &= words.get(i + k).text().equalsIgnoreCase(label[k]);
        }
        if (match) {
          starts[next] = words.get(i).x0();
          if (next > 0 && starts[next] <= starts[next - 1]) {
            return null;
          }
          next++;
          i += label.length - 1;
        }
      }
      return next == COLUMNS ? new Columns(starts) : null;
    }

    private final float[] starts;

    private Columns(float[] starts) {
      this.starts = starts;
    }

    int of(float x) {
      int column = 0;
      for (int i = 1; i < COLUMNS; i++) {
        float gap = starts[i] - starts[i - 1];
        if (x >= starts[i] - Math.min(TOLERANCE, gap / 3)) {
          column = i;
        }
      }
      return column;
    }
  }
}
