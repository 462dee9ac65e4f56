package io.github.courtside.core.validation;

/** Why a value was rejected by {@link RowValidator}. */
public enum ViolationKind {
  /** The row names a column the table does not have (I-9). */
  UNKNOWN_COLUMN,
  /** A required column without default is absent from the row. */
  MISSING_REQUIRED,
  /** A required column holds NULL. */
  NULL_IN_REQUIRED,
  /** NaN or an infinity that no declared coercion may turn into NULL (I-18). */
  NON_FINITE,
  /** A value of a Java type the column type does not take, and no declared coercion applies. */
  WRONG_TYPE,
  /** A STRING or JSON value longer (in UTF-8 bytes) than the configured limit. */
  STRING_TOO_LONG
}
