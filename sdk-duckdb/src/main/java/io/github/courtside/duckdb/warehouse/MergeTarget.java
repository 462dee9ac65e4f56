package io.github.courtside.duckdb.warehouse;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target table of a MERGE whose counts can be read without {@code RETURNING}: a statement that
 * starts with {@code MERGE INTO <table>} and whose every action is {@code UPDATE} or {@code INSERT}
 * (no {@code DELETE}, {@code DO NOTHING} or {@code ERROR} anywhere, no {@code RETURNING}). Such a
 * MERGE changes the target's row count only by the rows it inserts, and DuckDB's update count is
 * the rows it inserted or updated, so the target's row count before and after it, in its
 * transaction, splits the update count exactly. Fetching one {@code RETURNING merge_action} row per
 * merged row through JDBC took twice as long as the MERGE itself.
 */
final class MergeTarget {
  private static final String NAME = "(?:\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_$]*)";
  private static final Pattern HEAD =
      Pattern.compile(
          "(?is)\\s*MERGE\\s+INTO\\s+(" + NAME + "(?:\\s*\\.\\s*" + NAME + "){0,2})(?=\\s|$)");
  private static final Pattern ACTION = Pattern.compile("(?i)\\bTHEN\\s+([A-Za-z]+)");
  private static final Pattern REFUSED = Pattern.compile("(?i)\\b(?:DELETE|RETURNING|NOTHING)\\b");

  private MergeTarget() {}

  /**
   * The target table as written in the statement, when the statement is a MERGE whose counts the
   * row counts split; empty when it must be counted from {@code RETURNING merge_action}.
   */
  static Optional<String> countableByRows(String mergeText) {
    Matcher head = HEAD.matcher(mergeText);
    if (!head.lookingAt() || REFUSED.matcher(mergeText).find()) {
      return Optional.empty();
    }
    Matcher action = ACTION.matcher(mergeText);
    boolean any = false;
    while (action.find()) {
      String word = action.group(1).toUpperCase(Locale.ROOT);
      if (!word.equals("UPDATE") && !word.equals("INSERT")) {
        return Optional.empty();
      }
      any = true;
    }
    return any ? Optional.of(head.group(1)) : Optional.empty();
  }
}
