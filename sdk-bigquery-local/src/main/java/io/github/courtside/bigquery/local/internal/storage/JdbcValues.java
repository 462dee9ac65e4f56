package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.services.bigquery.model.TableFieldSchema;
import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.duckdb.DuckDBStruct;
import org.jspecify.annotations.Nullable;

/**
 * DuckDB JDBC values back to canonical cell values (see {@link LocalStorage}), driven by the
 * BigQuery field: STRUCT to {@code Map}, LIST to {@code List} (NULL to an empty list), TIMESTAMPTZ
 * to {@link Instant}, TIMESTAMP to {@link LocalDateTime}, DECIMAL to {@link BigDecimal} without
 * trailing zeros, BLOB to {@code byte[]}, JSON to its text. The SQL runner may use it for result
 * columns.
 */
public final class JdbcValues {
  private JdbcValues() {}

  /** The canonical value of one JDBC value of {@code field} (with the field's mode). */
  public static @Nullable Object toCanonical(@Nullable Object value, TableFieldSchema field) {
    return toCanonical(value, FieldSpec.of(List.of(field)).get(0));
  }

  /**
   * A converter for many values of one field (resolves the field's type once); use it per result
   * column: {@code Function<Object, Object> read = JdbcValues.converter(field);}.
   */
  public static Function<@Nullable Object, @Nullable Object> converter(TableFieldSchema field) {
    FieldSpec spec = FieldSpec.of(List.of(field)).get(0);
    return value -> toCanonical(value, spec);
  }

  static @Nullable Object toCanonical(@Nullable Object value, FieldSpec field) {
    try {
      if (field.repeated()) {
        if (value == null) {
          return List.of();
        }
        Object[] elements = elements(value);
        BigQueryType type = field.type();
        List<Object> out = new ArrayList<>(elements.length);
        for (Object element : elements) {
          Object converted = scalar(element, type, field);
          if (converted != null) {
            out.add(converted);
          }
        }
        return out;
      }
      return value == null ? null : scalar(value, field.type(), field);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read field " + field.name(), e);
    }
  }

  private static Object[] elements(Object value) throws SQLException {
    if (value instanceof java.sql.Array array) {
      return (Object[]) array.getArray();
    }
    if (value instanceof List<?> list) {
      return list.toArray();
    }
    if (value instanceof Object[] array) {
      return array;
    }
    throw new IllegalStateException("not a list: " + value.getClass());
  }

  private static @Nullable Object scalar(@Nullable Object value, BigQueryType type, FieldSpec field)
      throws SQLException {
    if (value == null) {
      return null;
    }
    switch (type) {
      case INT64:
        return ((Number) value).longValue();
      case FLOAT64:
        return ((Number) value).doubleValue();
      case NUMERIC:
      case BIGNUMERIC:
        return decimal(value);
      case BOOL:
        return value;
      case STRING:
      case GEOGRAPHY:
      case JSON:
        return value.toString();
      case BYTES:
        if (value instanceof Blob blob) {
          return blob.getBytes(1, (int) blob.length());
        }
        return ((byte[]) value).clone();
      case DATE:
        if (value instanceof java.sql.Date d) {
          return d.toLocalDate();
        }
        return (LocalDate) value;
      case DATETIME:
        if (value instanceof Timestamp t) {
          return t.toLocalDateTime();
        }
        return (LocalDateTime) value;
      case TIME:
        if (value instanceof java.sql.Time t) {
          return t.toLocalTime();
        }
        return (LocalTime) value;
      case TIMESTAMP:
        if (value instanceof OffsetDateTime t) {
          return t.toInstant();
        }
        if (value instanceof ZonedDateTime t) {
          return t.toInstant();
        }
        if (value instanceof Timestamp t) {
          return t.toInstant();
        }
        return (Instant) value;
      case RECORD:
        return record(value, field.children());
    }
    throw new IllegalStateException("unknown type " + type);
  }

  private static Map<String, @Nullable Object> record(Object value, List<FieldSpec> fields)
      throws SQLException {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    if (value instanceof DuckDBStruct struct) {
      Map<String, Object> map = struct.getMap();
      for (FieldSpec child : fields) {
        Object v = map.get(child.name());
        if (v == null && !map.containsKey(child.name())) {
          v = byNameIgnoringCase(map, child.name());
        }
        out.put(child.name(), toCanonical(v, child));
      }
      return out;
    }
    if (value instanceof Struct struct) {
      Object[] attributes = struct.getAttributes();
      for (int i = 0; i < fields.size(); i++) {
        out.put(fields.get(i).name(), toCanonical(attributes[i], fields.get(i)));
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      for (FieldSpec child : fields) {
        out.put(child.name(), toCanonical(map.get(child.name()), child));
      }
      return out;
    }
    throw new IllegalStateException("not a struct: " + value.getClass());
  }

  private static @Nullable Object byNameIgnoringCase(Map<String, Object> map, String name) {
    for (Map.Entry<String, Object> e : map.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static BigDecimal decimal(Object value) {
    BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    BigDecimal stripped = d.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
