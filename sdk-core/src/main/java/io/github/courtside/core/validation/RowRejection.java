package io.github.courtside.core.validation;

import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A row refused by {@link RowValidator}, with every violation found in it.
 *
 * <pre>{@code
 * for (RowRejection r : result.rejections()) {
 *   deadLetters.accept(r.row(), r.reason());
 * }
 * }</pre>
 *
 * @param table the target table
 * @param rowIndex the row's index in the validated list
 * @param row the row as given
 * @param violations at least one violation, in schema order then row order
 */
public record RowRejection(TableId table, int rowIndex, Row row, List<Violation> violations) {
  public RowRejection {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(row, "row");
    violations = List.copyOf(violations);
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one violation");
    }
  }

  /** One line naming table, row index and each column with its problem. */
  public String reason() {
    return "row "
        + rowIndex
        + " of "
        + table
        + ": "
        + violations.stream()
            .map(v -> "column " + v.column() + " " + v.kind() + " (" + v.message() + ")")
            .collect(Collectors.joining("; "));
  }
}
