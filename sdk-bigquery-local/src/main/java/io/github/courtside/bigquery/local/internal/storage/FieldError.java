package io.github.courtside.bigquery.local.internal.storage;

/**
 * One problem with one value of an input row, shaped like an entry of BigQuery's {@code
 * insertErrors[].errors[]} ({@code {"reason":"invalid","location":"points","message":"..."}}) and
 * of a load job's {@code status.errors[]}.
 *
 * @param reason BigQuery's reason, {@code invalid} for every value problem
 * @param location the field's dotted path ({@code player.name}), empty when the row as a whole is
 *     wrong (a CSV line with too few columns)
 * @param message what is wrong, naming the field and the bad value
 */
public record FieldError(String reason, String location, String message) {
  static FieldError invalid(String location, String message) {
    return new FieldError("invalid", location, message);
  }
}
