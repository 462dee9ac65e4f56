package io.github.courtside.scrapers.injury;

import io.github.courtside.core.tracking.ProblemContext;
import io.github.courtside.core.tracking.SectionErrorTracker;
import io.github.courtside.core.tracking.SectionErrorTrackerConfig;
import io.github.courtside.scrapers.ParseListener;
import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.pdf.PdfExtractionException;
import io.github.courtside.scrapers.pdf.PdfLine;
import io.github.courtside.scrapers.pdf.PdfText;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import io.github.courtside.scrapers.pdf.TimeBudget;
import io.github.courtside.scrapers.teams.NbaTeam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 * team's first row, so they carry over, across pages too. Teams marked "NOT YET SUBMITTED" are kept
 * as {@link NotSubmittedTeam}s (the old parser dropped them); the season label is derived correctly
 * (see {@link InjuryReport#season()}). On the sample report this reproduces the old parser's 14
 * records exactly.
 *
 * <p>A PDF is read by position: the columns' x-ranges come from the column header, each row is
 * anchored by its Current Status (or NOT YET SUBMITTED) cell, and every other cell fragment belongs
 * to the row nearest by y. A reason or team cell wrapped over several lines (centred on its row, as
 * the NBA prints them, or starting on the row and running below) stays with its row; a cell that is
 * no team name, a fragment that belongs to no row and a row without a player are reported; a name
 * printed without the "Last, First" comma is kept and reported. Lines given as text only ({@link
 * #parseLines}), or a PDF without a column header, are read by text: a wrapped reason's lines above
 * and below a row are joined to it, and a team name is read at the start of a row.
 *
 * <p>Never throws on a bad document: unreadable, too large or too slow input gives a {@link
 * ParseStatus#FAILED} report with the reason, within a hard wall-clock budget per document (2 s,
 * see {@link InjuryReportParserConfig#timeBudget()}). Thread-safe.
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
  static final DateTimeFormatter PRINTED_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
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

  private InjuryReportParser(InjuryReportParserConfig config) {
    this.extractor = config.extractor();
    this.tracking = config.tracking();
    this.budget = config.budget();
    this.listener = config.listener();
  }

  /** A parser with the defaults ({@link InjuryReportParserConfig#defaults()}). */
  public static InjuryReportParser create() {
    return new InjuryReportParser(InjuryReportParserConfig.defaults());
  }

  /** A parser with the given configuration. */
  public static InjuryReportParser create(InjuryReportParserConfig config) {
    return new InjuryReportParser(config);
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
      @Nullable LocalDateTime issuedAt;
      List<InjuryRecord> records;
      List<NotSubmittedTeam> notSubmitted;
      int totalLines;
      int merged;
      if (InjuryTable.readable(lines)) {
        InjuryTable table = new InjuryTable(tracker);
        table.read(lines);
        issuedAt = table.issuedAt;
        records = table.records;
        notSubmitted = table.notSubmitted;
        totalLines = table.totalLines;
        merged = table.merged;
      } else {
        Reader reader = new Reader(tracker);
        reader.read(lines);
        issuedAt = reader.issuedAt;
        records = reader.records;
        notSubmitted = reader.notSubmitted;
        totalLines = reader.totalLines - reader.joinedFragments;
        merged = reader.merged;
      }
      if (issuedAt == null && records.isEmpty() && notSubmitted.isEmpty()) {
        return failed(tracker, "not an injury report: no title, player rows or team rows found");
      }
      ParseStatus status = tracker.isComplete() ? ParseStatus.COMPLETE : ParseStatus.PARTIAL;
      return new InjuryReport(
          status,
          Optional.empty(),
          Optional.ofNullable(issuedAt),
          records,
          notSubmitted,
          totalLines,
          merged,
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
  /**
   * The issue time printed in a page title ({@code title} matched the title pattern), or null with
   * the error recorded in METADATA for line {@code number}.
   */
  static @Nullable LocalDateTime issuedAt(
      Matcher title, SectionErrorTracker tracker, int number, String line) {
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

    Reader(SectionErrorTracker tracker) {
      this.tracker = tracker;
    }

    void read(List<PdfLine> lines) {
      totalLines +=
          InjuryLines.admit(
              lines,
              tracker,
              (number, positioned, line) -> {
                try {
                  readLine(number, line);
                } catch (RuntimeException e) {
                  tracker.recordError(PLAYERS, e, ProblemContext.line(number, line));
                }
              });
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

    private void readLine(int number, String line) {
      Matcher title = TITLE.matcher(line);
      if (title.matches()) {
        closeOpen();
        if (issuedAt == null) {
          issuedAt = issuedAt(title, tracker, number, line);
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
      if (groupStarted) {
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
      // The record stays open: the tail of a reason (inline or not) may follow on the next line.
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
  }
}
