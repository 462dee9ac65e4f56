package io.github.courtside.core.validation;

/**
 * A declared rule by which {@link RowValidator} may change a value instead of rejecting the row.
 * Only the rules a validator is built with apply; every applied rule is reported in {@link
 * ValidationResult#coercions()}, so nothing changes silently.
 *
 * <pre>{@code
 * RowValidator validator = RowValidator.builder(table, schema)
 *     .coerce(Coercion.NON_FINITE_TO_NULL, Coercion.WIDEN_NUMBERS)
 *     .build();
 * }</pre>
 */
public enum Coercion {
  /**
   * NaN and infinities in a nullable FLOAT64 or NUMERIC column become NULL (the old platform's
   * {@code convert_numpy_types}, I-18). In a required column they are still rejected.
   */
  NON_FINITE_TO_NULL,
  /**
   * Lossless numeric widening: {@code Integer}, {@code Short} and {@code Byte} to INT64; {@code
   * Float} and integral values exactly representable as a double to FLOAT64; any finite number to
   * NUMERIC.
   */
  WIDEN_NUMBERS,
  /** A string holding a number becomes an INT64, FLOAT64 or NUMERIC value when the text parses. */
  NUMERIC_STRINGS,
  /**
   * An ISO-8601 string becomes a DATE ({@code 2024-04-10}) or TIMESTAMP ({@code
   * 2024-04-10T19:30:00Z}) value when the text parses.
   */
  ISO_TEXT_TO_TEMPORAL,
  /**
   * Columns the schema does not know are dropped instead of rejecting the row. Off by default: I-9
   * was a worker writing two columns the table did not have, and the loss must be loud.
   */
  DROP_UNKNOWN_COLUMNS
}
