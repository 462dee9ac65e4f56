package io.github.courtside.bigquery.local.internal.write;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.cloud.bigquery.storage.v1.BigDecimalByteStringEncoder;
import com.google.cloud.bigquery.storage.v1.CivilTimeEncoder;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.DynamicMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A column's BigQuery type, with the proto field types it accepts in the Storage Write API and the
 * conversion of a proto value to the canonical cell value (see {@code LocalStorage}), following
 * BigQuery's table of supported protocol buffer types.
 */
enum ColumnType {
  INT64(
      EnumSet.of(
          FieldDescriptor.Type.INT32,
          FieldDescriptor.Type.INT64,
          FieldDescriptor.Type.UINT32,
          FieldDescriptor.Type.SINT32,
          FieldDescriptor.Type.SINT64,
          FieldDescriptor.Type.SFIXED32,
          FieldDescriptor.Type.SFIXED64,
          FieldDescriptor.Type.FIXED32,
          FieldDescriptor.Type.ENUM)),
  FLOAT64(EnumSet.of(FieldDescriptor.Type.DOUBLE, FieldDescriptor.Type.FLOAT)),
  BOOL(
      EnumSet.of(
          FieldDescriptor.Type.BOOL,
          FieldDescriptor.Type.INT32,
          FieldDescriptor.Type.INT64,
          FieldDescriptor.Type.UINT32,
          FieldDescriptor.Type.UINT64,
          FieldDescriptor.Type.SINT32,
          FieldDescriptor.Type.SINT64)),
  STRING(EnumSet.of(FieldDescriptor.Type.STRING, FieldDescriptor.Type.ENUM)),
  BYTES(EnumSet.of(FieldDescriptor.Type.BYTES, FieldDescriptor.Type.STRING)),
  NUMERIC(
      EnumSet.of(
          FieldDescriptor.Type.BYTES,
          FieldDescriptor.Type.STRING,
          FieldDescriptor.Type.INT32,
          FieldDescriptor.Type.INT64,
          FieldDescriptor.Type.UINT32,
          FieldDescriptor.Type.UINT64,
          FieldDescriptor.Type.DOUBLE,
          FieldDescriptor.Type.FLOAT)),
  BIGNUMERIC(
      EnumSet.of(
          FieldDescriptor.Type.BYTES,
          FieldDescriptor.Type.STRING,
          FieldDescriptor.Type.INT32,
          FieldDescriptor.Type.INT64,
          FieldDescriptor.Type.UINT32,
          FieldDescriptor.Type.UINT64,
          FieldDescriptor.Type.DOUBLE,
          FieldDescriptor.Type.FLOAT)),
  DATE(
      EnumSet.of(
          FieldDescriptor.Type.INT32, FieldDescriptor.Type.INT64, FieldDescriptor.Type.STRING)),
  DATETIME(EnumSet.of(FieldDescriptor.Type.INT64, FieldDescriptor.Type.STRING)),
  TIME(EnumSet.of(FieldDescriptor.Type.INT64, FieldDescriptor.Type.STRING)),
  TIMESTAMP(
      EnumSet.of(
          FieldDescriptor.Type.INT64,
          FieldDescriptor.Type.INT32,
          FieldDescriptor.Type.UINT32,
          FieldDescriptor.Type.STRING)),
  JSON(EnumSet.of(FieldDescriptor.Type.STRING)),
  RECORD(EnumSet.of(FieldDescriptor.Type.MESSAGE, FieldDescriptor.Type.GROUP));

  private static final BigDecimal NUMERIC_MAX =
      new BigDecimal("99999999999999999999999999999.999999999");
  private static final BigDecimal BIGNUMERIC_MAX =
      new BigDecimal(
          "578960446186580977117854925043439539266.34992332820282019728792003956564819967");
  private static final BigDecimal BIGNUMERIC_MIN =
      new BigDecimal(
          "-578960446186580977117854925043439539266.34992332820282019728792003956564819968");
  private static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
  private static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
  private static final Instant MIN_TIMESTAMP = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant MAX_TIMESTAMP = Instant.parse("9999-12-31T23:59:59.999999Z");

