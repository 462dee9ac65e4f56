package io.github.courtside.scrapers.injury;

import io.github.courtside.core.tracking.ProblemContext;
import io.github.courtside.core.tracking.SectionErrorTracker;
import io.github.courtside.scrapers.pdf.LineText;
import io.github.courtside.scrapers.pdf.PdfLine;
import io.github.courtside.scrapers.pdf.TimeBudget;
import java.util.List;

/**
 * The line-admission step both injury-report readers (the positional table and the text reader)
 * take before reading a line: stop when the document's budget ran out, normalise the text ({@link
 * LineText#normalise}), skip empty lines, and report ({@code line_too_long} in {@code
 * player_records}) and skip a line longer than {@link LineText#MAX_LENGTH}. Every other line goes
 * to the reader.
 */
final class InjuryLines {
  /** Reads one admitted line. */
  @FunctionalInterface
  interface Reader {
    /**
     * @param number the 1-based line number
     * @param line the line with its word positions
     * @param text the normalised text, not empty and at most {@link LineText#MAX_LENGTH} long
     */
    void read(int number, PdfLine line, String text);
  }

  private InjuryLines() {}

  /**
   * Admits {@code lines} one by one to {@code reader}.
   *
   * @return how many lines were not empty (too-long ones included)
   */
  static int admit(List<PdfLine> lines, SectionErrorTracker tracker, Reader reader) {
    int nonEmpty = 0;
    for (int i = 0; i < lines.size(); i++) {
      TimeBudget.checkCancelled();
      PdfLine line = lines.get(i);
      String text = LineText.normalise(line.text());
      if (text.isEmpty()) {
        continue;
      }
      nonEmpty++;
      if (text.length() > LineText.MAX_LENGTH) {
        tracker.recordIssue(
            InjuryReportParser.PLAYERS,
            "line_too_long",
            "line of " + text.length() + " characters skipped",
            ProblemContext.line(i + 1, text.substring(0, 80)));
        continue;
      }
      reader.read(i + 1, line, text);
    }
    return nonEmpty;
  }
}
