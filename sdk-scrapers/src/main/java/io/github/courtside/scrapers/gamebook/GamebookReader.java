package io.github.courtside.scrapers.gamebook;

import io.github.courtside.core.tracking.ProblemContext;
import io.github.courtside.core.tracking.SectionErrorTracker;
import io.github.courtside.scrapers.names.PlayerName;
import io.github.courtside.scrapers.pdf.LineText;
import io.github.courtside.scrapers.pdf.PdfLine;
import io.github.courtside.scrapers.pdf.PdfWord;
import io.github.courtside.scrapers.pdf.TimeBudget;
import io.github.courtside.scrapers.teams.NbaTeam;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the text lines of one gamebook (spec §C.2 layout) into its parts. One instance per
 * document; not thread-safe. Every recognised-but-unusable line reports to the tracker; nothing
 * throws out of {@link #read}.
 */
final class GamebookReader {
  private static final String MONTHS =
      "January|February|March|April|May|June|July|August|September|October|November|December";
  private static final Pattern DATE_LINE =
      Pattern.compile(
          "^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?("
              + MONTHS
              + ")\\s+(\\d{1,2}),\\s*(\\d{4})\\b\\s*(.*)$");
  private static final Pattern OFFICIALS = Pattern.compile("^Officials\\s*:\\s*(.*)$");
  private static final Pattern OFFICIAL = Pattern.compile("^#?\\s*(\\d{1,3})\\s+(\\S.*)$");
  private static final Pattern DURATION = Pattern.compile("^Game Duration\\s*:\\s*(.*)$");
  private static final Pattern DURATION_VALUE = Pattern.compile("^(\\d{1,2}:\\d{2})\\b.*");
  private static final Pattern ATTENDANCE = Pattern.compile("^Attendance\\s*:\\s*(.*)$");
  private static final Pattern ATTENDANCE_VALUE =
      Pattern.compile("^(\\d{1,3}(?:[,.\\u00A0\\u202F ]\\d{3})*|\\d+)\\s*(?:\\((.*)\\))?\\s*$");
  private static final Pattern TEAM_HEADER = Pattern.compile("^(VISITOR|HOME)\\s*:\\s*(.*)$");
  private static final Pattern RECORD = Pattern.compile("\\((\\d{1,2}-\\d{1,2})\\)");
  private static final Pattern COLUMN_HEADER =
      Pattern.compile("^(?:NO\\s+)?PLAYER\\s+(?:POS\\s+)?MIN\\b.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern TOTALS_LINE = Pattern.compile("^TOTALS?\\b.*");
  private static final Pattern TOTALS =
      Pattern.compile("^TOTALS?\\s*:?\\s+(\\d{1,3}:\\d{2})\\s*(.*)$");
  private static final Pattern NON_PLAYING =
      Pattern.compile(
          "^(?:(\\d{1,2})\\s+)?(.+?)(?:\\s+|(?<=[\\p{L}.]))(DNP|DND|NWT)(?:\\s*[-\u2013\u2014]\\s*|\\s+|$)(.*)$");
  private static final Pattern PLAYER =
      Pattern.compile(
          "^(?:(\\d{1,2})\\s+)?(\\S.*?)\\s+(?:([FGC](?:-[FGC])?)\\s+)?(\\d{1,2}:\\d{2})"
              + "(?:\\s+(.*))?$");
  private static final Pattern INACTIVE = Pattern.compile("^Inactive\\s*:\\s*(.*)$");
  private static final Pattern INACTIVE_TEAM =
      Pattern.compile("^(.+?)\\s+[-\u2013\u2014]\\s*(.*)$");
  private static final Pattern SCORE_HEADER =
      Pattern.compile("^SCORE BY PERIODS?\\b.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern SCORE_ROW = Pattern.compile("^(.*?\\D)\\s+(\\d+(?:\\s+\\d+)*)$");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
  private static final Pattern COUNT = Pattern.compile("^\\d+$");
  private static final Pattern SIGNED = Pattern.compile("^([+\\-\u2212\u2013]?)(\\d+)$");

  /** A wrapped DNP reason's tail: words, no bare numbers (those would be a mangled row). */
  private static final Pattern REASON_TAIL =
      Pattern.compile("^(?!.*(?:^|\\s)[+\\-]?\\d+(?:\\s|$))\\D.*$");

  /** The first part of a name cell wrapped at a hyphen: "[no] Nickeil Alexander-". */
  private static final Pattern NAME_HEAD = Pattern.compile("^(?:(\\d{1,2}) )?(\\p{L}[^\\d()]*-)$");

  /** A line continuing an inactive list: "Name (reason" or "Name Jr. (", the next entry. */
  private static final Pattern INACTIVE_ENTRY_START =
      Pattern.compile("^\\p{L}[\\p{L}'\u2019.\\- ]*\\(.*");

  /** More officials wrapped onto their own line. */
  private static final Pattern OFFICIALS_TAIL =
      Pattern.compile("^#?\\d{1,3} [^,\\d]+(?:, ?#?\\d{1,3} [^,\\d]+)*,?$");

  private static final Pattern INACTIVE_LABEL = Pattern.compile("Inactive\\s*:");

  private static final Pattern HAS_LETTER = Pattern.compile(".*\\p{L}.*");
  private static final Pattern PAGE_FURNITURE =
      Pattern.compile(
          "^(?:Official Scorer['\u2019]?s Report.*|Copyright\\b.*|.*\\bPage \\d+ of \\d+|Page \\d+)$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern OTHER_SECTION =
      Pattern.compile(
          "^(?:Points in the Paint|Second Chance|Fast Break|Bench Points|Biggest Lead|Lead Changes"
              + "|Times Tied|Technical fouls|Flagrant fouls|Ejections|MEMO|Notes?:).*",
          Pattern.CASE_INSENSITIVE);

  private enum Kind {
    FURNITURE,
    DATE,
    OFFICIALS,
    DURATION,
    ATTENDANCE,
    TEAM_HEADER,
    COLUMN_HEADER,
    TOTALS,
    INACTIVE,
    NON_PLAYING,
    PLAYER,
    SCORE_HEADER,
    OTHER_SECTION,
    UNKNOWN
  }

  private final SectionErrorTracker tracker;

  private Optional<LocalDate> date = Optional.empty();
  private Optional<String> arena = Optional.empty();
  private Optional<String> city = Optional.empty();
  private Optional<String> state = Optional.empty();
  private final List<Official> officials = new ArrayList<>();
  private boolean officialsSeen;
  private Optional<String> duration = Optional.empty();
  private OptionalInt attendance = OptionalInt.empty();
  private Optional<String> attendanceNote = Optional.empty();
  private boolean attendanceSeen;
  private final Map<TeamSide, GameTeam> teams = new EnumMap<>(TeamSide.class);

  private final List<ActivePlayer> active = new ArrayList<>();
  private final List<NonPlayingPlayer> nonPlaying = new ArrayList<>();
  private final List<InactivePlayer> inactive = new ArrayList<>();
  private final List<TeamTotals> totals = new ArrayList<>();
  private final List<PeriodScores> periodScores = new ArrayList<>();

  private @Nullable TeamSide current;
  private boolean inScoreTable;
  private @Nullable PendingInactive pendingInactive;
  private int lastNonPlayingIndex = -1;
  private List<PdfWord> words = List.of();
  private @Nullable ColumnLayout layout;
  private @Nullable String nameHead;
  private @Nullable String nameHeadJersey;
  private Kind lastKind = Kind.UNKNOWN;

  GamebookReader(SectionErrorTracker tracker) {
    this.tracker = tracker;
  }

  void read(List<PdfLine> lines) {
    for (int i = 0; i < lines.size(); i++) {
      TimeBudget.checkCancelled();
      PdfLine pdfLine = lines.get(i);
      String whole = LineText.normalise(pdfLine.text());
      List<String> segments = inactiveSegments(whole);
      for (String segment : segments) {
        words = segments.size() == 1 ? pdfLine.words() : List.of();
        readLine(i + 1, segment);
      }
    }
    finish();
  }

  /** A line cut before every "Inactive:" label that is not at its start (spec §A.13.4). */
  private static List<String> inactiveSegments(String line) {
    Matcher label = INACTIVE_LABEL.matcher(line);
    List<String> segments = new ArrayList<>();
    int start = 0;
    while (label.find()) {
      if (label.start() > start) {
        segments.add(line.substring(start, label.start()).strip());
        start = label.start();
      }
    }
    segments.add(line.substring(start).strip());
    segments.removeIf(String::isEmpty);
    return segments;
  }

  private void readLine(int number, String line) {
    if (line.isEmpty()) {
      return;
    }
    if (line.length() > LineText.MAX_LENGTH) {
      tracker.recordIssue(
          GamebookSection.UNCLASSIFIED_LINES.key(),
          "line_too_long",
          "line of " + line.length() + " characters skipped (limit " + LineText.MAX_LENGTH + ")",
          ProblemContext.line(number, line.substring(0, 80)));
      return;
    }
    Kind kind = classify(line);
    try {
      dispatch(kind, number, line);
    } catch (RuntimeException e) {
      tracker.recordError(sectionOf(kind, line), e, ProblemContext.line(number, line));
    }
    lastKind = kind;
  }

  private void finish() {
    flushInactive();
    if (!date.isPresent() || !arena.isPresent()) {
      tracker.recordIssue(
          GamebookSection.GAME_METADATA.key(),
          "date_arena_line_missing",
          "no '<weekday>, <Month> <d>, <yyyy> <arena>, <city>, <ST>' line found",
          ProblemContext.none());
    }
    if (!officialsSeen) {
      tracker.recordIssue(
          GamebookSection.OFFICIALS_PARSING.key(),
          "officials_missing",
          "no 'Officials:' line found",
          ProblemContext.none());
    }
    if (!duration.isPresent()) {
      tracker.recordIssue(
          GamebookSection.GAME_METADATA.key(),
          "game_duration_missing",
          "no 'Game Duration:' line found",
          ProblemContext.none());
    }
    if (!attendanceSeen) {
      tracker.recordIssue(
          GamebookSection.GAME_METADATA.key(),
          "attendance_missing",
          "no 'Attendance:' line found",
          ProblemContext.none());
    }
  }

  private Kind classify(String line) {
    if (mayBeFurniture(line) && PAGE_FURNITURE.matcher(line).matches()) {
      return Kind.FURNITURE;
    }
    if (DATE_LINE.matcher(line).matches()) {
      return Kind.DATE;
    }
    if (line.startsWith("Officials")) {
      return OFFICIALS.matcher(line).matches() ? Kind.OFFICIALS : Kind.UNKNOWN;
    }
    if (DURATION.matcher(line).matches()) {
      return Kind.DURATION;
    }
    if (ATTENDANCE.matcher(line).matches()) {
      return Kind.ATTENDANCE;
    }
    if (TEAM_HEADER.matcher(line).matches()) {
      return Kind.TEAM_HEADER;
    }
    if (COLUMN_HEADER.matcher(line).matches()) {
      return Kind.COLUMN_HEADER;
    }
    if (TOTALS_LINE.matcher(line).matches()) {
      return Kind.TOTALS;
    }
    if (INACTIVE.matcher(line).matches()) {
      return Kind.INACTIVE;
    }
    if (SCORE_HEADER.matcher(line).matches()) {
      return Kind.SCORE_HEADER;
    }
    if (OTHER_SECTION.matcher(line).matches()) {
      return Kind.OTHER_SECTION;
    }
    if ((line.contains("DN") || line.contains("NWT")) && NON_PLAYING.matcher(line).matches()) {
      return Kind.NON_PLAYING;
    }
    if (PLAYER.matcher(line).matches()) {
      return Kind.PLAYER;
    }
    return Kind.UNKNOWN;
  }

  /**
   * Whether {@link #PAGE_FURNITURE} can match: it starts with one of its words or holds "page" (any
   * case); spares every other line the pattern's scan for "Page n of m".
   */
  private static boolean mayBeFurniture(String line) {
    if (line.regionMatches(true, 0, "Official", 0, 8)
        || line.regionMatches(true, 0, "Copyright", 0, 9)) {
      return true;
    }
    for (int i = line.indexOf('e', 3); i >= 0; i = line.indexOf('e', i + 1)) {
      if (line.regionMatches(true, i - 3, "page", 0, 4)) {
        return true;
      }
    }
    for (int i = line.indexOf('E', 3); i >= 0; i = line.indexOf('E', i + 1)) {
      if (line.regionMatches(true, i - 3, "page", 0, 4)) {
        return true;
      }
    }
    return false;
  }

  private void dispatch(Kind kind, int number, String line) {
    // Page furniture and repeated header lines (a new page) never end an open block.
    boolean repeatedHeader =
        (kind == Kind.DATE && date.isPresent())
            || (kind == Kind.OFFICIALS && officialsSeen)
            || (kind == Kind.DURATION && duration.isPresent())
            || (kind == Kind.ATTENDANCE && attendanceSeen)
            || kind == Kind.COLUMN_HEADER;
    if (kind == Kind.COLUMN_HEADER && !words.isEmpty()) {
      layout = ColumnLayout.fromHeader(words).orElse(null);
    }
    if (kind == Kind.FURNITURE || repeatedHeader) {
      return;
    }
    if (kind == Kind.UNKNOWN) {
      PendingInactive pending = pendingInactive;
      if (pending != null && pending.continuedBy(line)) {
        pending.text.append(' ').append(line);
        return;
      }
      if (pending != null) {
        flushInactive(); // the list ended: this line is not like its entries
      }
      Matcher head = NAME_HEAD.matcher(line);
      if (current != null && head.matches()) {
        nameHead = head.group(2);
        nameHeadJersey = head.group(1);
        return;
      }
      if (lastKind == Kind.OFFICIALS && OFFICIALS_TAIL.matcher(line).matches()) {
        readOfficials(number, "Officials: " + line);
        return;
      }
      if (lastNonPlayingIndex >= 0 && REASON_TAIL.matcher(line).matches()) {
        NonPlayingPlayer last = nonPlaying.get(lastNonPlayingIndex);
        nonPlaying.set(
            lastNonPlayingIndex,
            new NonPlayingPlayer(
                last.side(),
                last.jersey(),
                last.name(),
                last.category(),
                (last.reason() + " " + line).strip()));
        return;
      }
      if (inScoreTable && readScoreRow(line)) {
        return;
      }
      tracker.recordIssue(
          GamebookSection.UNCLASSIFIED_LINES.key(),
          "unclassified_line",
          "line matches no known gamebook element",
          ProblemContext.line(number, line));
      return;
    }
    flushInactive();
    lastNonPlayingIndex = -1;
    if (kind != Kind.SCORE_HEADER) {
      inScoreTable = false;
    }
    switch (kind) {
      case DATE -> readDateLine(number, line);
      case OFFICIALS -> readOfficials(number, line);
      case DURATION -> readDuration(number, line);
      case ATTENDANCE -> readAttendance(number, line);
      case TEAM_HEADER -> readTeamHeader(number, line);
      case TOTALS -> readTotals(number, line);
      case INACTIVE -> startInactive(number, line);
      case NON_PLAYING -> readNonPlaying(number, line);
      case PLAYER -> readPlayer(number, line);
      case SCORE_HEADER -> inScoreTable = true;
      default -> {
        // OTHER_SECTION: team statistics and notes the SDK does not model.
      }
    }
  }

  // ---------------------------------------------------------------- header

  private void readDateLine(int number, String line) {
    Matcher m = DATE_LINE.matcher(line);
    if (!m.matches()) {
      return;
    }
    try {
      int month = Month.of(m.group(1));
      date =
          Optional.of(
              LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2))));
    } catch (DateTimeException | NumberFormatException e) {
      tracker.recordError(
          GamebookSection.GAME_METADATA.key(), e, ProblemContext.line(number, line));
    }
    String rest = m.group(4).strip();
    if (rest.isEmpty()) {
      return;
    }
    String[] parts = COMMA.split(rest);
    if (parts.length >= 3) {
      state = Optional.of(parts[parts.length - 1]);
      city = Optional.of(parts[parts.length - 2]);
      arena = Optional.of(String.join(", ", java.util.Arrays.copyOf(parts, parts.length - 2)));
    } else if (parts.length == 2) {
      arena = Optional.of(parts[0]);
      city = Optional.of(parts[1]);
      tracker.recordIssue(
          GamebookSection.GAME_METADATA.key(),
          "state_missing",
          "location printed without a state code",
          ProblemContext.line(number, line));
    } else {
      arena = Optional.of(parts[0]);
      tracker.recordIssue(
          GamebookSection.GAME_METADATA.key(),
          "city_missing",
          "arena printed without city and state",
          ProblemContext.line(number, line));
    }
  }

  private void readOfficials(int number, String line) {
    officialsSeen = true;
    Matcher m = OFFICIALS.matcher(line);
    if (!m.matches()) {
      return;
    }
    for (String part : m.group(1).split(",", -1)) {
      String entry = part.strip();
      if (entry.isEmpty()) {
        continue;
      }
      Matcher o = OFFICIAL.matcher(entry);
      if (o.matches()) {
        officials.add(new Official(Integer.parseInt(o.group(1)), o.group(2).strip()));
      } else {
        tracker.recordError(
            GamebookSection.OFFICIALS_PARSING.key(),
            "unparsed_official",
            "official not of the form '#<number> <name>': " + entry,
            ProblemContext.line(number, line));
      }
    }
  }

  private void readDuration(int number, String line) {
    Matcher m = DURATION.matcher(line);
    Matcher value = DURATION_VALUE.matcher(m.matches() ? m.group(1).strip() : "");
    if (value.matches()) {
      duration = Optional.of(value.group(1));
    } else {
      tracker.recordError(
          GamebookSection.GAME_METADATA.key(),
          "unparsed_duration",
          "game duration not of the form H:MM",
          ProblemContext.line(number, line));
    }
  }

  private void readAttendance(int number, String line) {
    attendanceSeen = true;
    Matcher m = ATTENDANCE.matcher(line);
    Matcher value = ATTENDANCE_VALUE.matcher(m.matches() ? m.group(1).strip() : "");
    if (!value.matches()) {
      tracker.recordError(
          GamebookSection.GAME_METADATA.key(),
          "unparsed_attendance",
          "attendance not a number with an optional (note)",
          ProblemContext.line(number, line));
      return;
    }
    // Fixes the old parser's "18,064" -> 18 (spec §A.6): separators are dropped.
    attendance = OptionalInt.of(Integer.parseInt(value.group(1).replaceAll("\\D", "")));
    String note = value.group(2);
    if (note != null && !note.isBlank()) {
      attendanceNote = Optional.of(note.strip());
    }
  }

  private void readTeamHeader(int number, String line) {
    Matcher m = TEAM_HEADER.matcher(line);
    if (!m.matches()) {
      return;
    }
    TeamSide side = m.group(1).equals("VISITOR") ? TeamSide.AWAY : TeamSide.HOME;
    layout = null;
    nameHead = null;
    String text = m.group(2).strip();
    int paren = text.indexOf('(');
    String name = (paren >= 0 ? text.substring(0, paren) : text).strip();
    current = side;
    if (teams.containsKey(side)) {
      return; // the table continues on a new page
    }
    if (name.isEmpty()) {
      tracker.recordError(
          GamebookSection.GAME_METADATA.key(),
          "team_name_missing",
          m.group(1) + " header without a team name",
          ProblemContext.line(number, line));
      return;
    }
    Matcher record = RECORD.matcher(text);
    GameTeam team =
        new GameTeam(side, name, record.find() ? Optional.of(record.group(1)) : Optional.empty());
    if (team.team().isEmpty()) {
      tracker.recordIssue(
          GamebookSection.GAME_METADATA.key(),
          "unknown_team",
          "team name maps to no NBA tricode: " + name,
          ProblemContext.line(number, line));
    }
    teams.put(side, team);
  }

  // ---------------------------------------------------------------- team tables

  private void readTotals(int number, String line) {
    Matcher m = TOTALS.matcher(line);
    if (!m.matches() || current == null) {
      tracker.recordIssue(
          GamebookSection.STAT_LINE_PARSING.key(),
          "unusable_totals",
          current == null ? "TOTALS row before any team header" : "TOTALS row without minutes",
          ProblemContext.line(number, line));
      return;
    }
    ColumnLayout columns = layout;
    List<PdfWord> cells = cellsAfter(m.group(1));
    StatLine stats =
        columns != null && cells != null
            ? statsByPosition(
                m.group(1), cells, columns, ProblemContext.line(number, line), new ArrayList<>())
            : stats(m.group(1), m.group(2), number, line, false);
    TeamSide side = current;
    totals.removeIf(t -> t.side() == side);
    totals.add(new TeamTotals(side, stats));
  }

  private void readPlayer(int number, String line) {
    Matcher m = PLAYER.matcher(line);
    if (!m.matches()) {
      return;
    }
    ProblemContext context = ProblemContext.line(number, line);
    TeamSide side = current;
    if (side == null) {
      tracker.recordError(
          GamebookSection.ACTIVE_PLAYER_EXTRACTION.key(),
          "no_team",
          "player row before any VISITOR/HOME header",
          context);
      return;
    }
    String name = m.group(2).strip();
    String jersey = m.group(1) == null ? "" : m.group(1);
    String head = nameHead;
    if (head != null) {
      name = head + name;
      if (jersey.isEmpty() && nameHeadJersey != null) {
        jersey = nameHeadJersey;
      }
      nameHead = null;
      nameHeadJersey = null;
    }
    if (name.length() < 2 || !HAS_LETTER.matcher(name).matches()) {
      tracker.recordError(
          GamebookSection.ACTIVE_PLAYER_EXTRACTION.key(),
          "invalid_name",
          "player name '" + name + "' is not a name",
          context.with("team", side.name()));
      return;
    }
    String rest = m.group(5);
    List<String> unreadable = new ArrayList<>();
    ColumnLayout columns = layout;
    List<PdfWord> cells = cellsAfter(m.group(4));
    StatLine stats =
        columns != null && cells != null
            ? statsByPosition(m.group(4), cells, columns, context, unreadable)
            : stats(m.group(4), rest == null ? "" : rest, number, line, true);
    active.add(
        new ActivePlayer(
            side, jersey, PlayerName.of(name), Optional.ofNullable(m.group(3)), stats, unreadable));
  }

  /** The positioned words after the minutes cell, or null when the line carries no positions. */
  private @Nullable List<PdfWord> cellsAfter(String minutes) {
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).text().equals(minutes)) {
        return words.subList(i + 1, words.size());
      }
    }
    return null;
  }

  /**
   * Assigns each cell to the column under whose header it stands; a missing, doubled or unreadable
   * cell is reported and listed in {@code unreadable}, never silently 0.
   */
  private StatLine statsByPosition(
      String minutes,
      List<PdfWord> cells,
      ColumnLayout columns,
      ProblemContext context,
      List<String> unreadable) {
    String section = GamebookSection.STAT_LINE_PARSING.key();
    int[] values = new int[16];
    boolean[] seen = new boolean[16];
    for (PdfWord cell : cells) {
      int column = columns.columnOf(cell);
      if (column < 0) {
        tracker.recordError(
            section,
            "cell_outside_columns",
            "cell '" + cell.text() + "' at x=" + Math.round(cell.x0()) + " is under no header",
            context);
        continue;
      }
      int stat = columns.stat(column);
      if (stat < 0) {
        tracker.recordIssue(
            section,
            "extra_column",
            "column '" + columns.label(column) + "' is not modelled; its cell is ignored",
            context);
        continue;
      }
      String label = ColumnLayout.STANDARD.get(stat);
      if (seen[stat]) {
        tracker.recordError(
            section, "two_cells_in_column", "two cells under '" + label + "'", context);
        continue;
      }
      Matcher signed = SIGNED.matcher(cell.text());
      if (stat == 14 && signed.matches()) {
        int value = Integer.parseInt(signed.group(2));
        values[stat] = signed.group(1).isEmpty() || signed.group(1).equals("+") ? value : -value;
        seen[stat] = true;
      } else if (COUNT.matcher(cell.text()).matches() && cell.text().length() <= 4) {
        values[stat] = Integer.parseInt(cell.text());
        seen[stat] = true;
      } else {
        tracker.recordError(
            section,
            "unparsed_stat",
            "column " + label + " is '" + cell.text() + "', not a number; left empty",
            context);
      }
    }
    for (int stat = 0; stat < 16; stat++) {
      if (!seen[stat]) {
        String label = ColumnLayout.STANDARD.get(stat);
        unreadable.add(label);
        tracker.recordError(
            section,
            "missing_stat",
            "column " + label + (columns.has(stat) ? " is empty" : " is not in the header"),
            context);
      }
    }
    return StatLine.of(minutes, values);
  }

  private StatLine stats(String minutes, String rest, int number, String line, boolean player) {
    String section = GamebookSection.STAT_LINE_PARSING.key();
    ProblemContext context = ProblemContext.line(number, line);
    String[] tokens = rest.isBlank() ? new String[0] : WHITESPACE.split(rest.strip());
    int[] columns = new int[16];
    if (tokens.length < 16) {
      tracker.recordError(
          section,
          "insufficient_stats",
          (player ? "player" : "totals")
              + " row has "
              + tokens.length
              + " of 16 stat columns; missing columns are 0",
          context);
    } else if (tokens.length > 16) {
      tracker.recordIssue(
          section,
          "extra_stats",
          "row has " + tokens.length + " stat columns; the last 16 are used",
          context);
    }
    // Right-align the columns: PTS is always last, so a short row keeps its points.
    int offset = Math.max(0, tokens.length - 16);
    int shift = Math.max(0, 16 - tokens.length);
    for (int t = offset; t < tokens.length; t++) {
      int column = t - offset + shift;
      String token = tokens[t];
      Matcher signed = SIGNED.matcher(token);
      if (column == 14 && signed.matches()) {
        int value = Integer.parseInt(signed.group(2));
        columns[column] = signed.group(1).isEmpty() || signed.group(1).equals("+") ? value : -value;
      } else if (COUNT.matcher(token).matches()) {
        columns[column] = Integer.parseInt(token);
      } else {
        tracker.recordError(
            section,
            "unparsed_stat",
            "column " + (column + 1) + " is '" + token + "', not a number; taken as 0",
            context);
      }
    }
    return StatLine.of(minutes, columns);
  }

  private void readNonPlaying(int number, String line) {
    Matcher m = NON_PLAYING.matcher(line);
    if (!m.matches()) {
      return;
    }
    NonPlayingCategory category = NonPlayingCategory.valueOf(m.group(3));
    String section =
        switch (category) {
          case DNP -> GamebookSection.DNP_EXTRACTION.key();
          case DND -> GamebookSection.DND_EXTRACTION.key();
          case NWT -> GamebookSection.NWT_EXTRACTION.key();
        };
    ProblemContext context = ProblemContext.line(number, line).with("category", category.name());
    TeamSide side = current;
    if (side == null) {
      tracker.recordError(section, "no_team", "row before any VISITOR/HOME header", context);
      return;
    }
    String name = m.group(2).strip();
    String head = nameHead;
    if (head != null) {
      name = head + name;
      nameHead = null;
    }
    if (name.length() < 2 || !HAS_LETTER.matcher(name).matches()) {
      tracker.recordError(section, "invalid_name", "'" + name + "' is not a name", context);
      return;
    }
    String reason = m.group(4).strip();
    if (reason.isEmpty()) {
      tracker.recordIssue(section, "reason_missing", "no reason after the marker", context);
    }
    String jersey = m.group(1) == null ? "" : m.group(1);
    nonPlaying.add(new NonPlayingPlayer(side, jersey, PlayerName.of(name), category, reason));
    lastNonPlayingIndex = nonPlaying.size() - 1;
  }

  // ---------------------------------------------------------------- inactive lists

  private static final class PendingInactive {
    final int number;
    final StringBuilder text;

    PendingInactive(int number, String text) {
      this.number = number;
      this.text = new StringBuilder(text);
    }

    /**
     * Whether a line continues this list: the list so far ends inside parentheses or after a comma,
     * or the line starts a new "Name (" entry.
     */
    boolean continuedBy(String line) {
      int depth = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        depth += c == '(' ? 1 : c == ')' ? (depth > 0 ? -1 : 0) : 0;
      }
      String so = text.toString().stripTrailing();
      boolean entryOpen = !so.endsWith(")") && !so.endsWith("None");
      return depth > 0
          || entryOpen
          || line.startsWith("(")
          || line.startsWith(",")
          || INACTIVE_ENTRY_START.matcher(line).matches();
    }
  }

  private void startInactive(int number, String line) {
    pendingInactive = new PendingInactive(number, line);
  }

  private void flushInactive() {
    PendingInactive pending = pendingInactive;
    pendingInactive = null;
    if (pending == null) {
      return;
    }
    String section = GamebookSection.INACTIVE_PLAYER_EXTRACTION.key();
    String text = pending.text.toString();
    ProblemContext context = ProblemContext.line(pending.number, text);
    try {
      Matcher m = INACTIVE.matcher(text);
      Matcher team = INACTIVE_TEAM.matcher(m.matches() ? m.group(1).strip() : "");
      if (!team.matches()) {
        tracker.recordError(
            section, "inactive_team_missing", "no '<team> - ' after 'Inactive:'", context);
        return;
      }
      Optional<TeamSide> side = sideOf(team.group(1).strip());
      if (side.isEmpty()) {
        tracker.recordError(
            section,
            "inactive_team_unknown",
            "'" + team.group(1).strip() + "' is neither team of this game; list dropped",
            context);
        return;
      }
      String list = team.group(2).strip();
      if (list.isEmpty() || list.equalsIgnoreCase("None")) {
        return;
      }
      for (String entry : splitOutsideParentheses(list, pending.number, text)) {
        readInactiveEntry(side.get(), entry, pending.number);
      }
    } catch (RuntimeException e) {
      tracker.recordError(section, e, context);
    }
  }

  private void readInactiveEntry(TeamSide side, String entry, int number) {
    String section = GamebookSection.INDIVIDUAL_INACTIVE_PLAYER.key();
    ProblemContext context = ProblemContext.line(number, entry).with("team", side.name());
    String text = entry.strip();
    if (text.isEmpty()) {
      return;
    }
    int open = text.indexOf('(');
    String name;
    String reason;
    if (open >= 0) {
      int close = text.lastIndexOf(')');
      name = text.substring(0, open).strip();
      reason = (close > open ? text.substring(open + 1, close) : text.substring(open + 1)).strip();
      if (close < open) {
        tracker.recordIssue(section, "unclosed_reason", "reason without ')'", context);
      } else if (close < text.length() - 1) {
        tracker.recordError(
            section,
            "trailing_text",
            "text after the last entry's reason: '" + text.substring(close + 1).strip() + "'",
            context);
      }
    } else {
      name = text;
      reason = "";
    }
    if (name.length() < 2 || !HAS_LETTER.matcher(name).matches()) {
      tracker.recordError(
          section, "malformed_inactive_player", "'" + name + "' is not a name", context);
      return;
    }
    if (reason.isEmpty()) {
      reason = "Not specified";
      tracker.recordIssue(section, "reason_missing", "inactive player without a reason", context);
    }
    inactive.add(new InactivePlayer(side, PlayerName.of(name), reason));
  }

  private List<String> splitOutsideParentheses(String list, int number, String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      }
      if (c == ',' && depth == 0) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    if (depth != 0) {
      tracker.recordIssue(
          GamebookSection.INACTIVE_PLAYER_EXTRACTION.key(),
          "unbalanced_parentheses",
          "inactive list ends inside parentheses (depth " + depth + ")",
          ProblemContext.line(number, text));
    }
    return parts;
  }

  private Optional<TeamSide> sideOf(String teamText) {
    Optional<NbaTeam> named = NbaTeam.resolve(teamText);
    for (GameTeam team : teams.values()) {
      if (named.isPresent() && team.team().equals(named)) {
        return Optional.of(team.side());
      }
      String printed = team.printedName().toLowerCase(Locale.ROOT);
      String wanted = teamText.toLowerCase(Locale.ROOT);
      if (printed.equals(wanted) || printed.endsWith(" " + wanted)) {
        return Optional.of(team.side());
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- score by periods

  private boolean readScoreRow(String line) {
    Matcher m = SCORE_ROW.matcher(line);
    if (!m.matches()) {
      return false;
    }
    Optional<TeamSide> side = sideOf(m.group(1).strip());
    if (side.isEmpty()) {
      return false;
    }
    String[] numbers = WHITESPACE.split(m.group(2).strip());
    List<Integer> periods = new ArrayList<>();
    for (int i = 0; i < numbers.length - 1; i++) {
      periods.add(Integer.parseInt(numbers[i]));
    }
    TeamSide s = side.get();
    periodScores.removeIf(p -> p.side() == s);
    periodScores.add(new PeriodScores(s, periods, Integer.parseInt(numbers[numbers.length - 1])));
    return true;
  }

  // ---------------------------------------------------------------- results

  GameInfo game() {
    return new GameInfo(
        date,
        Optional.ofNullable(teams.get(TeamSide.AWAY)),
        Optional.ofNullable(teams.get(TeamSide.HOME)),
        arena,
        city,
        state,
        officials,
        duration,
        attendance,
        attendanceNote);
  }

  boolean foundTeamTables() {
    return !teams.isEmpty();
  }

  List<ActivePlayer> activePlayers() {
    return active;
  }

  List<NonPlayingPlayer> dnpPlayers() {
    return nonPlaying;
  }

  List<InactivePlayer> inactivePlayers() {
    return inactive;
  }

  List<TeamTotals> teamTotals() {
    return totals;
  }

  List<PeriodScores> periodScores() {
    return periodScores;
  }

  private static String sectionOf(Kind kind, String line) {
    return switch (kind) {
      case OFFICIALS -> GamebookSection.OFFICIALS_PARSING.key();
      case PLAYER -> GamebookSection.ACTIVE_PLAYER_EXTRACTION.key();
      case TOTALS -> GamebookSection.STAT_LINE_PARSING.key();
      case INACTIVE -> GamebookSection.INACTIVE_PLAYER_EXTRACTION.key();
      case NON_PLAYING ->
          line.contains("NWT")
              ? GamebookSection.NWT_EXTRACTION.key()
              : line.contains("DND")
                  ? GamebookSection.DND_EXTRACTION.key()
                  : GamebookSection.DNP_EXTRACTION.key();
      case UNKNOWN -> GamebookSection.UNCLASSIFIED_LINES.key();
      default -> GamebookSection.GAME_METADATA.key();
    };
  }

  /** Month names to numbers. */
  private static final class Month {
    private Month() {}

    static int of(String name) {
      return java.time.Month.valueOf(name.toUpperCase(Locale.ROOT)).getValue();
    }
  }
}