  @SuppressWarnings("ImmutableEnumChecker") // an unmodifiable view, never changed
  private final Set<FieldDescriptor.Type> protoTypes;

  ColumnType(Set<FieldDescriptor.Type> protoTypes) {
    this.protoTypes = Collections.unmodifiableSet(protoTypes);
  }

  static ColumnType of(TableFieldSchema column) {
    String type = column.getType() == null ? "" : column.getType().toUpperCase(Locale.ROOT);
    return switch (type) {
      case "INTEGER", "INT64" -> INT64;
      case "FLOAT", "FLOAT64" -> FLOAT64;
      case "BOOLEAN", "BOOL" -> BOOL;
      case "STRING" -> STRING;
      case "BYTES" -> BYTES;
      case "NUMERIC" -> NUMERIC;
      case "BIGNUMERIC" -> BIGNUMERIC;
      case "DATE" -> DATE;
      case "DATETIME" -> DATETIME;
      case "TIME" -> TIME;
      case "TIMESTAMP" -> TIMESTAMP;
      case "JSON" -> JSON;
      case "RECORD", "STRUCT" -> RECORD;
      default ->
          throw WriteError.notSupported(
              "writing the column " + column.getName() + " of type " + column.getType());
    };
  }

  /**
   * Whether a proto field of this type may fill the column: one of the documented scalar types, a
   * wrapper message ({@code google.protobuf.Int64Value}...) of one, or, for TIMESTAMP, a {@code
   * google.protobuf.Timestamp}.
   */
  boolean accepts(FieldDescriptor field) {
    if (field.getJavaType() == JavaType.MESSAGE && this != RECORD) {
      if (this == TIMESTAMP && isTimestampMessage(field)) {
        return true;
      }
      FieldDescriptor value = wrappedValue(field);
      return value != null && !value.isRepeated() && accepts(value);
    }
    return protoTypes.contains(field.getType());
  }

  /** The canonical value of one (non-null, non-repeated element) proto value. */
  Object convert(FieldDescriptor field, Object raw) {
    if (raw instanceof DynamicMessage message && this != RECORD) {
      if (this == TIMESTAMP && isTimestampMessage(field)) {
        long seconds = (Long) message.getField(field.getMessageType().findFieldByName("seconds"));
        int nanos = (Integer) message.getField(field.getMessageType().findFieldByName("nanos"));
        return checkTimestamp(Instant.ofEpochSecond(seconds, nanos).truncatedTo(ChronoUnit.MICROS));
      }
      FieldDescriptor value = wrappedValue(field);
      if (value == null) {
        throw new IllegalArgumentException("a message where a scalar is expected");
      }
      return convert(value, message.getField(value));
    }
    return switch (this) {
      case INT64 -> integer(field, raw);
      case FLOAT64 -> ((Number) raw).doubleValue();
      case BOOL -> raw instanceof Boolean b ? b : integer(field, raw) != 0;
      case STRING -> raw instanceof EnumValueDescriptor e ? e.getName() : (String) raw;
      case BYTES ->
          raw instanceof ByteString b
              ? b.toByteArray()
              : ((String) raw).getBytes(StandardCharsets.UTF_8);
      case NUMERIC ->
          checkNumeric(decimal(field, raw, false), NUMERIC_MAX.negate(), NUMERIC_MAX, 9);
      case BIGNUMERIC ->
          checkNumeric(decimal(field, raw, true), BIGNUMERIC_MIN, BIGNUMERIC_MAX, 38);
      case DATE ->
          checkDate(
              raw instanceof String s
                  ? LocalDate.parse(s.trim())
                  : LocalDate.ofEpochDay(integer(field, raw)));
      case DATETIME ->
          raw instanceof String s
              ? LocalDateTime.parse(s.trim().replace(' ', 'T')).truncatedTo(ChronoUnit.MICROS)
              : CivilTimeEncoder.decodePacked64DatetimeMicrosLocalDateTime((Long) raw);
      case TIME ->
          raw instanceof String s
              ? LocalTime.parse(s.trim()).truncatedTo(ChronoUnit.MICROS)
              : CivilTimeEncoder.decodePacked64TimeMicrosLocalTime((Long) raw);
      case TIMESTAMP ->
          checkTimestamp(raw instanceof String s ? timestamp(s) : micros(integer(field, raw)));
      case JSON -> json((String) raw);
      case RECORD -> throw new IllegalStateException("RECORD values are decoded by their plan");
    };
  }

