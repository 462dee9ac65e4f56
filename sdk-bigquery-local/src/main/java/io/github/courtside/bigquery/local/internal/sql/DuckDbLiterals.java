package io.github.courtside.bigquery.local.internal.sql;

import com.google.api.services.bigquery.model.QueryParameterValue;
import com.google.zetasql.StructType;
import com.google.zetasql.Type;
import com.google.zetasql.Value;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed DuckDB literals, printed by hand from ZetaSQL values (whose own printers are stubs in the
 * Maven Central build) and from REST query parameter values. Every literal carries its type, so
 * DuckDB never infers a narrower one.
 */
final class DuckDbLiterals {
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT);

  private DuckDbLiterals() {}

  static String nullOf(Type type) {
    return "CAST(NULL AS " + ZetaTypes.duckDb(type) + ")";
  }

  /** A ZetaSQL value as DuckDB SQL. */
  static String of(Value value) {
    Type type = value.getType();
    if (value.isNull()) {
      return nullOf(type);
    }
    return switch (type.getKind()) {
      case TYPE_INT64, TYPE_INT32, TYPE_UINT32 -> int64(value.getInt64Value());
      case TYPE_DOUBLE -> float64(value.getDoubleValue());
      case TYPE_FLOAT -> float64(value.getFloatValue());
      case TYPE_NUMERIC -> numeric(value.getNumericValue(), type);
      case TYPE_BIGNUMERIC -> numeric(value.getBigNumericValue(), type);
      case TYPE_BOOL -> value.getBoolValue() ? "TRUE" : "FALSE";
      case TYPE_STRING -> string(value.getStringValue());
      case TYPE_BYTES -> bytes(value.getBytesValue().toByteArray());
      case TYPE_DATE -> date(LocalDate.ofEpochDay(value.getDateValue()));
      case TYPE_DATETIME -> datetime(value.getLocalDateTimeValue());
      case TYPE_TIME -> time(value.getLocalTimeValue());
      case TYPE_TIMESTAMP -> timestamp(micros(value.getTimestampUnixMicros()));
      case TYPE_JSON -> "CAST(" + DuckDbText.string(value.getJsonValue()) + " AS JSON)";
      case TYPE_ARRAY -> {
        List<String> elements = new ArrayList<>();
        for (Value element : value.getElementList()) {
          elements.add(of(element));
        }
        yield array(elements, type);
      }
      case TYPE_STRUCT -> {
        List<String> fields = new ArrayList<>();
        for (Value field : value.getFieldList()) {
          fields.add(of(field));
        }
        yield struct(fields, type);
      }
      default -> throw ApiException.notSupported("literal of type " + ZetaTypes.typeName(type));
    };
  }

  static String int64(long value) {
    return "CAST(" + (value < 0 ? "'" + value + "'" : Long.toString(value)) + " AS BIGINT)";
  }

  static String float64(double value) {
    if (Double.isNaN(value)) {
      return "CAST('NaN' AS DOUBLE)";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "CAST('Infinity' AS DOUBLE)" : "CAST('-Infinity' AS DOUBLE)";
    }
    return "CAST('" + value + "' AS DOUBLE)";
  }

  static String numeric(BigDecimal value, Type type) {
    return "CAST('" + value.toPlainString() + "' AS " + ZetaTypes.duckDb(type) + ")";
  }

  static String string(String value) {
    return "CAST(" + DuckDbText.string(value) + " AS VARCHAR)";
  }

  static String bytes(byte[] value) {
    return "unhex('" + HexFormat.of().formatHex(value) + "')";
  }

  static String date(LocalDate value) {
    return "DATE '" + value + "'";
  }

  static String datetime(LocalDateTime value) {
    return "TIMESTAMP '" + DATETIME.format(value) + "'";
  }

  static String time(LocalTime value) {
    return "TIME '" + TIME.format(value) + "'";
  }

  static String timestamp(Instant value) {
    return "TIMESTAMPTZ '" + DATETIME.format(value.atOffset(ZoneOffset.UTC)) + "+00'";
  }

  static Instant micros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  static String array(List<String> elements, Type type) {
    return "CAST([" + String.join(", ", elements) + "] AS " + ZetaTypes.duckDb(type) + ")";
  }

  static String struct(List<String> fields, Type type) {
    List<StructType.StructField> declared = type.asStruct().getFieldList();
    StringBuilder b = new StringBuilder("struct_pack(");
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(DuckDbText.identifier(ZetaTypes.fieldName(declared.get(i), i)))
          .append(" := ")
          .append(fields.get(i));
    }
    if (fields.isEmpty()) {
      throw ApiException.notSupported("an empty STRUCT");
    }
    return "CAST(" + b.append(')') + " AS " + ZetaTypes.duckDb(type) + ")";
  }

  /** A REST query parameter value of the given type, checked, as DuckDB SQL. */
  static String parameter(@Nullable QueryParameterValue value, Type type, String name) {
    if (value == null) {
      return nullOf(type);
    }
    if (type.isArray()) {
      if (value.getArrayValues() == null) {
        return value.getValue() == null ? nullOf(type) : bad(name, type, value.getValue());
      }
      List<String> elements = new ArrayList<>();
      for (QueryParameterValue element : value.getArrayValues()) {
        elements.add(parameter(element, type.asArray().getElementType(), name));
      }
      return array(elements, type);
    }
    if (type.isStruct()) {
      Map<String, QueryParameterValue> values = value.getStructValues();
      if (values == null) {
        return nullOf(type);
      }
      List<String> fields = new ArrayList<>();
      for (StructType.StructField field : type.asStruct().getFieldList()) {
        fields.add(
            parameter(values.get(field.getName()), field.getType(), name + "." + field.getName()));
      }
      return struct(fields, type);
    }
    String text = value.getValue();
    if (text == null) {
      return nullOf(type);
    }
    try {
      return switch (type.getKind()) {
        case TYPE_INT64 -> int64(Long.parseLong(text.trim()));
        case TYPE_DOUBLE -> float64(parseDouble(text.trim()));
        case TYPE_NUMERIC, TYPE_BIGNUMERIC -> numeric(new BigDecimal(text.trim()), type);
        case TYPE_BOOL -> {
          if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            yield bad(name, type, text);
          }
          yield Boolean.parseBoolean(text) ? "TRUE" : "FALSE";
        }
        case TYPE_STRING -> string(text);
        case TYPE_BYTES -> bytes(Base64.getDecoder().decode(text));
        case TYPE_DATE -> date(LocalDate.parse(text.trim()));
        case TYPE_DATETIME -> datetime(LocalDateTime.parse(text.trim().replace(' ', 'T')));
        case TYPE_TIME -> time(LocalTime.parse(text.trim()));
        case TYPE_TIMESTAMP -> timestamp(TimestampText.parse(text));
        case TYPE_JSON -> "CAST(" + DuckDbText.string(text) + " AS JSON)";
        default ->
            throw ApiException.notSupported("query parameter type " + ZetaTypes.typeName(type));
      };
    } catch (RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      return bad(name, type, text);
    }
  }

  private static double parseDouble(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "nan" -> Double.NaN;
      case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  private static String bad(String name, Type type, String text) {
    throw ApiException.invalidQuery(
        "Invalid " + ZetaTypes.typeName(type) + " value for query parameter " + name + ": " + text,
        null);
  }
}
