package io.github.courtside.scrapers.gamebook;

import io.github.courtside.scrapers.pdf.PdfWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The stat columns of a team table as its header row places them: each header word after {@code
 * MIN} is a column. A cell belongs to the column whose right edge or centre is nearest to its own
 * (numbers are right-aligned under their header in NBA.com gamebooks, centred in some renderers),
 * provided it is within most of a column's width of it. Columns the SDK does not model (an extra
 * "%" column, say) are kept so their cells are not mistaken for neighbours.
 */
final class ColumnLayout {
  /** The 16 modelled columns in {@link StatLine#columns()} order. */
  static final List<String> STANDARD =
      List.of(
          "FG", "FGA", "3P", "3PA", "FT", "FTA", "OR", "DR", "TOT", "A", "PF", "ST", "TO", "BS",
          "+/-", "PTS");

  private record Column(String label, int stat, float right, float centre) {}

  private final List<Column> columns;
  private final float tolerance;

  private ColumnLayout(List<Column> columns, float tolerance) {
    this.columns = columns;
    this.tolerance = tolerance;
  }

  /** The layout of a header row, or empty when it has no MIN word or no column after it. */
  static Optional<ColumnLayout> fromHeader(List<PdfWord> words) {
    int min = -1;
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).text().equalsIgnoreCase("MIN")) {
        min = i;
        break;
      }
    }
    if (min < 0 || min == words.size() - 1) {
      return Optional.empty();
    }
    List<Column> columns = new ArrayList<>();
    for (PdfWord word : words.subList(min + 1, words.size())) {
      String label = word.text().toUpperCase(Locale.ROOT);
      columns.add(new Column(label, statIndex(label), word.x1(), word.centre()));
    }
    float step = Float.MAX_VALUE;
    for (int i = 1; i < columns.size(); i++) {
      step = Math.min(step, columns.get(i).centre() - columns.get(i - 1).centre());
    }
    float tolerance = columns.size() < 2 || step <= 0 ? 30f : step * 0.75f;
    return Optional.of(new ColumnLayout(List.copyOf(columns), tolerance));
  }

  /** The index in {@link #STANDARD} of a header label, or -1 for a column the SDK ignores. */
  static int statIndex(String label) {
    String upper = label.toUpperCase(Locale.ROOT);
    if (upper.equals("+-") || upper.equals("PM") || upper.equals("+/\u2212")) {
      return 14;
    }
    return STANDARD.indexOf(upper);
  }

  /** The column of a cell, or -1 when it lies under no header. */
  int columnOf(PdfWord cell) {
    int best = -1;
    float bestDistance = Float.MAX_VALUE;
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      float distance =
          Math.min(Math.abs(cell.x1() - column.right()), Math.abs(cell.centre() - column.centre()));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    return bestDistance <= tolerance ? best : -1;
  }

  /** The modelled stat of a column ({@link #STANDARD} index), -1 when not modelled. */
  int stat(int column) {
    return columns.get(column).stat();
  }

  String label(int column) {
    return columns.get(column).label();
  }

  /** Whether the header has the modelled column. */
  boolean has(int stat) {
    return columns.stream().anyMatch(c -> c.stat() == stat);
  }
}
