package io.github.courtside.bigquery.warehouse;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.json.JSONObject;
import org.jspecify.annotations.Nullable;

/**
 * Row values to and from BigQuery: the JSON the Storage Write API's {@code JsonStreamWriter}
 * expects (TIMESTAMP as epoch microseconds, DATE as {@code YYYY-MM-DD}, NUMERIC as plain decimal
 * text, JSON as its text), NDJSON lines for load jobs, and query results back to the Java types of
 * {@link ColumnType#javaType()} (INT64 Long, FLOAT64 Double, NUMERIC BigDecimal, DATE LocalDate,
 * TIMESTAMP Instant with microseconds, JSON String).
 */
final class RowValues {
  private static final DateTimeFormatter LOAD_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private RowValues() {}

  /**
   * The row as a JSON object of the schema's columns, in the column's spelling; a column the row
   * does not carry takes the Courtside default (as the DuckDB warehouse does), an explicit NULL
   * stays NULL (omitted).
   */
  static JSONObject toStorageJson(TableSchema schema, Row row) {
    JSONObject json = new JSONObject();
    Map<String, @Nullable Object> values = lowerCased(row);
    for (Column column : schema.columns()) {
      String key = column.name().toLowerCase(Locale.ROOT);
      Object value = values.containsKey(key) ? values.get(key) : column.defaultValue().orElse(null);
      if (value != null) {
        json.put(column.name(), storageValue(column.type(), value));
      }
    }
    return json;
  }

  private static Object storageValue(ColumnType type, Object value) {
    return switch (type) {
      case STRING, JSON, INT64, FLOAT64, BOOL -> value;
      case NUMERIC -> ((BigDecimal) value).toPlainString();
      case DATE -> value.toString();
      case TIMESTAMP -> micros((Instant) value);
    };
  }

  /** One NDJSON line of a load job: every schema column the row carries or defaults. */
  static String toLoadLine(TableSchema schema, Row row) {
    JSONObject json = new JSONObject();
    Map<String, @Nullable Object> values = lowerCased(row);
    for (Column column : schema.columns()) {
      String key = column.name().toLowerCase(Locale.ROOT);
      Object value = values.containsKey(key) ? values.get(key) : column.defaultValue().orElse(null);
      if (value != null) {
        json.put(column.name(), loadValue(column.type(), value));
      }
    }
    return json.toString();
  }

  /**
   * NDJSON values in the forms both BigQuery and the local server read: INT64 and NUMERIC as JSON
   * numbers with their exact digits (a quoted INT64 or NUMERIC is refused by the local server),
   * TIMESTAMP as {@code yyyy-MM-dd HH:mm:ss.ffffff+00:00}, JSON as its text.
   */
  private static Object loadValue(ColumnType type, Object value) {
    return switch (type) {
      case STRING, JSON, BOOL, FLOAT64, INT64 -> value;
      case NUMERIC -> ((BigDecimal) value).stripTrailingZeros();
      case DATE -> value.toString();
      case TIMESTAMP ->
          LOAD_TIMESTAMP.format(((Instant) value).truncatedTo(ChronoUnit.MICROS)) + "+00:00";
    };
  }

  static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  /** A result row in the Java types of the Courtside column types. */
  static Row fromFieldValues(FieldList fields, FieldValueList values) {
    Row.Builder row = Row.builder();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      row.set(field.getName(), value(field, values.get(i)));
    }
    return row.build();
  }

  private static @Nullable Object value(Field field, FieldValue value) {
    if (value.isNull()) {
      return null;
    }
    if (field.getMode() == Field.Mode.REPEATED) {
      List<@Nullable Object> list = new ArrayList<>();
      Field element = field.toBuilder().setMode(Field.Mode.NULLABLE).build();
      for (FieldValue item : value.getRepeatedValue()) {
        list.add(value(element, item));
      }
      return list;
    }
    StandardSQLTypeName type = standardType(field.getType());
    return switch (type) {
      case INT64 -> value.getLongValue();
      case FLOAT64 -> value.getDoubleValue();
      case NUMERIC, BIGNUMERIC -> value.getNumericValue();
      case BOOL -> value.getBooleanValue();
      case DATE -> LocalDate.parse(value.getStringValue());
      case TIMESTAMP -> Instant.EPOCH.plus(value.getTimestampValue(), ChronoUnit.MICROS);
      case STRUCT -> record(field.getSubFields(), value.getRecordValue());
      default -> value.getStringValue();
    };
  }

  private static Map<String, @Nullable Object> record(
      @Nullable FieldList fields, FieldValueList values) {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    if (fields != null) {
      for (int i = 0; i < fields.size(); i++) {
        map.put(fields.get(i).getName(), value(fields.get(i), values.get(i)));
      }
    }
    return map;
  }

  private static StandardSQLTypeName standardType(LegacySQLTypeName type) {
    return type.getStandardType();
  }

  private static Map<String, @Nullable Object> lowerCased(Row row) {
    Map<String, @Nullable Object> values = new HashMap<>();
    row.asMap().forEach((name, value) -> values.put(name.toLowerCase(Locale.ROOT), value));
    return values;
  }
}
