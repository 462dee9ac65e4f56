package io.github.courtside.core.validation;

import java.util.Objects;

/**
 * One rejected value of one row.
 *
 * <pre>{@code
 * for (Violation v : rejection.violations()) {
 *   log.warn("{}: column {} {}", v.kind(), v.column(), v.message());
 * }
 * }</pre>
 *
 * @param column the column as the row or schema names it
 * @param kind what was wrong
 * @param message a human-readable explanation with the offending value's type
 */
public record Violation(String column, ViolationKind kind, String message) {
  public Violation {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
