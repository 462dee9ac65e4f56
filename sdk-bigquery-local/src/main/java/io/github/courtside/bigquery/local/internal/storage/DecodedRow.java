package io.github.courtside.bigquery.local.internal.storage;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An input row turned into canonical values (see {@link LocalStorage}), or the problems that kept
 * it from being one.
 *
 * @param index the row's index in the request (insertAll), or its 1-based line number (CSV, NDJSON)
 * @param row the canonical row, or null when {@code errors} is not empty
 * @param errors the problems, empty when the row is good
 */
public record DecodedRow(
    long index, @Nullable Map<String, @Nullable Object> row, List<FieldError> errors) {
  public DecodedRow {
    errors = List.copyOf(errors);
  }

  /** Whether the row decoded without problems. */
  public boolean ok() {
    return errors.isEmpty();
  }
}
