package io.github.courtside.bigquery.local.internal.storage;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks canonical rows (see {@link LocalStorage}) against a schema before they are written: each
 * value must have the Java type of its field, REQUIRED fields must be set, repeated fields must be
 * lists without NULL elements, and no unknown field may appear. Field names match
 * case-insensitively (as in BigQuery); the checked row uses the declared names. NUMERIC values are
 * rounded half away from zero to 9 decimals as BigQuery does.
 */
final class CanonicalRows {
  static final long MIN_EPOCH_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
  static final long MAX_EPOCH_SECOND =
      Instant.parse("9999-12-31T23:59:59.999999Z").getEpochSecond();
  private static final BigDecimal NUMERIC_LIMIT = new BigDecimal("1E29");
  private static final BigDecimal BIGNUMERIC_LIMIT = new BigDecimal("1E19");

  /** A problem with one value: the field's dotted path and a message. */
  static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;
    final String detail;

    Problem(String field, String message) {
      super(message, null, false, false);
      this.field = field;
      this.detail = message;
    }
  }

  /** Running total of the estimated stored size, in BigQuery's data-size units. */
  static final class Size {
    long bytes;
  }

  private CanonicalRows() {}

  /**
   * The row with declared field names and normalised values; throws 400 {@code invalid} naming the
   * table, the row index and the field.
   */
  static Map<String, @Nullable Object> check(
      String tableName, long rowIndex, List<FieldSpec> fields, Map<String, ?> row, Size size) {
    try {
      return record(fields, row, "", size);
    } catch (Problem p) {
      throw new ApiException(
          400,
          "invalid",
          "Invalid row "
              + rowIndex
              + " for table "
              + tableName
              + ": field "
              + p.field
              + ": "
              + p.detail,
          p.field);
    }
  }

  static Map<String, @Nullable Object> record(
      List<FieldSpec> fields, Map<String, ?> row, String prefix, Size size) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>(fields.size() * 2);
    int found = 0;
    for (FieldSpec field : fields) {
      String name = field.name();
      Object value = row.get(name);
      if (value != null || row.containsKey(name)) {
        found++;
      } else if (row.size() > found) {
        for (Map.Entry<String, ?> e : row.entrySet()) {
          if (e.getKey().equalsIgnoreCase(name)) {
            value = e.getValue();
            found++;
            break;
          }
        }
      }
      out.put(name, field(field, value, prefix + name, size));
    }
    if (found < row.size()) {
      for (String key : row.keySet()) {
        if (fields.stream().noneMatch(f -> f.name().equalsIgnoreCase(key))) {
          throw new Problem(prefix + key, "no such field");
        }
      }
    }
    return out;
  }

  static @Nullable Object field(FieldSpec field, @Nullable Object value, String path, Size size) {
    BigQueryType type = field.type();
    if (field.repeated()) {
      if (value == null) {
        return List.of();
      }
      if (!(value instanceof List<?> list)) {
        throw new Problem(path, "expected a list for a REPEATED field, got " + javaType(value));
      }
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        Object element = list.get(i);
        if (element == null) {
          throw new Problem(path, "NULL element in ARRAY at index " + i + " is not allowed");
        }
        Object checked = scalar(type, field, element, path + "[" + i + "]", size);
        out.add(checked);
      }
      return List.copyOf(out);
    }
    if (value == null) {
      if (field.required()) {
        throw new Problem(path, "missing value for REQUIRED field");
      }
      return null;
    }
    return scalar(type, field, value, path, size);
  }

  @SuppressWarnings("unchecked")
  private static Object scalar(
      BigQueryType type, FieldSpec field, Object value, String path, Size size) {
    switch (type) {
      case INT64:
        size.bytes += 8;
        if (value instanceof Long) {
          return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
          return ((Number) value).longValue();
        }
        break;
      case FLOAT64:
        size.bytes += 8;
        if (value instanceof Double) {
          return value;
        }
        if (value instanceof Float f) {
          return f.doubleValue();
        }
        break;
      case NUMERIC:
        size.bytes += 16;
        if (value instanceof BigDecimal d) {
          return numeric(d, path);
        }
        break;
      case BIGNUMERIC:
        size.bytes += 32;
        if (value instanceof BigDecimal d) {
          return bigNumeric(d, path);
        }
        break;
      case BOOL:
        size.bytes += 1;
        if (value instanceof Boolean) {
          return value;
        }
        break;
      case STRING:
      case GEOGRAPHY:
        if (value instanceof String s) {
          size.bytes += 2 + s.length();
          return s;
        }
        break;
      case JSON:
        if (value instanceof String s) {
          size.bytes += 2 + s.length();
          checkJson(s, path);
          return s;
        }
        break;
      case BYTES:
        if (value instanceof byte[] b) {
          size.bytes += 2 + b.length;
          return b;
        }
        break;
      case DATE:
        size.bytes += 8;
        if (value instanceof LocalDate d) {
          checkYear(d.getYear(), path);
          return d;
        }
        break;
      case DATETIME:
        size.bytes += 8;
        if (value instanceof LocalDateTime d) {
          checkYear(d.getYear(), path);
          return d.getNano() % 1000 == 0 ? d : d.withNano(d.getNano() / 1000 * 1000);
        }
        break;
      case TIME:
        size.bytes += 8;
        if (value instanceof LocalTime t) {
          return t.getNano() % 1000 == 0 ? t : t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
        break;
      case TIMESTAMP:
        size.bytes += 8;
        if (value instanceof Instant t) {
          if (t.getEpochSecond() < MIN_EPOCH_SECOND || t.getEpochSecond() > MAX_EPOCH_SECOND) {
            throw new Problem(path, "TIMESTAMP out of range: " + t);
          }
          return t.getNano() % 1000 == 0 ? t : t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
        break;
      case RECORD:
        if (value instanceof Map<?, ?> map) {
          return record(field.children(), (Map<String, ?>) map, path + ".", size);
        }
        break;
    }
    throw new Problem(
        path, "expected " + type + " (" + javaTypeOf(type) + "), got " + javaType(value));
  }

  static BigDecimal numeric(BigDecimal value, String path) {
    BigDecimal rounded = value.setScale(DuckDbTypes.NUMERIC_SCALE, RoundingMode.HALF_UP);
    if (rounded.abs().compareTo(NUMERIC_LIMIT) >= 0) {
      throw new Problem(path, "NUMERIC value out of range: " + value.toPlainString());
    }
    return rounded;
  }

  static BigDecimal bigNumeric(BigDecimal value, String path) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > DuckDbTypes.BIGNUMERIC_SCALE
        || stripped.abs().compareTo(BIGNUMERIC_LIMIT) >= 0) {
      throw new Problem(
          path,
          "not supported by the local server: BIGNUMERIC value "
              + value.toPlainString()
              + " (the local server keeps 19 integer and 19 fractional digits)");
    }
    return value.setScale(DuckDbTypes.BIGNUMERIC_SCALE, RoundingMode.UNNECESSARY);
  }

  private static void checkYear(int year, String path) {
    if (year < 1 || year > 9999) {
      throw new Problem(path, "year " + year + " is out of range 1..9999");
    }
  }

  private static void checkJson(String text, String path) {
    try {
      var unused = JsonParser.parseString(text);
    } catch (JsonParseException e) {
      throw new Problem(path, "invalid JSON text");
    }
  }

  static String javaType(Object value) {
    return value.getClass().getSimpleName();
  }

  static String javaTypeOf(BigQueryType type) {
    return switch (type) {
      case INT64 -> "Long";
      case FLOAT64 -> "Double";
      case NUMERIC, BIGNUMERIC -> "BigDecimal";
      case BOOL -> "Boolean";
      case STRING, GEOGRAPHY, JSON -> "String";
      case BYTES -> "byte[]";
      case DATE -> "LocalDate";
      case DATETIME -> "LocalDateTime";
      case TIME -> "LocalTime";
      case TIMESTAMP -> "Instant";
      case RECORD -> "Map";
    };
  }

  /** UTF-8 length, for size estimates where it matters. */
  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
