package io.github.courtside.scrapers.pdf;

/**
 * Prepares a text line for the line patterns in linear time: strips it and collapses every run of
 * blanks to one, so no pattern backtracks over long blank runs, and bounds the length a pattern
 * ever sees.
 *
 * <pre>{@code
 * String line = LineText.normalise("  12     24  ");   // "12 24"
 * }</pre>
 */
public final class LineText {
  /** Longer lines are skipped and reported; a gamebook or injury-report line is under 200. */
  public static final int MAX_LENGTH = 1_000;

  private LineText() {}

  /** The line stripped, control characters and blank runs turned into one blank. */
  public static String normalise(String line) {
    StringBuilder out = new StringBuilder(Math.min(line.length(), MAX_LENGTH + 16));
    boolean blank = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        blank = true;
        continue;
      }
      if (blank && out.length() > 0) {
        out.append(' ');
      }
      blank = false;
      out.append(c);
    }
    return out.toString();
  }
}
