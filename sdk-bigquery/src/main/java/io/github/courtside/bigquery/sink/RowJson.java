package io.github.courtside.bigquery.sink;

import io.github.courtside.core.warehouse.Row;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.json.JSONObject;
import org.jspecify.annotations.Nullable;

/**
 * The JSON forms of a Courtside {@link Row} that BigQuery's streaming APIs take. NULL values are
 * left out (an absent field is NULL; a REQUIRED one is then reported by BigQuery for that row).
 *
 * <table>
 *   <caption>Java value and what is sent</caption>
 *   <tr><th>Java</th><th>Storage Write (JsonStreamWriter)</th><th>insertAll</th></tr>
 *   <tr><td>Long (Integer, Short, Byte)</td><td>number</td><td>number</td></tr>
 *   <tr><td>Double (Float)</td><td>number; NaN and infinities as "NaN", "Infinity",
 *       "-Infinity"</td><td>the same</td></tr>
 *   <tr><td>BigDecimal</td><td>plain string</td><td>plain string</td></tr>
 *   <tr><td>Boolean</td><td>boolean</td><td>boolean</td></tr>
 *   <tr><td>String (STRING and JSON text)</td><td>string</td><td>string</td></tr>
 *   <tr><td>LocalDate</td><td>"yyyy-MM-dd"</td><td>"yyyy-MM-dd"</td></tr>
 *   <tr><td>Instant</td><td>microseconds since the epoch (number)</td><td>ISO-8601 UTC string
 *       with at most microseconds</td></tr>
 * </table>
 *
 * Any other value type is refused with an {@link IllegalArgumentException} naming the column.
 */
final class RowJson {
  private RowJson() {}

  /** The row as JsonStreamWriter takes it. */
  static JSONObject forStorageWrite(Row row) {
    JSONObject json = new JSONObject();
    for (Map.Entry<String, @Nullable Object> entry : row.asMap().entrySet()) {
      Object value = entry.getValue();
      if (value == null) {
        continue;
      }
      json.put(entry.getKey(), storageWriteValue(entry.getKey(), value));
    }
    return json;
  }

  /** The row as {@code tabledata.insertAll} takes it. */
  static Map<String, Object> forInsertAll(Row row) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> entry : row.asMap().entrySet()) {
      Object value = entry.getValue();
      if (value == null) {
        continue;
      }
      json.put(entry.getKey(), insertAllValue(entry.getKey(), value));
    }
    return json;
  }

  /**
   * An upper estimate of the bytes a row takes in a request: its JSON text plus a few bytes per
   * field, because the protobuf form of a short number can be longer than its JSON text.
   */
  static long estimateBytes(JSONObject json) {
    return json.toString().getBytes(StandardCharsets.UTF_8).length + 4L * json.length() + 8;
  }

  /** An upper estimate of the bytes an insertAll row takes, with its insertId. */
  static long estimateBytes(Map<String, Object> json, String insertId) {
    long bytes = insertId.length() + 32L;
    for (Map.Entry<String, Object> entry : json.entrySet()) {
      bytes += entry.getKey().getBytes(StandardCharsets.UTF_8).length + 4L;
      Object value = entry.getValue();
      bytes +=
          value instanceof String text
              ? JSONObject.quote(text).getBytes(StandardCharsets.UTF_8).length
              : String.valueOf(value).length();
    }
    return bytes;
  }

  private static Object storageWriteValue(String column, Object value) {
    if (value instanceof Instant instant) {
      return epochMicros(column, instant);
    }
    return common(column, value);
  }

  private static Object insertAllValue(String column, Object value) {
    if (value instanceof Instant instant) {
      return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }
    return common(column, value);
  }

  private static Object common(String column, Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Long) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number)) {
        return "NaN";
      }
      if (Double.isInfinite(number)) {
        return number > 0 ? "Infinity" : "-Infinity";
      }
      return number;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    throw new IllegalArgumentException(
        "column "
            + column
            + " holds a "
            + value.getClass().getName()
            + ", which a BigQuery row cannot carry (use Long, Double, BigDecimal, Boolean,"
            + " String, LocalDate or Instant)");
  }

  private static long epochMicros(String column, Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "column " + column + " holds " + instant + ", outside the TIMESTAMP range", e);
    }
  }
}
