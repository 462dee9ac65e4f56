package io.github.courtside.core.warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** What GoogleSQL and DuckDB render the same way. */
abstract class AbstractSqlDialect implements SqlDialect {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  @Override
  public String literal(@Nullable Object value, ColumnType type) {
    if (value == null) {
      return "CAST(NULL AS " + typeName(type) + ")";
    }
    if (!type.accepts(value)) {
      throw new IllegalArgumentException(
          "a " + value.getClass().getSimpleName() + " is not a " + type + " literal");
    }
    return switch (type) {
      case STRING -> stringLiteral((String) value);
      case INT64 -> Long.toString((Long) value);
      case FLOAT64 -> floatLiteral((Double) value);
      case NUMERIC ->
          "CAST('" + ((BigDecimal) value).toPlainString() + "' AS " + typeName(type) + ")";
      case BOOL -> ((Boolean) value) ? "TRUE" : "FALSE";
      case DATE -> "DATE '" + (LocalDate) value + "'";
      case TIMESTAMP -> timestampLiteral(TIMESTAMP.format((Instant) value));
      case JSON -> jsonLiteral(stringLiteral((String) value));
    };
  }

  /** A quoted string literal; single quotes and backslashes escaped. */
  String stringLiteral(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  String floatLiteral(Double value) {
    if (value.isNaN() || value.isInfinite()) {
      return "CAST('"
          + (value.isNaN() ? "NaN" : value > 0 ? "Infinity" : "-Infinity")
          + "' AS "
          + typeName(ColumnType.FLOAT64)
          + ")";
    }
    return "CAST(" + Double.toString(value) + " AS " + typeName(ColumnType.FLOAT64) + ")";
  }

  abstract String timestampLiteral(String utcText);

  abstract String jsonLiteral(String quotedText);

  @Override
  public String toString() {
    return name();
  }
}
