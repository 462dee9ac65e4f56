package io.github.courtside.bigquery.local.internal.storage;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * Writes checked canonical rows into one physical table with DuckDB's appender, inside the caller's
 * transaction. Physical columns are matched by name; hidden columns get their value from {@link
 * #hiddenValue}.
 */
final class RowWriter {
  private RowWriter() {}

  /** One physical column: a schema field, or a hidden column with a fixed value per append. */
  record Column(String name, @Nullable FieldSpec field, @Nullable Object hiddenValue) {}

  static void write(
      DuckDBConnection connection,
      String schemaName,
      String tableName,
      List<Column> columns,
      List<Map<String, @Nullable Object>> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (DuckDBAppender appender = connection.createAppender(schemaName, tableName)) {
      for (Map<String, @Nullable Object> row : rows) {
        appender.beginRow();
        for (Column column : columns) {
          FieldSpec field = column.field();
          if (field == null) {
            appendHidden(appender, column.hiddenValue());
          } else {
            append(appender, field, row.get(field.name()));
          }
        }
        appender.endRow();
      }
      appender.flush();
    }
  }

  private static void appendHidden(DuckDBAppender appender, @Nullable Object value)
      throws SQLException {
    if (value == null) {
      appender.appendNull();
    } else if (value instanceof Instant t) {
      appender.appendEpochMicros(micros(t));
    } else {
      throw new IllegalStateException("hidden value " + value.getClass());
    }
  }

  private static void append(DuckDBAppender appender, FieldSpec field, @Nullable Object v)
      throws SQLException {
    if (field.repeated()) {
      List<?> list = v == null ? List.of() : (List<?>) v;
      List<Object> elements = new ArrayList<>(list.size());
      BigQueryType type = field.type();
      for (Object element : list) {
        elements.add(composite(type, field, element));
      }
      appender.append(elements);
      return;
    }
    if (v == null) {
      appender.appendNull();
      return;
    }
    switch (field.type()) {
      case INT64 -> appender.append((long) (Long) v);
      case FLOAT64 -> appender.append((double) (Double) v);
      case NUMERIC, BIGNUMERIC -> appender.append((BigDecimal) v);
      case BOOL -> appender.append((boolean) (Boolean) v);
      case STRING, GEOGRAPHY, JSON -> appender.append((String) v);
      case BYTES -> appender.append((byte[]) v);
      case DATE -> appender.append((LocalDate) v);
      case DATETIME -> appender.append((LocalDateTime) v);
      case TIME -> appender.append((LocalTime) v);
      case TIMESTAMP -> appender.appendEpochMicros(micros((Instant) v));
      case RECORD -> {
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> record = (Map<String, @Nullable Object>) v;
        appender.beginStruct();
        for (FieldSpec child : field.children()) {
          append(appender, child, record.get(child.name()));
        }
        appender.endStruct();
      }
    }
  }

  /** A value inside a LIST, in the form the appender's collection path takes. */
  private static @Nullable Object composite(
      BigQueryType type, FieldSpec field, @Nullable Object v) {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case TIMESTAMP -> OffsetDateTime.ofInstant((Instant) v, ZoneOffset.UTC);
      case RECORD -> {
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> record = (Map<String, @Nullable Object>) v;
        LinkedHashMap<String, @Nullable Object> out = new LinkedHashMap<>();
        for (FieldSpec child : field.children()) {
          out.put(child.name(), nested(child, record.get(child.name())));
        }
        yield out;
      }
      default -> v;
    };
  }

  private static @Nullable Object nested(FieldSpec field, @Nullable Object v) {
    BigQueryType type = field.type();
    if (field.repeated()) {
      List<?> list = v == null ? List.of() : (List<?>) v;
      List<Object> out = new ArrayList<>(list.size());
      for (Object element : list) {
        out.add(composite(type, field, element));
      }
      return out;
    }
    return composite(type, field, v);
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }
}
