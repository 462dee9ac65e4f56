package io.github.courtside.scrapers;

/**
 * How the parsers' JSON writers lay out a document.
 *
 * <pre>{@code
 * GamebookJson.toJson(gamebook, JsonStyle.COMPACT.escapingNonAscii());   // "Don\u010di\u0107"
 * }</pre>
 *
 * @param indented one value per line, indented, instead of one line
 * @param escapeNonAscii write every non-ASCII character as a JSON {@code \\uXXXX} escape, so the
 *     output survives consoles and pipes whose charset is not UTF-8; parsers read back the same
 *     string
 */
public record JsonStyle(boolean indented, boolean escapeNonAscii) {
  /** One line, characters as they are. */
  public static final JsonStyle COMPACT = new JsonStyle(false, false);

  /** Indented, characters as they are. */
  public static final JsonStyle PRETTY = new JsonStyle(true, false);

  /** This style with non-ASCII characters escaped. */
  public JsonStyle escapingNonAscii() {
    return new JsonStyle(indented, true);
  }
}
