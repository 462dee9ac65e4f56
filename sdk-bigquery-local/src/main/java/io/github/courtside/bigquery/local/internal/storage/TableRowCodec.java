package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.client.util.Data;
import com.google.api.services.bigquery.model.TableCell;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Canonical rows (see {@link LocalStorage}) as the REST API's {@code TableRow} cells, the format of
 * {@code tabledata.list}, {@code jobs.query} and {@code jobs.getQueryResults}: {@code
 * {"f":[{"v":...},...]}}.
 *
 * <table>
 *   <caption>cell values</caption>
 *   <tr><td>INT64</td><td>decimal string {@code "42"}</td></tr>
 *   <tr><td>FLOAT64</td><td>string {@code "25.5"}, {@code "1.0E10"}, {@code "NaN"}, {@code
 *       "Infinity"}, {@code "-Infinity"}</td></tr>
 *   <tr><td>NUMERIC, BIGNUMERIC</td><td>plain string {@code "123.45"}</td></tr>
 *   <tr><td>BOOL</td><td>{@code "true"}/{@code "false"}</td></tr>
 *   <tr><td>STRING, JSON, GEOGRAPHY</td><td>the text</td></tr>
 *   <tr><td>BYTES</td><td>base64</td></tr>
 *   <tr><td>DATE / DATETIME / TIME</td><td>{@code "2024-04-10"} / {@code
 *       "2024-04-10T18:30:00.123456"} / {@code "18:30:00"} (fraction only when not zero, 6
 *       digits)</td></tr>
 *   <tr><td>TIMESTAMP</td><td>seconds since the epoch {@code "1.712773800123456E9"} (exact, so
 *       {@code FieldValue.getTimestampValue()} gets every microsecond), or with {@code
 *       formatOptions.useInt64Timestamp} the microseconds {@code "1712773800123456"}</td></tr>
 *   <tr><td>RECORD</td><td>a nested {@code {"f":[...]}}</td></tr>
 *   <tr><td>REPEATED</td><td>{@code [{"v":...},...]}</td></tr>
 *   <tr><td>NULL</td><td>JSON null</td></tr>
 * </table>
 *
 * <pre>{@code
 * List<TableRow> rows = TableRowCodec.toTableRows(page.rows(), page.schema().getFields(), false);
 * response.setRows(rows).setTotalRows(BigInteger.valueOf(page.totalRows()));
 * }</pre>
 */
public final class TableRowCodec {
  private TableRowCodec() {}

  /**
   * How TIMESTAMP cells are written, from the request's {@code formatOptions}: seconds since the
   * epoch ({@code "1.7127738E9"}, BigQuery's default), integer microseconds ({@code
   * useInt64Timestamp} or {@code timestampOutputFormat=INT64}), or ISO 8601 in UTC ({@code
   * timestampOutputFormat=ISO8601_STRING}, {@code "2024-04-10T18:30:00.123456Z"}).
   */
  public enum TimestampOutput {
    FLOAT64_SECONDS,
    INT64_MICROS,
    ISO8601_STRING;

    /** The form a request asks for; {@code timestampOutputFormat} may be null. */
    public static TimestampOutput of(
        boolean useInt64Timestamp, @Nullable String timestampOutputFormat) {
      if (useInt64Timestamp || "INT64".equals(timestampOutputFormat)) {
        return INT64_MICROS;
      }
      return "ISO8601_STRING".equals(timestampOutputFormat) ? ISO8601_STRING : FLOAT64_SECONDS;
    }

    static TimestampOutput of(boolean useInt64Timestamp) {
      return useInt64Timestamp ? INT64_MICROS : FLOAT64_SECONDS;
    }
  }

  /** Rows as REST rows. */
  public static List<TableRow> toTableRows(
      List<Map<String, @Nullable Object>> rows,
      List<TableFieldSchema> fields,
      boolean useInt64Timestamp) {
    return toTableRows(rows, fields, TimestampOutput.of(useInt64Timestamp));
  }

  /** Rows as REST rows, TIMESTAMPs in the given form. */
  public static List<TableRow> toTableRows(
      List<Map<String, @Nullable Object>> rows,
      List<TableFieldSchema> fields,
      TimestampOutput timestamps) {
    List<TableRow> out = new ArrayList<>(rows.size());
    for (Map<String, @Nullable Object> row : rows) {
      out.add(toTableRow(row, fields, timestamps));
    }
    return out;
  }

  /** One row as a REST row, a cell per field in schema order. */
  public static TableRow toTableRow(
      Map<String, @Nullable Object> row, List<TableFieldSchema> fields, boolean useInt64Timestamp) {
    return toTableRow(row, fields, TimestampOutput.of(useInt64Timestamp));
  }

  private static TableRow toTableRow(
      Map<String, @Nullable Object> row,
      List<TableFieldSchema> fields,
      TimestampOutput timestamps) {
    List<TableCell> cells = new ArrayList<>(fields.size());
    for (TableFieldSchema field : fields) {
      cells.add(new TableCell().setV(cellValue(row.get(field.getName()), field, timestamps)));
    }
    return new TableRow().setF(cells);
  }