  private static long integer(FieldDescriptor field, Object raw) {
    if (raw instanceof EnumValueDescriptor e) {
      return e.getNumber();
    }
    if (raw instanceof Integer i) {
      return field.getType() == FieldDescriptor.Type.UINT32
              || field.getType() == FieldDescriptor.Type.FIXED32
          ? Integer.toUnsignedLong(i)
          : i;
    }
    long value = (Long) raw;
    if ((field.getType() == FieldDescriptor.Type.UINT64
            || field.getType() == FieldDescriptor.Type.FIXED64)
        && value < 0) {
      throw new IllegalArgumentException(Long.toUnsignedString(value) + " is out of range");
    }
    return value;
  }

  private static BigDecimal decimal(FieldDescriptor field, Object raw, boolean big) {
    if (raw instanceof ByteString bytes) {
      return big
          ? BigDecimalByteStringEncoder.decodeBigNumericByteString(bytes)
          : BigDecimalByteStringEncoder.decodeNumericByteString(bytes);
    }
    if (raw instanceof String s) {
      return new BigDecimal(s.trim());
    }
    if (raw instanceof Double || raw instanceof Float) {
      double d = ((Number) raw).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(d + " is not a finite number");
      }
      return new BigDecimal(String.valueOf(raw));
    }
    if (field.getType() == FieldDescriptor.Type.UINT64 && raw instanceof Long l) {
      return new BigDecimal(Long.toUnsignedString(l));
    }
    return BigDecimal.valueOf(integer(field, raw));
  }

  private static BigDecimal checkNumeric(
      BigDecimal value, BigDecimal min, BigDecimal max, int scale) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > scale) {
      throw new IllegalArgumentException(
          value.toPlainString() + " has more than " + scale + " digits after the decimal point");
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(value.toPlainString() + " is out of range");
    }
    return value;
  }

  private static LocalDate checkDate(LocalDate date) {
    if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
      throw new IllegalArgumentException(date + " is out of range");
    }
    return date;
  }

  private static Instant micros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private static Instant checkTimestamp(Instant instant) {
    if (instant.isBefore(MIN_TIMESTAMP) || instant.isAfter(MAX_TIMESTAMP)) {
      throw new IllegalArgumentException(instant + " is out of range");
    }
    return instant;
  }

  /** {@code 2024-04-10T12:00:00Z}, {@code 2024-04-10 12:00:00.123456+02:00}, {@code ... UTC}. */
  static Instant timestamp(String text) {
    String s = text.trim();
    if (s.endsWith(" UTC")) {
      s = s.substring(0, s.length() - 4) + "Z";
    }
    if (s.length() > 10 && s.charAt(10) == ' ') {
      s = s.substring(0, 10) + "T" + s.substring(11);
    }
    s = s.replace(" ", "");
    try {
      return OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
  }

  private static String json(String text) {
    try {
      var unused = JsonParser.parseString(text);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
    return text;
  }

  private static boolean isTimestampMessage(FieldDescriptor field) {
    var type = field.getMessageType();
    FieldDescriptor seconds = type.findFieldByName("seconds");
    FieldDescriptor nanos = type.findFieldByName("nanos");
    return type.getFields().size() == 2
        && seconds != null
        && seconds.getType() == FieldDescriptor.Type.INT64
        && nanos != null
        && nanos.getType() == FieldDescriptor.Type.INT32;
  }

  private static @Nullable FieldDescriptor wrappedValue(FieldDescriptor field) {
    var type = field.getMessageType();
    return type.getFields().size() == 1 ? type.findFieldByName("value") : null;
  }
}
