package io.github.courtside.core.validation;

import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link RowValidator#validate}: accepted rows (after declared coercions), rejected
 * rows with reasons, and the coercions applied. Every input row is in exactly one of {@link
 * #accepted()} and {@link #rejections()}.
 *
 * <pre>{@code
 * ValidationResult result = validator.validate(rows);
 * warehouse.append(table, result.accepted());
 * result.rejections().forEach(r -> log.error("{}", r.reason()));
 * }</pre>
 *
 * @param table the target table
 * @param accepted the accepted rows in input order, coerced and with column names as the schema
 *     spells them
 * @param acceptedIndices the input index of each accepted row, parallel to {@code accepted}
 * @param rejections the rejected rows in input order
 * @param coercions every value changed by a declared rule
 */
public record ValidationResult(
    TableId table,
    List<Row> accepted,
    List<Integer> acceptedIndices,
    List<RowRejection> rejections,
    List<AppliedCoercion> coercions) {
  public ValidationResult {
    Objects.requireNonNull(table, "table");
    accepted = List.copyOf(accepted);
    acceptedIndices = List.copyOf(acceptedIndices);
    rejections = List.copyOf(rejections);
    coercions = List.copyOf(coercions);
    if (accepted.size() != acceptedIndices.size()) {
      throw new IllegalArgumentException("accepted rows and their indices differ in size");
    }
  }

  /** Whether every row was accepted. */
  public boolean allAccepted() {
    return rejections.isEmpty();
  }

  /**
   * The accepted rows, or a {@link RowValidationException} for the first rejection when any row was
   * rejected.
   */
  public List<Row> acceptedOrThrow() {
    if (!rejections.isEmpty()) {
      throw new RowValidationException(rejections.get(0), rejections.size());
    }
    return accepted;
  }
}