  /** The {@code v} of one cell of {@code field} (a JSON-null object for NULL). */
  public static Object cellValue(
      @Nullable Object value, TableFieldSchema field, boolean useInt64Timestamp) {
    return cellValue(value, field, TimestampOutput.of(useInt64Timestamp));
  }

  /** The {@code v} of one cell of {@code field}, TIMESTAMPs in the given form. */
  public static Object cellValue(
      @Nullable Object value, TableFieldSchema field, TimestampOutput timestamps) {
    BigQueryType type = BigQueryType.of(field);
    if (BigQueryType.isRepeated(field)) {
      List<Map<String, Object>> out = new ArrayList<>();
      if (value != null) {
        for (Object element : (List<?>) value) {
          Map<String, Object> cell = new LinkedHashMap<>();
          cell.put("v", scalar(type, field, element, timestamps));
          out.add(cell);
        }
      }
      return out;
    }
    return value == null ? Data.nullOf(Object.class) : scalar(type, field, value, timestamps);
  }

  @SuppressWarnings("unchecked")
  private static Object scalar(
      BigQueryType type, TableFieldSchema field, Object value, TimestampOutput timestamps) {
    return switch (type) {
      case INT64 -> value.toString();
      case FLOAT64 -> ValueText.float64((Double) value);
      case NUMERIC, BIGNUMERIC -> ValueText.decimal((BigDecimal) value);
      case BOOL -> value.toString();
      case STRING, GEOGRAPHY, JSON -> value;
      case BYTES -> Base64.getEncoder().encodeToString((byte[]) value);
      case DATE -> ((LocalDate) value).toString();
      case DATETIME -> ValueText.datetime((LocalDateTime) value);
      case TIME -> ValueText.time((LocalTime) value);
      case TIMESTAMP ->
          switch (timestamps) {
            case INT64_MICROS -> Long.toString(ValueText.micros((Instant) value));
            case ISO8601_STRING ->
                ValueText.datetime(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC)) + "Z";
            case FLOAT64_SECONDS -> ValueText.epochSeconds((Instant) value);
          };
      case RECORD -> {
        Map<String, @Nullable Object> record = (Map<String, @Nullable Object>) value;
        List<Map<String, Object>> cells = new ArrayList<>();
        for (TableFieldSchema child : field.getFields()) {
          Map<String, Object> cell = new LinkedHashMap<>();
          cell.put("v", cellValue(record.get(child.getName()), child, timestamps));
          cells.add(cell);
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("f", cells);
        yield nested;
      }
    };
  }

  /**
   * A REST row back to a canonical row (the inverse of {@link #toTableRow}); for cells given as
   * parsed JSON (maps and lists) too.
   */
  public static Map<String, @Nullable Object> fromTableRow(
      Map<String, ?> tableRow, List<TableFieldSchema> fields, boolean useInt64Timestamp) {
    List<?> cells = (List<?>) java.util.Objects.requireNonNull(tableRow.get("f"), "f");
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      Object cell = cells.get(i);
      Object v = cell instanceof Map<?, ?> m ? m.get("v") : null;
      out.put(fields.get(i).getName(), fromCell(v, fields.get(i), useInt64Timestamp));
    }
    return out;
  }

  private static @Nullable Object fromCell(
      @Nullable Object v, TableFieldSchema field, boolean useInt64Timestamp) {
    BigQueryType type = BigQueryType.of(field);
    String path = field.getName();
    if (BigQueryType.isRepeated(field)) {
      List<Object> out = new ArrayList<>();
      if (v != null && !Data.isNull(v)) {
        for (Object cell : (List<?>) v) {
          Object element = java.util.Objects.requireNonNull(((Map<?, ?>) cell).get("v"), "v");
          out.add(scalarFromCell(type, field, element, useInt64Timestamp, path));
        }
      }
      return out;
    }
    if (v == null || Data.isNull(v)) {
      return null;
    }
    return scalarFromCell(type, field, v, useInt64Timestamp, path);
  }

  @SuppressWarnings("unchecked")
  private static Object scalarFromCell(
      BigQueryType type, TableFieldSchema field, Object v, boolean useInt64Timestamp, String path) {
    if (type == BigQueryType.RECORD) {
      return fromTableRow((Map<String, ?>) v, field.getFields(), useInt64Timestamp);
    }
    String text = v.toString();
    if (type == BigQueryType.TIMESTAMP) {
      if (useInt64Timestamp) {
        long micros = Long.parseLong(text);
        return Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
      }
      return ValueText.epochSeconds(new BigDecimal(text), path);
    }
    if (type == BigQueryType.NUMERIC || type == BigQueryType.BIGNUMERIC) {
      return new BigDecimal(text);
    }
    return JsonRowCodec.fromText(type, text, false, path);
  }
}
