package io.github.courtside.bigquery;

import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.SqlDialect;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * A Courtside column default as BigQuery's {@code defaultValueExpression} (a GoogleSQL literal) and
 * back. Expressions that are not literals of the column's type (e.g. {@code CURRENT_TIMESTAMP()})
 * have no Courtside value and read back as no default.
 */
final class DefaultValueExpressions {
  private static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .appendOffset("+HH:mm", "+00")
          .toFormatter(Locale.ROOT);

  private DefaultValueExpressions() {}

  /** The GoogleSQL literal of a default value. */
  static String render(Object value, ColumnType type) {
    return SqlDialect.googleSql().literal(value, type);
  }

  /** The value of a literal expression of the type, or empty when it is not one. */
  static Optional<Object> parse(String expression, ColumnType type) {
    String text = expression.strip();
    try {
      return switch (type) {
        case STRING -> quoted(text).map(s -> (Object) s);
        case JSON -> call(text, "PARSE_JSON").or(() -> prefixed(text, "JSON")).map(s -> (Object) s);
        case INT64 -> Optional.of(Long.parseLong(text));
        case FLOAT64 -> Optional.of(parseFloat(cast(text, "FLOAT64").orElse(text)));
        case NUMERIC ->
            cast(text, "NUMERIC")
                .or(() -> prefixed(text, "NUMERIC"))
                .map(s -> (Object) new BigDecimal(s));
        case BOOL -> bool(text);
        case DATE -> prefixed(text, "DATE").map(s -> (Object) LocalDate.parse(s));
        case TIMESTAMP ->
            prefixed(text, "TIMESTAMP").map(s -> (Object) Instant.from(TIMESTAMP.parse(s)));
      };
    } catch (RuntimeException notALiteral) {
      return Optional.empty();
    }
  }

  private static Optional<Object> bool(String text) {
    if (text.equalsIgnoreCase("TRUE")) {
      return Optional.of(true);
    }
    if (text.equalsIgnoreCase("FALSE")) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  private static double parseFloat(String text) {
    Optional<String> quoted = quoted(text);
    return Double.parseDouble(quoted.orElse(text));
  }

  /** {@code CAST(<inner> AS <type>)}: the inner text, unquoted when it is a string literal. */
  private static Optional<String> cast(String text, String type) {
    String upper = text.toUpperCase(Locale.ROOT);
    String suffix = " AS " + type + ")";
    if (upper.startsWith("CAST(") && upper.endsWith(suffix)) {
      String inner = text.substring(5, text.length() - suffix.length()).strip();
      return Optional.of(quoted(inner).orElse(inner));
    }
    return Optional.empty();
  }

  private static Optional<String> call(String text, String function) {
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.startsWith(function + "(") && text.endsWith(")")) {
      return quoted(text.substring(function.length() + 1, text.length() - 1).strip());
    }
    return Optional.empty();
  }

  private static Optional<String> prefixed(String text, String keyword) {
    if (text.toUpperCase(Locale.ROOT).startsWith(keyword + " ")) {
      return quoted(text.substring(keyword.length()).strip());
    }
    return Optional.empty();
  }

  /** The value of a single- or double-quoted GoogleSQL string literal with escapes. */
  static Optional<String> quoted(String text) {
    if (text.length() < 2) {
      return Optional.empty();
    }
    char quote = text.charAt(0);
    if ((quote != '\'' && quote != '"') || text.charAt(text.length() - 1) != quote) {
      return Optional.empty();
    }
    StringBuilder value = new StringBuilder();
    for (int i = 1; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (c == quote) {
        return Optional.empty();
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      if (++i >= text.length() - 1) {
        return Optional.empty();
      }
      char escaped = text.charAt(i);
      switch (escaped) {
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> {
          value.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> value.append(escaped);
      }
    }
    return Optional.of(value.toString());
  }
}
