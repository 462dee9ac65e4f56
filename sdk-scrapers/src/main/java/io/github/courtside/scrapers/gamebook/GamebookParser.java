package io.github.courtside.scrapers.gamebook;

import io.github.courtside.core.tracking.ProblemContext;
import io.github.courtside.core.tracking.SectionErrorTracker;
import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.pdf.PdfExtractionException;
import io.github.courtside.scrapers.pdf.PdfLine;
import io.github.courtside.scrapers.pdf.PdfText;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Parses NBA.com gamebook PDFs (the one-page "short" box score, tables may run over several pages)
 * into {@link Gamebook}s.
 *
 * <p>Text comes from PDFBox sorted by position; each line is classified by the layout of spec §C.2:
 * header lines (date, arena, officials, duration, attendance), "VISITOR:"/"HOME:" team headers,
 * player rows {@code <no> <name> [<pos>] <MM:SS> <16 columns>}, DNP/DND/NWT rows, TOTALS rows,
 * "Inactive:" lists (wrapped over lines, never running into the next list), the SCORE BY PERIODS
 * table, and page furniture. Names keep diacritics and curly apostrophes, plus/minus may carry a
 * sign, attendance may carry thousands separators. Each section reports to a {@link
 * SectionErrorTracker}; lines that match nothing are recorded as soft issues, not dropped silently.
 * Box-score identities are checked and reported in the result.
 *
 * <p><b>Never throws on a bad document:</b> a corrupt, truncated, too large, too slow or
 * non-gamebook PDF gives a {@link ParseStatus#FAILED} result with the reason, within the hard
 * wall-clock budget of {@link GamebookParserConfig#timeBudget()} (default 2 s) around extraction
 * and parsing together; {@link OutOfMemoryError} and {@link StackOverflowError} from one document
 * become a FAILED result too. Thread-safe: one parser may serve many threads.
 *
 * <pre>{@code
 * GamebookParser parser = GamebookParser.create();
 * Gamebook gamebook = parser.parse(Path.of("20240410-MEMCLE.pdf"));
 * switch (gamebook.status()) {
 *   case FAILED -> log.warn("unusable gamebook: {}", gamebook.failureReason().orElseThrow());
 *   default -> System.out.println(GamebookJson.toJson(gamebook));
 * }
 * }</pre>
 */
public final class GamebookParser {
  private final GamebookParserConfig config;

  private GamebookParser(GamebookParserConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** A parser with the default configuration. */
  public static GamebookParser create() {
    return new GamebookParser(GamebookParserConfig.defaults());
  }

  /** A parser with the given configuration. */
  public static GamebookParser create(GamebookParserConfig config) {
    return new GamebookParser(config);
  }

  /** Parses a PDF file; an unreadable file gives a failed result naming the file. */
  public Gamebook parse(Path pdf) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(pdf);
    } catch (IOException | RuntimeException e) {
      return heard(failed(pdf.toString(), "cannot read " + pdf + ": " + e.getMessage()));
    }
    return heard(
        parse(bytes, pdf.getFileName() == null ? pdf.toString() : pdf.getFileName().toString()));
  }

  /** Parses PDF bytes. */
  public Gamebook parse(byte[] pdf) {
    return heard(parse(pdf, "gamebook"));
  }

  private Gamebook heard(Gamebook gamebook) {
    config.listener().parsed("gamebook", gamebook.status());
    return gamebook;
  }

  private Gamebook parse(byte[] pdf, String subject) {
    PdfTextExtractor.warmUp();
    return config
        .budget()
        .run(
            () -> {
              PdfText text;
              try {
                text = config.extractor().extract(pdf);
              } catch (PdfExtractionException e) {
                return failed(subject, e.reason() + ": " + e.getMessage());
              }
              return parseText(
                  text.positionedLines(), subject, text.characters(), text.pageCount());
            },
            reason -> failed(subject, reason));
  }

  /**
   * Parses already-extracted text lines (one PDFBox line each), for callers that extract text
   * themselves and for tests of the line grammar.
   */
  public Gamebook parseLines(List<String> lines) {
    int characters = lines.stream().mapToInt(l -> l.length() + 1).sum();
    List<PdfLine> text = lines.stream().map(PdfLine::unpositioned).toList();
    return heard(
        config
            .budget()
            .run(
                () -> parseText(text, "gamebook", characters, 0),
                reason -> failed("gamebook", reason)));
  }

  private Gamebook parseText(List<PdfLine> lines, String subject, int characters, int pages) {
    SectionErrorTracker tracker =
        SectionErrorTracker.create(subject, GamebookSection.keys(), config.tracking());
    try {
      GamebookReader reader = new GamebookReader(tracker);
      reader.read(lines);
      if (!reader.foundTeamTables() && reader.activePlayers().isEmpty()) {
        tracker.logSummary();
        return failed(
            tracker, "not a gamebook: no VISITOR/HOME team table found", characters, pages);
      }
      GameInfo game = reader.game();
      List<BoxScoreCheck> checks =
          BoxScoreValidator.check(
              reader.activePlayers(), reader.teamTotals(), reader.periodScores());
      boolean bothTeamsPlayed =
          reader.activePlayers().stream().anyMatch(p -> p.side() == TeamSide.AWAY)
              && reader.activePlayers().stream().anyMatch(p -> p.side() == TeamSide.HOME);
      boolean checksPassed = checks.stream().allMatch(BoxScoreCheck::passed);
      ParseStatus status =
          tracker.isComplete() && bothTeamsPlayed && checksPassed
              ? ParseStatus.COMPLETE
              : ParseStatus.PARTIAL;
      return new Gamebook(
          status,
          Optional.empty(),
          game,
          reader.activePlayers(),
          reader.dnpPlayers(),
          reader.inactivePlayers(),
          reader.teamTotals(),
          reader.periodScores(),
          checks,
          tracker.logSummary(),
          characters,
          pages);
    } catch (CancellationException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // The reader records per-line failures itself; this is the last line of defence.
      tracker.recordError(GamebookSection.GAME_METADATA.key(), e, ProblemContext.none());
      return failed(tracker, "parser failure: " + e, characters, pages);
    }
  }

  private Gamebook failed(String subject, String reason) {
    SectionErrorTracker tracker =
        SectionErrorTracker.create(subject, GamebookSection.keys(), config.tracking());
    return failed(tracker, reason, 0, 0);
  }

  private static Gamebook failed(
      SectionErrorTracker tracker, String reason, int characters, int pages) {
    return new Gamebook(
        ParseStatus.FAILED,
        Optional.of(reason),
        GameInfo.empty(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        tracker.summary(),
        characters,
        pages);
  }
}
