package io.github.courtside.core.validation;

/**
 * Hears what a {@link RowValidator} refuses, e.g. to count rejections ({@link
 * MicrometerValidationMetrics}). Called on the validating thread, once per rejected row; it must be
 * quick and must not throw.
 *
 * <pre>{@code
 * RowValidator validator = RowValidator.builder(table, schema)
 *     .listener(new MicrometerValidationMetrics(registry))
 *     .build();
 * }</pre>
 */
public interface ValidationListener {
  /** Hears nothing. */
  ValidationListener NONE = rejection -> {};

  /** A row was rejected with at least one violation. */
  void rejected(RowRejection rejection);
}
