package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.client.util.Data;
import com.google.api.services.bigquery.model.TableCell;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Canonical cell values (see {@code LocalStorage}) to the REST API's row form: {@code
 * {"f":[{"v":...}]}} with every scalar as a string, RECORDs as nested {@code {"f":[...]}}, REPEATED
 * fields as lists of {@code {"v":...}}, NULL as JSON null. TIMESTAMPs follow the request's format
 * options: seconds as a floating-point string ({@code 1.7127072E9}, BigQuery's default), integer
 * microseconds ({@code useInt64Timestamp}), or ISO 8601.
 */
final class CellEncoder {
  /** How TIMESTAMP values are written. */
  enum TimestampFormat {
    FLOAT64,
    INT64,
    ISO8601_STRING
  }

  private static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
          .toFormatter();
  private static final DateTimeFormatter DATETIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .append(TIME)
          .toFormatter();

  private final TimestampFormat timestamps;

  CellEncoder(TimestampFormat timestamps) {
    this.timestamps = timestamps;
  }

  static CellEncoder of(boolean useInt64Timestamp, @Nullable String timestampOutputFormat) {
    if (useInt64Timestamp || "INT64".equals(timestampOutputFormat)) {
      return new CellEncoder(TimestampFormat.INT64);
    }
    if ("ISO8601_STRING".equals(timestampOutputFormat)) {
      return new CellEncoder(TimestampFormat.ISO8601_STRING);
    }
    return new CellEncoder(TimestampFormat.FLOAT64);
  }

  List<TableRow> rows(List<TableFieldSchema> fields, List<Map<String, @Nullable Object>> rows) {
    List<TableRow> out = new ArrayList<>(rows.size());
    for (Map<String, @Nullable Object> row : rows) {
      out.add(row(fields, row));
    }
    return out;
  }

  TableRow row(List<TableFieldSchema> fields, Map<String, @Nullable Object> row) {
    List<TableCell> cells = new ArrayList<>(fields.size());
    for (TableFieldSchema field : fields) {
      cells.add(new TableCell().setV(value(field, row.get(field.getName()), true)));
    }
    return new TableRow().setF(cells);
  }

  private Object value(TableFieldSchema field, @Nullable Object value, boolean whole) {
    if (value == null) {
      return whole && "REPEATED".equals(field.getMode()) ? List.of() : Data.NULL_STRING;
    }
    if (whole && "REPEATED".equals(field.getMode()) && value instanceof List<?> list) {
      List<TableCell> cells = new ArrayList<>(list.size());
      for (Object element : list) {
        cells.add(new TableCell().setV(value(field, element, false)));
      }
      return cells;
    }
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> record = (Map<String, @Nullable Object>) map;
      List<TableFieldSchema> children = field.getFields() == null ? List.of() : field.getFields();
      return row(children, record);
    }
    return scalar(value);
  }

  String scalar(Object value) {
    if (value instanceof Instant instant) {
      return timestamp(instant);
    }
    if (value instanceof Double d) {
      return doubleText(d);
    }
    if (value instanceof Float f) {
      return doubleText(f.doubleValue());
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof LocalDateTime dateTime) {
      return DATETIME.format(dateTime);
    }
    if (value instanceof LocalTime time) {
      return TIME.format(time);
    }
    return value.toString();
  }

  private static String doubleText(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return Double.toString(d);
  }

  private String timestamp(Instant instant) {
    long micros =
        Math.addExact(
            Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    return switch (timestamps) {
      case INT64 -> Long.toString(micros);
      case ISO8601_STRING ->
          DATETIME.format(LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC)) + "Z";
      case FLOAT64 -> floatSeconds(micros);
    };
  }

  /** Seconds since the epoch in BigQuery's scientific form: {@code 1.712707200123456E9}. */
  static String floatSeconds(long micros) {
    BigDecimal seconds = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
    if (seconds.signum() == 0) {
      return "0.0";
    }
    String digits = seconds.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - seconds.scale();
    String mantissa = digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0");
    return (seconds.signum() < 0 ? "-" : "") + mantissa + "E" + exponent;
  }
}
