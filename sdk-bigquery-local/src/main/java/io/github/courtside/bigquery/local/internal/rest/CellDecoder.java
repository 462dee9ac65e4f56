package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.client.util.Data;
import com.google.api.services.bigquery.model.TableFieldSchema;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * JSON values (insertAll rows, newline-delimited JSON) and CSV text to canonical cell values, by
 * the table's schema, with BigQuery's coercions (numbers given as strings, TIMESTAMPs as text with
 * an offset or as seconds since the epoch, BYTES as base64). A value that does not fit fails with
 * 400 {@code invalid} whose {@code location} is the field path.
 */
final class CellDecoder {
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(\\d{4}-\\d{1,2}-\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
              + "\\s*(Z|UTC|[+-]\\d{1,2}(?::?\\d{2})?)?");
  private static final Pattern TIME =
      Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?");

  private final boolean ignoreUnknownValues;

  CellDecoder(boolean ignoreUnknownValues) {
    this.ignoreUnknownValues = ignoreUnknownValues;
  }

  /** A JSON object (a map of parsed JSON values) to a canonical row. */
  Map<String, @Nullable Object> row(List<TableFieldSchema> fields, Map<String, ?> json) {
    return record(fields, json, "");
  }

  private Map<String, @Nullable Object> record(
      List<TableFieldSchema> fields, Map<String, ?> json, String prefix) {
    Map<String, TableFieldSchema> byName = new LinkedHashMap<>();
    for (TableFieldSchema field : fields) {
      byName.put(field.getName().toLowerCase(Locale.ROOT), field);
    }
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : json.entrySet()) {
      TableFieldSchema field = byName.get(entry.getKey().toLowerCase(Locale.ROOT));
      if (field == null) {
        if (ignoreUnknownValues) {
          continue;
        }
        throw rejected(prefix + entry.getKey(), "no such field: " + prefix + entry.getKey() + ".");
      }
      out.put(field.getName(), field(field, entry.getValue(), prefix + field.getName()));
    }
    for (TableFieldSchema field : fields) {
      if (!out.containsKey(field.getName())) {
        if ("REQUIRED".equals(field.getMode())) {
          throw rejected(
              prefix + field.getName(),
              "Missing required field: " + prefix + field.getName() + ".");
        }
        out.put(field.getName(), "REPEATED".equals(field.getMode()) ? List.of() : null);
      }
    }
    return out;
  }

  private @Nullable Object field(TableFieldSchema field, @Nullable Object value, String path) {
    boolean isNull = value == null || Data.isNull(value);
    if ("REPEATED".equals(field.getMode())) {
      if (isNull) {
        return List.of();
      }
      if (!(value instanceof List<?> list)) {
        throw rejected(path, "Field " + path + " is REPEATED: a JSON array is expected.");
      }
      List<Object> out = new ArrayList<>(list.size());
      for (Object element : list) {
        if (element == null || Data.isNull(element)) {
          throw rejected(path, "Array " + path + " cannot have a null element.");
        }
        out.add(single(field, element, path));
      }
      return out;
    }
    if (value == null || isNull) {
      if ("REQUIRED".equals(field.getMode())) {
        throw rejected(path, "Missing required field: " + path + ".");
      }
      return null;
    }
    if (value instanceof List<?>) {
      throw rejected(path, "Array specified for non-repeated field: " + path + ".");
    }
    return single(field, value, path);
  }

  private Object single(TableFieldSchema field, Object value, String path) {
    String type = field.getType() == null ? "STRING" : field.getType().toUpperCase(Locale.ROOT);
    if (type.equals("RECORD") || type.equals("STRUCT")) {
      if (!(value instanceof Map<?, ?> map)) {
        throw rejected(path, "This field: " + path + " is not a record.");
      }
      @SuppressWarnings("unchecked")
      Map<String, ?> json = (Map<String, ?>) map;
      List<TableFieldSchema> children = field.getFields() == null ? List.of() : field.getFields();
      return record(children, json, path + ".");
    }
    if (value instanceof Map<?, ?> && !type.equals("JSON")) {
      throw rejected(path, "This field: " + path + " is not a record.");
    }
    try {
      return scalar(type, value);
    } catch (RuntimeException e) {
      throw rejected(
          path, "Cannot convert value to " + typeWord(type) + " (bad value): " + describe(value));
    }
  }

  /** A CSV field's text to a canonical value of the field's type (RECORDs are not allowed). */
  static Object text(TableFieldSchema field, String text) {
    String type = field.getType() == null ? "STRING" : field.getType().toUpperCase(Locale.ROOT);
    return scalar(type, text);
  }

  private static Object scalar(String type, Object value) {
    return switch (type) {
      case "INTEGER", "INT64" -> integer(value);
      case "FLOAT", "FLOAT64" -> floating(value);
      case "NUMERIC", "BIGNUMERIC", "BIGDECIMAL" -> decimal(value);
      case "BOOLEAN", "BOOL" -> bool(value);
      case "BYTES" -> Base64.getDecoder().decode(value.toString().trim());
      case "DATE" -> LocalDate.parse(value.toString().trim());
      case "DATETIME" -> dateTime(value.toString().trim());
      case "TIME" -> time(value.toString().trim());
      case "TIMESTAMP" -> timestamp(value);
      case "JSON" -> value instanceof String s ? s : JsonCodec.write(value, false);
      default -> value.toString();
    };
  }

  private static Long integer(Object value) {
    if (value instanceof BigDecimal d) {
      return d.longValueExact();
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    String text = value.toString().trim();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return new BigDecimal(text).longValueExact();
    }
  }

  private static Double floating(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    String text = value.toString().trim();
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "nan" -> Double.NaN;
      case "inf", "infinity", "+inf", "+infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    return new BigDecimal(value.toString().trim());
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1" -> true;
      case "false", "f", "no", "n", "0" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  private static LocalDateTime dateTime(String text) {
    Matcher m = TIMESTAMP.matcher(text);
    if (!m.matches() || m.group(6) != null) {
      throw new DateTimeException("not a datetime");
    }
    return LocalDateTime.of(
        LocalDate.parse(padDate(m.group(1))),
        timeOf(m.group(2), m.group(3), m.group(4), m.group(5)));
  }

  private static LocalTime time(String text) {
    Matcher m = TIME.matcher(text);
    if (!m.matches()) {
      throw new DateTimeException("not a time");
    }
    return timeOf(m.group(1), m.group(2), m.group(3), m.group(4));
  }

  private static Instant timestamp(Object value) {
    if (value instanceof Number n) {
      return secondsToInstant(new BigDecimal(n.toString()));
    }
    String text = value.toString().trim();
    Matcher m = TIMESTAMP.matcher(text);
    if (!m.matches()) {
      return secondsToInstant(new BigDecimal(text));
    }
    LocalDateTime local =
        LocalDateTime.of(
            LocalDate.parse(padDate(m.group(1))),
            m.group(2) == null
                ? LocalTime.MIDNIGHT
                : timeOf(m.group(2), m.group(3), m.group(4), m.group(5)));
    String zone = m.group(6);
    ZoneOffset offset = ZoneOffset.UTC;
    if (zone != null && !zone.equals("Z") && !zone.equals("UTC")) {
      String digits = zone.substring(1).replace(":", "");
      int hours =
          Integer.parseInt(digits.length() > 2 ? digits.substring(0, digits.length() - 2) : digits);
      int minutes =
          digits.length() > 2 ? Integer.parseInt(digits.substring(digits.length() - 2)) : 0;
      int sign = zone.charAt(0) == '-' ? -1 : 1;
      offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
    return local.toInstant(offset);
  }

  private static Instant secondsToInstant(BigDecimal seconds) {
    long micros = seconds.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
    return Instant.EPOCH
        .plusNanos(0)
        .plusSeconds(Math.floorDiv(micros, 1_000_000L))
        .plusNanos(Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private static String padDate(String date) {
    String[] parts = date.split("-");
    return parts[0] + "-" + pad2(parts[1]) + "-" + pad2(parts[2]);
  }

  private static String pad2(String s) {
    return s.length() == 1 ? "0" + s : s;
  }

  private static LocalTime timeOf(
      String hours, String minutes, @Nullable String seconds, @Nullable String fraction) {
    int nanos = 0;
    if (fraction != null) {
      String nine = (fraction + "000000000").substring(0, 9);
      nanos = Integer.parseInt(nine) / 1000 * 1000;
    }
    return LocalTime.of(
        Integer.parseInt(hours),
        Integer.parseInt(minutes),
        seconds == null ? 0 : Integer.parseInt(seconds),
        nanos);
  }

  private static String typeWord(String type) {
    return switch (type) {
      case "INTEGER", "INT64" -> "integer";
      case "FLOAT", "FLOAT64" -> "double";
      case "NUMERIC", "BIGNUMERIC", "BIGDECIMAL" -> "numeric";
      case "BOOLEAN", "BOOL" -> "boolean";
      default -> type.toLowerCase(Locale.ROOT);
    };
  }

  private static String describe(Object value) {
    String text = value instanceof String s ? s : JsonCodec.write(value, false);
    return text.length() > 64 ? text.substring(0, 64) + "..." : text;
  }

  private static ApiException rejected(String location, String message) {
    return new ApiException(400, "invalid", message, location);
  }
}
