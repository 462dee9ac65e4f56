package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.client.util.Data;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.ToNumberPolicy;
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
 * JSON rows, as {@code tabledata.insertAll} sends them in {@code rows[].json} and load jobs read
 * them from newline-delimited JSON, to canonical rows (see {@link LocalStorage}) and back.
 *
 * <p>Input values are what {@code GsonFactory} (or Gson) parses: {@link String}, {@link Number}
 * (usually {@link BigDecimal}), {@link Boolean}, {@link Map}, {@link List}, and null or a {@code
 * Data.isNull} object. BigQuery's leniencies are kept: numbers may come as strings, BOOL as {@code
 * true}/{@code false}/{@code "true"}/{@code "false"}/{@code "1"}/{@code "0"}/1/0, TIMESTAMP as
 * {@code "2024-04-10 18:30:00.123456 UTC"}, {@code "2024-04-10T18:30:00Z"}, {@code "2024-04-10
 * 18:30:00+02:00"}, a zone name, or a number of seconds since the epoch; DATETIME with {@code T} or
 * a space; BYTES as base64; JSON as JSON text or as any JSON value (serialised); STRING also from a
 * number or a boolean.
 *
 * <pre>{@code
 * DecodedRow decoded = JsonRowCodec.decode(i, request.getRows().get(i).getJson(), schema.getFields(),
 *     Boolean.TRUE.equals(request.getIgnoreUnknownValues()));
 * if (!decoded.ok()) {
 *   // {"index": i, "errors": [{"reason": e.reason(), "location": e.location(), "message": e.message()}]}
 * }
 * }</pre>
 */
public final class JsonRowCodec {
  /**
   * Numbers parse as {@link BigDecimal}, as GsonFactory reads insertAll rows: an INT64 beyond 2^53
   * or a NUMERIC with many digits in a newline-delimited JSON line keeps every digit.
   */
  private static final Gson GSON =
      new GsonBuilder()
          .serializeNulls()
          .disableHtmlEscaping()
          .setObjectToNumberStrategy(ToNumberPolicy.BIG_DECIMAL)
          .create();

  private JsonRowCodec() {}

  /**
   * Decodes one JSON object against the schema, collecting every problem.
   *
   * @param index the row's index (or line number), copied into the result
   * @param json the parsed JSON object
   * @param fields the table's top-level fields
   * @param ignoreUnknownValues whether fields not in the schema are dropped instead of reported
   */
  public static DecodedRow decode(
      long index, Map<String, ?> json, List<TableFieldSchema> fields, boolean ignoreUnknownValues) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, @Nullable Object> row = record(json, fields, "", ignoreUnknownValues, errors);
    return errors.isEmpty()
        ? new DecodedRow(index, row, List.of())
        : new DecodedRow(index, null, errors);
  }

  /**
   * Parses one line of newline-delimited JSON and decodes it; a line that is not a JSON object is
   * one error with an empty location.
   */
  public static DecodedRow decodeLine(
      long lineNumber, String line, List<TableFieldSchema> fields, boolean ignoreUnknownValues) {
    Object parsed;
    try {
      parsed = GSON.fromJson(line, Object.class);
    } catch (JsonParseException e) {
      return new DecodedRow(
          lineNumber,
          null,
          List.of(
              FieldError.invalid(
                  "",
                  "Error while reading data, error message: JSON parsing error in row starting at"
                      + " line "
                      + lineNumber
                      + ": "
                      + e.getMessage())));
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      return new DecodedRow(
          lineNumber,
          null,
          List.of(
              FieldError.invalid(
                  "", "JSON object expected at line " + lineNumber + ", got: " + line.trim())));
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> object = (Map<String, ?>) map;
    return decode(lineNumber, object, fields, ignoreUnknownValues);
  }

  private static Map<String, @Nullable Object> record(
      Map<String, ?> json,
      List<TableFieldSchema> fields,
      String prefix,
      boolean ignoreUnknown,
      List<FieldError> errors) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : json.entrySet()) {
      boolean known = fields.stream().anyMatch(f -> f.getName().equalsIgnoreCase(e.getKey()));
      if (!known && !ignoreUnknown) {
        errors.add(
            FieldError.invalid(prefix + e.getKey(), "no such field: " + prefix + e.getKey() + "."));
      }
    }
    for (TableFieldSchema field : fields) {
      Object value = valueFor(json, field.getName());
      String path = prefix + field.getName();
      try {
        out.put(field.getName(), field(field, value, path, ignoreUnknown, errors));
      } catch (CanonicalRows.Problem p) {
        errors.add(FieldError.invalid(p.field, p.detail));
      }
    }
    return out;
  }

  private static @Nullable Object valueFor(Map<String, ?> json, String name) {
    Object value = json.get(name);
    if (value == null && !json.containsKey(name)) {
      for (Map.Entry<String, ?> e : json.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
    }
    return value;
  }

  private static @Nullable Object field(
      TableFieldSchema field,
      @Nullable Object value,
      String path,
      boolean ignoreUnknown,
      List<FieldError> errors) {
    boolean isNull = value == null || Data.isNull(value);
    BigQueryType type = BigQueryType.of(field);
    if (BigQueryType.isRepeated(field)) {
      if (isNull) {
        return List.of();
      }
      if (!(value instanceof List<?> list)) {
        throw new CanonicalRows.Problem(
            path, "Repeated field must be imported as a JSON array. Field: " + path + ".");
      }
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        Object element = list.get(i);
        if (element == null || Data.isNull(element)) {
          throw new CanonicalRows.Problem(
              path, "Array specified for field " + path + " contains a NULL element at index " + i);
        }
        out.add(scalar(type, field, element, path, ignoreUnknown, errors));
      }
      return out;
    }
    if (isNull) {
      if (BigQueryType.isRequired(field)) {
        throw new CanonicalRows.Problem(path, "Missing required field: " + path + ".");
      }
      return null;
    }
    Object present = java.util.Objects.requireNonNull(value);
    if (present instanceof List<?> && type != BigQueryType.JSON) {
      throw new CanonicalRows.Problem(
          path, "Array specified for non-repeated field: " + path + ".");
    }
    return scalar(type, field, present, path, ignoreUnknown, errors);
  }

  @SuppressWarnings("unchecked")
  private static Object scalar(
      BigQueryType type,
      TableFieldSchema field,
      Object value,
      String path,
      boolean ignoreUnknown,
      List<FieldError> errors) {
    if (type == BigQueryType.RECORD) {
      if (!(value instanceof Map<?, ?> map)) {
        throw new CanonicalRows.Problem(
            path, "Cannot convert value to a RECORD (a JSON object is required) for field " + path);
      }
      return record((Map<String, ?>) map, field.getFields(), path + ".", ignoreUnknown, errors);
    }
    if (type == BigQueryType.JSON) {
      if (value instanceof String s) {
        try {
          var unused = JsonParser.parseString(s);
        } catch (JsonParseException e) {
          throw new CanonicalRows.Problem(path, "Invalid JSON value for field " + path + ": " + s);
        }
        return s;
      }
      return GSON.toJson(plain(value));
    }
    if (value instanceof Map<?, ?>) {
      throw new CanonicalRows.Problem(
          path, "This field: " + path + " is not a record (a JSON object was given).");
    }
    if (value instanceof Number number) {
      BigDecimal d = number instanceof BigDecimal b ? b : numberOf(number, path);
      return switch (type) {
        case INT64 -> ValueText.int64(d, path);
        case FLOAT64 -> number instanceof Double x ? x : Double.parseDouble(number.toString());
        case NUMERIC -> CanonicalRows.numeric(d, path);
        case BIGNUMERIC -> CanonicalRows.bigNumeric(d, path);
        case STRING -> number.toString();
        case TIMESTAMP -> ValueText.epochSeconds(d, path);
        case BOOL -> {
          if (d.compareTo(BigDecimal.ONE) == 0) {
            yield Boolean.TRUE;
          }
          if (d.signum() == 0) {
            yield Boolean.FALSE;
          }
          throw new CanonicalRows.Problem(
              path, "Cannot convert value to boolean (bad value): " + number);
        }
        default -> throw wrong(type, path, number.toString());
      };
    }
    if (value instanceof Boolean b) {
      return switch (type) {
        case BOOL -> b;
        case STRING -> b.toString();
        default -> throw wrong(type, path, b.toString());
      };
    }
    if (!(value instanceof String text)) {
      throw wrong(type, path, String.valueOf(value));
    }
    return fromText(type, text, false, path);
  }

  /** A scalar from its text form (JSON string or CSV field). */
  static Object fromText(BigQueryType type, String text, boolean csv, String path) {
    return switch (type) {
      case INT64 -> ValueText.int64(text, path);
      case FLOAT64 -> ValueText.float64(text, path);
      case NUMERIC, BIGNUMERIC -> ValueText.decimal(text, type, path);
      case BOOL -> ValueText.bool(text, csv, path);
      case STRING, GEOGRAPHY -> text;
      case BYTES -> ValueText.bytes(text, path);
      case DATE -> ValueText.date(text, path);
      case DATETIME -> ValueText.datetime(text, path);
      case TIME -> ValueText.time(text, path);
      case TIMESTAMP -> ValueText.timestamp(text, path);
      case JSON -> {
        try {
          var unused = JsonParser.parseString(text);
        } catch (JsonParseException e) {
          throw new CanonicalRows.Problem(
              path, "Invalid JSON value for field " + path + ": " + text);
        }
        yield text;
      }
      case RECORD ->
          throw new CanonicalRows.Problem(path, "RECORD field " + path + " needs an object");
    };
  }

  private static BigDecimal numberOf(Number number, String path) {
    try {
      return new BigDecimal(number.toString());
    } catch (NumberFormatException e) {
      if (number instanceof Double || number instanceof Float) {
        // NaN or an infinity: only FLOAT64 takes it, and it reads the double itself
        return BigDecimal.ZERO;
      }
      throw new CanonicalRows.Problem(path, "Invalid number: " + number);
    }
  }

  private static CanonicalRows.Problem wrong(BigQueryType type, String path, String value) {
    return new CanonicalRows.Problem(
        path, "Cannot convert value to " + type + " for field " + path + " (bad value): " + value);
  }

  /** Plain Java values (Data nulls to null), ready for Gson. */
  private static @Nullable Object plain(@Nullable Object value) {
    if (value == null || Data.isNull(value)) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> out = new ArrayList<>();
      for (Object v : list) {
        out.add(plain(v));
      }
      return out;
    }
    return value;
  }

  /**
   * A canonical row as a JSON object (a map for Gson or GsonFactory), in the forms BigQuery's JSON
   * export writes: INT64, NUMERIC and BIGNUMERIC as strings, FLOAT64 as a number (NaN, the
   * infinities and -0.0 as strings), BOOL as a boolean, BYTES as base64, DATE/DATETIME/TIME in ISO
   * form, TIMESTAMP as {@code "2024-04-10 18:30:00.123456 UTC"}, JSON as its text, RECORD as an
   * object, REPEATED as an array; NULL fields are left out. {@link #decode} reads it back to the
   * same row.
   */
  public static Map<String, Object> encode(
      Map<String, @Nullable Object> row, List<TableFieldSchema> fields) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (TableFieldSchema field : fields) {
      Object value = row.get(field.getName());
      if (value == null) {
        continue;
      }
      BigQueryType type = BigQueryType.of(field);
      if (BigQueryType.isRepeated(field)) {
        List<Object> list = new ArrayList<>();
        for (Object element : (List<?>) value) {
          list.add(encodeScalar(type, field, element));
        }
        out.put(field.getName(), list);
      } else {
        out.put(field.getName(), encodeScalar(type, field, value));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object encodeScalar(BigQueryType type, TableFieldSchema field, Object value) {
    return switch (type) {
      case INT64 -> value.toString();
      case FLOAT64 -> {
        double d = (Double) value;
        // -0.0 as a string too: a JSON parser that reads numbers as BigDecimal loses its sign
        yield Double.isFinite(d) && Double.doubleToRawLongBits(d) != Long.MIN_VALUE
            ? (Object) d
            : ValueText.float64(d);
      }
      case NUMERIC, BIGNUMERIC -> ValueText.decimal((BigDecimal) value);
      case BOOL -> value;
      case STRING, GEOGRAPHY, JSON -> value;
      case BYTES -> Base64.getEncoder().encodeToString((byte[]) value);
      case DATE -> ((LocalDate) value).toString();
      case DATETIME -> ValueText.datetime((LocalDateTime) value);
      case TIME -> ValueText.time((LocalTime) value);
      case TIMESTAMP -> {
        LocalDateTime utc = LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
        yield utc.toLocalDate() + " " + ValueText.time(utc.toLocalTime()) + " UTC";
      }
      case RECORD -> encode((Map<String, @Nullable Object>) value, field.getFields());
    };
  }
}
