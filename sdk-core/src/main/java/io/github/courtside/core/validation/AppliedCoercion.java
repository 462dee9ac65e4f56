package io.github.courtside.core.validation;

import java.util.Objects;

/**
 * A value that {@link RowValidator} changed by a declared rule.
 *
 * <pre>{@code
 * result.coercions().forEach(c -> log.debug("row {} column {}: {}", c.rowIndex(), c.column(), c.rule()));
 * }</pre>
 *
 * @param rowIndex the row's index in the validated list
 * @param column the column
 * @param rule the rule that applied
 */
public record AppliedCoercion(int rowIndex, String column, Coercion rule) {
  public AppliedCoercion {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(rule, "rule");
  }
}
