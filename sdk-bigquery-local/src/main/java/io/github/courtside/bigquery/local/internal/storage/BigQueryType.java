package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.services.bigquery.model.TableFieldSchema;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.util.Locale;

/**
 * A BigQuery column type, with the legacy names folded into the standard ones ({@code INTEGER} is
 * {@link #INT64}, {@code FLOAT} is {@link #FLOAT64}, {@code BOOLEAN} is {@link #BOOL}, {@code
 * STRUCT} is {@link #RECORD}).
 *
 * <pre>{@code
 * BigQueryType type = BigQueryType.of(field); // field.getType() "INTEGER" -> INT64
 * }</pre>
 */
public enum BigQueryType {
  INT64,
  FLOAT64,
  NUMERIC,
  BIGNUMERIC,
  BOOL,
  STRING,
  BYTES,
  DATE,
  DATETIME,
  TIME,
  TIMESTAMP,
  JSON,
  GEOGRAPHY,
  RECORD;

  /** The type of a field; 400 {@code invalid} for a missing or unknown type name. */
  public static BigQueryType of(TableFieldSchema field) {
    String name = field.getType();
    if (name == null) {
      throw ApiException.invalid("Field " + field.getName() + " has no type");
    }
    return of(name, field.getName());
  }

  /** The type named {@code typeName} (any case, legacy or standard name). */
  public static BigQueryType of(String typeName, String fieldName) {
    return switch (typeName.toUpperCase(Locale.ROOT)) {
      case "INT64", "INTEGER" -> INT64;
      case "FLOAT64", "FLOAT" -> FLOAT64;
      case "NUMERIC", "DECIMAL" -> NUMERIC;
      case "BIGNUMERIC", "BIGDECIMAL" -> BIGNUMERIC;
      case "BOOL", "BOOLEAN" -> BOOL;
      case "STRING" -> STRING;
      case "BYTES" -> BYTES;
      case "DATE" -> DATE;
      case "DATETIME" -> DATETIME;
      case "TIME" -> TIME;
      case "TIMESTAMP" -> TIMESTAMP;
      case "JSON" -> JSON;
      case "GEOGRAPHY" -> GEOGRAPHY;
      case "RECORD", "STRUCT" -> RECORD;
      case "RANGE", "INTERVAL" ->
          throw ApiException.invalid(
              "not supported by the local server: type " + typeName + " of field " + fieldName);
      default -> throw ApiException.invalid("Invalid field type " + typeName + " of " + fieldName);
    };
  }

  /** Whether a field's mode is REPEATED. */
  public static boolean isRepeated(TableFieldSchema field) {
    return "REPEATED".equalsIgnoreCase(field.getMode());
  }

  /** Whether a field's mode is REQUIRED. */
  public static boolean isRequired(TableFieldSchema field) {
    return "REQUIRED".equalsIgnoreCase(field.getMode());
  }
}
