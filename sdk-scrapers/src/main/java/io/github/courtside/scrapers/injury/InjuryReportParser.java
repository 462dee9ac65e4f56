package io.github.courtside.scrapers.injury;

import io.github.courtside.core.tracking.ProblemContext;
import io.github.courtside.core.tracking.SectionErrorTracker;
import io.github.courtside.core.tracking.SectionErrorTrackerConfig;
import io.github.courtside.scrapers.ParseListener;
import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.pdf.LineText;
import io.github.courtside.scrapers.pdf.PdfExtractionException;
import io.github.courtside.scrapers.pdf.PdfLine;
import io.github.courtside.scrapers.pdf.PdfText;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import io.github.courtside.scrapers.pdf.PdfWord;
import io.github.courtside.scrapers.pdf.TimeBudget;
import io.github.courtside.scrapers.teams.NbaTeam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses the NBA's official injury report PDF (columns Game Date | Game Time | Matchup | Team |
 * Player Name | Current Status | Reason, spec §C.3 and §A.23).
 *
 * <p>Date, time and matchup are printed only on a game group's first row and the team only on a
 * team's first row, so they carry over, across pages too. A reason wrapped in its cell comes out of
 * PDFBox as a line above and a line below the player's row; both are joined to the player. Teams
 * marked "NOT YET SUBMITTED" are kept as {@link NotSubmittedTeam}s (the old parser dropped them);
 * the season label is derived correctly (see {@link InjuryReport#season()}). On the sample report
 * this reproduces the old parser's 14 records exactly.
 *
 * <p>A PDF is read with word positions: the Team column's x-range comes from the column header, so
 * the fragments of a team cell wrapped over several lines (above, on and below its row, as the NBA
 * centres wrapped cells) make one team, never part of a reason; a team cell that joins to no team
 * name is a {@code game_sections} error. Lines given as text only ({@link #parseLines}) fall back
 * to reading a team name at the start of a row.
 *
 * <p>Never throws on a bad document: unreadable, too large or too slow input gives a {@link
 * ParseStatus#FAILED} report with the reason, within a hard wall-clock budget per document (2 s,
 * see {@link #withTimeBudget}). Thread-safe.
 *
 * <pre>{@code
 * InjuryReport report = InjuryReportParser.create().parse(Path.of("report.pdf"));
 * for (InjuryRecord r : report.records()) {
 *   System.out.println(r.team() + " " + r.player() + " " + r.status().label() + " " + r.reason());
 * }
 * }</pre>
 */
public final class InjuryReportParser {
  static final String METADATA = "report_metadata";
  static final String GAMES = "game_sections";
  static final String PLAYERS = "player_records";
  static final String REASONS = "reason_merging";
  private static final List<String> SECTIONS = List.of(METADATA, GAMES, PLAYERS, REASONS);
  private static final Duration DEFAULT_BUDGET = Duration.ofSeconds(2);

  private static final Pattern TITLE =
      Pattern.compile(
          "^Injury Report:\\s*(\\d{2}/\\d{2}/\\d{2,4})\\s+(\\d{1,2}):(\\d{2})\\s*([AP]M)\\b.*$");
  private static final Pattern COLUMN_HEADER = Pattern.compile("^Game Date\\s+Game Time\\b.*");
  private static final Pattern PAGE = Pattern.compile("^Page \\d+ of \\d+$");
  private static final Pattern DATE = Pattern.compile("^(\\d{2}/\\d{2}/\\d{4})\\s+");
  private static final Pattern TIME = Pattern.compile("^(\\d{2}:\\d{2}\\s*\\(ET\\))\\s*");
  private static final Pattern MATCHUP = Pattern.compile("^([A-Z]{2,3}@[A-Z]{2,3})\\s*");
  private static final Pattern PLAYER =
      Pattern.compile(
          "^(\\S[^,]*,\\s*\\S.*?)\\s+(Out|Questionable|Doubtful|Probable|Available)(?:\\s+(.*))?$");

  /** A row whose name was printed without the "Last, First" comma. */
  private static final Pattern PLAYER_WITHOUT_COMMA =
      Pattern.compile(
          "^(\\p{Lu}[\\p{L}'\u2019.\\-]*(?: \\p{Lu}[\\p{L}'\u2019.\\-]*){0,3})"
              + " (Out|Questionable|Doubtful|Probable|Available)(?: (.*))?$");

  private static final Pattern COMPLETE_INJURY =
      Pattern.compile("^Injury/Illness - [^;]+;\\s*\\S.*$");
  private static final List<String> KNOWN_REASONS =
      List.of(
          "G League",
          "League Suspension",
          "Personal Reasons",
          "Not With Team",
          "Concussion Protocol",
          "Health and Safety Protocols",
          "Rest",
          "Injury/Illness");
  private static final DateTimeFormatter PRINTED_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
  private static final List<String> TEAM_NAMES =
      java.util.stream.Stream.concat(
              java.util.Arrays.stream(NbaTeam.values()).map(NbaTeam::fullName),
              java.util.stream.Stream.of("Los Angeles Clippers"))
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();

  private final PdfTextExtractor extractor;
  private final SectionErrorTrackerConfig tracking;
  private final TimeBudget budget;
  private final ParseListener listener;

  private InjuryReportParser(
      PdfTextExtractor extractor,
      SectionErrorTrackerConfig tracking,
      TimeBudget budget,
      ParseListener listener) {
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    this.tracking = Objects.requireNonNull(tracking, "tracking");
    this.budget = Objects.requireNonNull(budget, "budget");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  private InjuryReportParser(PdfTextExtractor extractor, SectionErrorTrackerConfig tracking) {
    this(extractor, tracking, TimeBudget.of(DEFAULT_BUDGET), ParseListener.NONE);
  }

  /**
   * This parser with another hard wall-clock budget per document (extraction and parsing together;
   * default 2 s).
   */
  public InjuryReportParser withTimeBudget(Duration timeBudget) {
    return new InjuryReportParser(extractor, tracking, TimeBudget.of(timeBudget), listener);
  }

  /**
   * This parser telling {@code listener} about every document it finishes, as parser {@code
   * injury_report} (e.g. {@code new MicrometerParseMetrics(registry)}).
   */
  public InjuryReportParser withListener(ParseListener listener) {
    return new InjuryReportParser(extractor, tracking, budget, listener);
  }

  /** A parser with the default extractor and tracking. */
  public static InjuryReportParser create() {
    return new InjuryReportParser(
        PdfTextExtractor.defaults(),
        SectionErrorTrackerConfig.builder().name("injury_report").build());
  }

  /** A parser with the given extractor and tracking configuration. */
  public static InjuryReportParser create(
      PdfTextExtractor extractor, SectionErrorTrackerConfig tracking) {
    return new InjuryReportParser(extractor, tracking);
  }

  /** Parses a PDF file; an unreadable file gives a failed report naming the file. */
  public InjuryReport parse(Path pdf) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(pdf);
    } catch (IOException | RuntimeException e) {
      return heard(failed(pdf.toString(), "cannot read " + pdf + ": " + e.getMessage()));
    }
    Path name = pdf.getFileName();
    return heard(parse(bytes, name == null ? pdf.toString() : name.toString()));
  }

  /** Parses PDF bytes. */
  public InjuryReport parse(byte[] pdf) {
    return heard(parse(pdf, "injury report"));
  }

  private InjuryReport parse(byte[] pdf, String subject) {
    PdfTextExtractor.warmUp();
    return budget.run(
        () -> {
          PdfText text;
          try {
            text = extractor.extract(pdf);
          } catch (PdfExtractionException e) {
            return failed(subject, e.reason() + ": " + e.getMessage());
          }
          List<PdfLine> lines =
              text.positionedLines().isEmpty()
                  ? text.lines().stream().map(PdfLine::unpositioned).toList()
                  : text.positionedLines();
          return read(lines, subject);
        },
        reason -> failed(subject, reason));
  }

  /** Parses already-extracted text lines (PDFBox, sorted by position). */
  public InjuryReport parseLines(List<String> lines) {
    return heard(
        budget.run(
            () -> parseLines(lines, "injury report"), reason -> failed("injury report", reason)));
  }

  private InjuryReport heard(InjuryReport report) {
    listener.parsed("injury_report", report.status());
    return report;
  }

  private InjuryReport parseLines(List<String> lines, String subject) {
    return read(lines.stream().map(PdfLine::unpositioned).toList(), subject);
  }

  private InjuryReport read(List<PdfLine> lines, String subject) {
    SectionErrorTracker tracker = SectionErrorTracker.create(subject, SECTIONS, tracking);
    try {
      Reader reader = new Reader(tracker);
      reader.read(lines);
      if (reader.issuedAt == null && reader.records.isEmpty() && reader.notSubmitted.isEmpty()) {
        return failed(tracker, "not an injury report: no title, player rows or team rows found");
      }
      ParseStatus status = tracker.isComplete() ? ParseStatus.COMPLETE : ParseStatus.PARTIAL;
      return new InjuryReport(
          status,
          Optional.empty(),
          Optional.ofNullable(reader.issuedAt),
          reader.records,
          reader.notSubmitted,
          reader.totalLines - reader.joinedFragments,
          reader.merged,
          tracker.logSummary());
    } catch (CancellationException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      tracker.recordError(METADATA, e, ProblemContext.none());
      return failed(tracker, "parser failure: " + e);
    }
  }

  private InjuryReport failed(String subject, String reason) {
    return failed(SectionErrorTracker.create(subject, SECTIONS, tracking), reason);
  }

  private static InjuryReport failed(SectionErrorTracker tracker, String reason) {
    return new InjuryReport(
        ParseStatus.FAILED,
        Optional.of(reason),
        Optional.empty(),
        List.of(),
        List.of(),
        0,
        0,
        tracker.summary());
  }

  /** Confidence of a reason, in steps of 0.1. */
  static double confidence(String reason) {
    if (COMPLETE_INJURY.matcher(reason).matches()) {
      return 1.0;
    }
    for (String known : KNOWN_REASONS) {
      if (reason.startsWith(known)) {
        return known.equals("Injury/Illness") ? 0.8 : 0.9;
      }
    }
    return reason.isBlank() ? 0.5 : 0.7;
  }

  /** The game and team a row belongs to, carried over from earlier rows. */
  private record GameContext(LocalDate date, String time, String matchup, String team) {}

  /** The reading of one report; not thread-safe. */
  private static final class Reader {
    final SectionErrorTracker tracker;
    final List<InjuryRecord> records = new ArrayList<>();
    final List<NotSubmittedTeam> notSubmitted = new ArrayList<>();
    @Nullable LocalDateTime issuedAt;
    int totalLines;
    int merged;
    int joinedFragments;

    @Nullable LocalDate date;
    @Nullable String time;
    @Nullable String matchup;
    @Nullable String team;
    @Nullable String teamHead;
    final List<String> pendingFragments = new ArrayList<>();
    int openRecord = -1;
    boolean openMerged;

    /** The Team column's x-range, from the column header; null until a positioned header. */
    @Nullable TeamColumn teamColumn;

    /** The team cell being assembled from its fragments, by position. */
    final List<String> cellParts = new ArrayList<>();

    /** Whether the row the assembled cell belongs to has been read. */
    boolean cellAttached;

    /** Records and not-submitted teams read while the attached cell was still incomplete. */
    final List<Integer> provisionalRecords = new ArrayList<>();

    final List<Integer> provisionalNotSubmitted = new ArrayList<>();

    /** The line number the assembled cell started on, for error context. */
    int cellLine;

    Reader(SectionErrorTracker tracker) {
      this.tracker = tracker;
    }

    void read(List<PdfLine> lines) {
      for (int i = 0; i < lines.size(); i++) {
        TimeBudget.checkCancelled();
        PdfLine positioned = lines.get(i);
        String line = LineText.normalise(positioned.text());
        if (line.isEmpty()) {
          continue;
        }
        totalLines++;
        if (line.length() > LineText.MAX_LENGTH) {
          tracker.recordIssue(
              PLAYERS,
              "line_too_long",
              "line of " + line.length() + " characters skipped",
              ProblemContext.line(i + 1, line.substring(0, 80)));
          continue;
        }
        try {
          readPositioned(i + 1, line, positioned);
        } catch (RuntimeException e) {
          tracker.recordError(PLAYERS, e, ProblemContext.line(i + 1, line));
        }
      }
      finishCell();
      if (!pendingFragments.isEmpty()) {
        tracker.recordError(
            REASONS,
            "orphan_reason",
            "reason text belongs to no player: " + String.join(" ", pendingFragments),
            ProblemContext.none());
      }
      if (issuedAt == null) {
        tracker.recordIssue(
            METADATA,
            "title_missing",
            "no 'Injury Report: MM/DD/YY HH:MM AM' title",
            ProblemContext.none());
      }
    }

    /**
     * Reads a line; once the column header has given the Team column's x-range, the words in that
     * column are a team-cell fragment, read apart from the rest of the line.
     */
    private void readPositioned(int number, String line, PdfLine positioned) {
      if (positioned.positioned() && COLUMN_HEADER.matcher(line).matches()) {
        TeamColumn column = TeamColumn.fromHeader(positioned.words());
        if (column != null) {
          teamColumn = column;
        }
      }
      TeamColumn column = teamColumn;
      if (column == null || !positioned.positioned()) {
        readLine(number, line);
        return;
      }
      StringBuilder teamText = new StringBuilder();
      StringBuilder rest = new StringBuilder();
      for (PdfWord word : positioned.words()) {
        StringBuilder target = column.contains(word) ? teamText : rest;
        if (target.length() > 0) {
          target.append(' ');
        }
        target.append(word.text());
      }
      String team = LineText.normalise(teamText.toString());
      String others = LineText.normalise(rest.toString());
      if (team.isEmpty()
          || TITLE.matcher(line).matches()
          || PAGE.matcher(line).matches()
          || COLUMN_HEADER.matcher(line).matches()) {
        readLine(number, line);
        return;
      }
      if (readTeamFragment(number, line, team)) {
        closeOpen(); // a line above the next row: its reason text is the next row's too
      }
      if (others.isEmpty()) {
        joinedFragments++;
        return;
      }
      readLine(number, others);
    }

    /**
     * A fragment of a team cell: the tail of the attached cell, or the head of the next one (then
     * true: the line stands above the next row).
     */
    private boolean readTeamFragment(int number, String line, String fragment) {
      if (cellAttached) {
        String joined = String.join(" ", cellParts);
        if (!teamNamed(joined) && isTeamPrefix(joined + " " + fragment)) {
          cellParts.add(fragment);
          resolveCell();
          return false;
        }
        finishCell();
      }
      if (cellParts.isEmpty()) {
        cellLine = number;
      }
      cellParts.add(fragment);
      if (!isTeamPrefix(String.join(" ", cellParts))) {
        tracker.recordError(
            GAMES,
            "team_cell_unreadable",
            "team cell '" + String.join(" ", cellParts) + "' is no team name",
            ProblemContext.line(number, line));
        cellParts.clear();
      }
      return true;
    }

    /** A row starts: an assembled, unattached team cell is this row's team. */
    private void attachCell() {
      if (cellParts.isEmpty() || cellAttached) {
        return;
      }
      cellAttached = true;
      String joined = String.join(" ", cellParts);
      team = joined; // provisional until the cell is complete
      resolveCell();
    }

    /** Sets the team once the attached cell names one, fixing the rows read meanwhile. */
    private void resolveCell() {
      String joined = String.join(" ", cellParts);
      if (!teamNamed(joined)) {
        team = joined;
        return;
      }
      String code = NbaTeam.fromName(joined).map(NbaTeam::tricode).orElse(joined);
      team = code;
      for (int index : provisionalRecords) {
        InjuryRecord r = records.get(index);
        records.set(
            index,
            new InjuryRecord(
                r.gameDate(),
                r.gameTime(),
                r.matchup(),
                code,
                r.player(),
                r.status(),
                r.reason(),
                r.confidence()));
      }
      for (int index : provisionalNotSubmitted) {
        NotSubmittedTeam t = notSubmitted.get(index);
        notSubmitted.set(
            index, new NotSubmittedTeam(t.gameDate(), t.gameTime(), t.matchup(), code));
      }
      provisionalRecords.clear();
      provisionalNotSubmitted.clear();
    }

    /** Ends the assembled cell; one that names no team is an error, not a guess. */
    private void finishCell() {
      if (!cellParts.isEmpty() && !teamNamed(String.join(" ", cellParts))) {
        tracker.recordError(
            GAMES,
            "team_cell_unreadable",
            "team cell '"
                + String.join(" ", cellParts)
                + "' (from line "
                + cellLine
                + ") is no complete team name; "
                + (provisionalRecords.size() + provisionalNotSubmitted.size())
                + " rows carry it as printed",
            ProblemContext.line(cellLine, String.join(" ", cellParts)));
      }
      cellParts.clear();
      cellAttached = false;
      provisionalRecords.clear();
      provisionalNotSubmitted.clear();
    }

    private static boolean teamNamed(String text) {
      return TEAM_NAMES.contains(text);
    }

    private static boolean isTeamPrefix(String text) {
      return teamNamed(text) || isTeamHead(text);
    }

    private void readLine(int number, String line) {
      Matcher title = TITLE.matcher(line);
      if (title.matches()) {
        closeOpen();
        if (issuedAt == null) {
          issuedAt = issued(title, number, line);
        }
        return;
      }
      if (COLUMN_HEADER.matcher(line).matches() || PAGE.matcher(line).matches()) {
        closeOpen();
        return;
      }
      String rest = line;
      boolean newGroup = false;
      Matcher m = DATE.matcher(rest);
      if (m.find()) {
        date = LocalDate.parse(m.group(1), PRINTED_DATE);
        rest = rest.substring(m.end());
        newGroup = true;
      }
      m = TIME.matcher(rest);
      if (m.find()) {
        time = m.group(1).replaceAll("\\s+", " ");
        rest = rest.substring(m.end());
        newGroup = true;
      }
      m = MATCHUP.matcher(rest);
      if (m.find()) {
        matchup = m.group(1);
        rest = rest.substring(m.end());
        newGroup = true;
        team = null;
      }
      if (teamColumn != null) {
        readRow(number, line, rest, newGroup);
        return;
      }
      String head = teamHead;
      teamHead = null;
      String joined = head == null ? rest : head + " " + rest;
      for (String name : TEAM_NAMES) {
        if (joined.startsWith(name)
            && (joined.length() == name.length() || joined.charAt(name.length()) == ' ')) {
          team = NbaTeam.fromName(name).map(NbaTeam::tricode).orElse(name);
          rest = joined.substring(name.length()).strip();
          newGroup = true;
          break;
        }
      }
      if (head != null && !newGroup) {
        readFragment(head); // not a wrapped team cell after all
      }
      if (!newGroup && isTeamHead(rest)) {
        teamHead = rest; // "Portland Trail" above "Blazers <row>": one team cell, wrapped
        return;
      }
      readRow(number, line, rest, newGroup);
    }

    /** The part of a line after its date, time, matchup and team. */
    private void readRow(int number, String line, String rest, boolean groupStarted) {
      boolean newGroup = groupStarted;
      if (teamColumn != null && !cellParts.isEmpty() && !cellAttached && isRow(rest)) {
        attachCell();
        newGroup = true;
      }
      if (newGroup) {
        closeOpen();
      }
      if (rest.isEmpty()) {
        return;
      }
      if (rest.equalsIgnoreCase("NOT YET SUBMITTED")) {
        closeOpen();
        GameContext game = context(number, line);
        if (game != null) {
          notSubmitted.add(
              new NotSubmittedTeam(game.date(), game.time(), game.matchup(), game.team()));
          if (cellAttached && !teamNamed(String.join(" ", cellParts))) {
            provisionalNotSubmitted.add(notSubmitted.size() - 1);
          }
        }
        return;
      }
      Matcher player = PLAYER.matcher(rest);
      if (player.matches()) {
        readPlayer(number, line, player);
        return;
      }
      Matcher noComma = PLAYER_WITHOUT_COMMA.matcher(rest);
      if (noComma.matches()) {
        tracker.recordIssue(
            PLAYERS,
            "name_without_comma",
            "player name '" + noComma.group(1) + "' printed without 'Last, First'; kept as printed",
            ProblemContext.line(number, line));
        readPlayer(number, line, noComma);
        return;
      }
      readFragment(rest);
    }

    private void readPlayer(int number, String line, Matcher player) {
      closeOpen();
      GameContext game = context(number, line);
      if (game == null) {
        return;
      }
      String inline = player.group(3) == null ? "" : player.group(3).strip();
      String reason = inline;
      boolean wrapped = !pendingFragments.isEmpty();
      if (wrapped) {
        reason = (String.join(" ", pendingFragments) + " " + inline).strip();
        joinedFragments += pendingFragments.size();
        pendingFragments.clear();
      }
      InjuryStatus status = InjuryStatus.fromLabel(player.group(2)).orElseThrow();
      records.add(
          new InjuryRecord(
              game.date(),
              game.time(),
              game.matchup(),
              game.team(),
              player.group(1).strip(),
              status,
              reason,
              0));
      openRecord = records.size() - 1;
      openMerged = wrapped;
      if (cellAttached && !teamNamed(String.join(" ", cellParts))) {
        provisionalRecords.add(openRecord);
      }
      // The record stays open: the tail of a reason (inline or not) may follow on the next line.
    }

    /** Text that is a player row or a not-submitted team's row. */
    private static boolean isRow(String rest) {
      return rest.equalsIgnoreCase("NOT YET SUBMITTED")
          || PLAYER.matcher(rest).matches()
          || PLAYER_WITHOUT_COMMA.matcher(rest).matches();
    }

    /** A proper, word-aligned beginning of a team name ("Portland Trail"). */
    private static boolean isTeamHead(String text) {
      for (String name : TEAM_NAMES) {
        if (name.length() > text.length()
            && name.startsWith(text)
            && name.charAt(text.length()) == ' ') {
          return true;
        }
      }
      return false;
    }

    /** Text that is neither a row nor a header: part of a wrapped reason. */
    private void readFragment(String text) {
      // "Health and Safety" above "Protocols": the head of a known reason wrapped in its cell
      boolean startsReason =
          KNOWN_REASONS.stream()
              .anyMatch(known -> text.startsWith(known) || known.startsWith(text + " "));
      if (openRecord >= 0 && !startsReason) {
        InjuryRecord open = records.get(openRecord);
        records.set(openRecord, withReason(open, (open.reason() + " " + text).strip()));
        joinedFragments++;
        openMerged = true;
        return;
      }
      closeOpen();
      pendingFragments.add(text);
    }

    /** Finishes the open record: its reason is final, so its confidence can be set. */
    private void closeOpen() {
      if (openRecord < 0) {
        return;
      }
      InjuryRecord open = records.get(openRecord);
      records.set(openRecord, withReason(open, open.reason()));
      if (openMerged) {
        merged++;
      }
      if (open.reason().isEmpty()) {
        tracker.recordIssue(
            REASONS,
            "reason_missing",
            "no reason for " + open.player(),
            ProblemContext.snippet(open.player()));
      }
      openRecord = -1;
      openMerged = false;
    }

    private static InjuryRecord withReason(InjuryRecord r, String reason) {
      return new InjuryRecord(
          r.gameDate(),
          r.gameTime(),
          r.matchup(),
          r.team(),
          r.player(),
          r.status(),
          reason,
          confidence(reason));
    }

    private @Nullable GameContext context(int number, String line) {
      LocalDate d = date;
      String t = time;
      String m = matchup;
      String tm = team;
      if (d == null || t == null || m == null || tm == null) {
        tracker.recordError(
            GAMES,
            "missing_context",
            "row without game date, time, matchup or team before it",
            ProblemContext.line(number, line));
        return null;
      }
      return new GameContext(d, t, m, tm);
    }

    private @Nullable LocalDateTime issued(Matcher title, int number, String line) {
      try {
        String printed = title.group(1);
        LocalDate day =
            printed.length() == 8
                ? LocalDate.parse(printed, DateTimeFormatter.ofPattern("MM/dd/yy"))
                : LocalDate.parse(printed, PRINTED_DATE);
        int hour = Integer.parseInt(title.group(2)) % 12;
        if (title.group(4).toUpperCase(Locale.ROOT).equals("PM")) {
          hour += 12;
        }
        return day.atTime(hour, Integer.parseInt(title.group(3)));
      } catch (DateTimeException | NumberFormatException e) {
        tracker.recordError(METADATA, e, ProblemContext.line(number, line));
        return null;
      }
    }
  }

  /**
   * The Team column's x-range from the column header: from the "Team" label to the "Player Name"
   * label, less a small tolerance (cells are printed left-aligned with their label).
   */
  private record TeamColumn(float from, float to) {
    private static final float TOLERANCE = 4;

    static @Nullable TeamColumn fromHeader(List<PdfWord> words) {
      Float team = null;
      Float player = null;
      for (PdfWord word : words) {
        if (team == null && word.text().equals("Team")) {
          team = word.x0();
        } else if (team != null && player == null && word.text().equals("Player")) {
          player = word.x0();
        }
      }
      if (team == null || player == null || player <= team) {
        return null;
      }
      return new TeamColumn(team - TOLERANCE, player - TOLERANCE);
    }

    boolean contains(PdfWord word) {
      return word.x0() >= from && word.x0() < to;
    }
  }
}
