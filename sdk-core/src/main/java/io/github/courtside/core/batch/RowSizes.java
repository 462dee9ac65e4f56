package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.Row;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Measures a row as the UTF-8 bytes of its JSON object, the form streaming requests take: keys and
 * text values quoted and escaped (a quote, backslash or control character takes two or six bytes),
 * numbers, booleans and null as JSON literals, other values as quoted text.
 */
final class RowSizes {
  private RowSizes() {}

  static long estimate(Row row) {
    long bytes = 2; // { }
    boolean first = true;
    for (Map.Entry<String, @Nullable Object> entry : row.asMap().entrySet()) {
      if (!first) {
        bytes++; // ,
      }
      first = false;
      bytes += quoted(entry.getKey()) + 1 + valueSize(entry.getValue());
    }
    return bytes;
  }

  private static long valueSize(@Nullable Object value) {
    if (value == null) {
      return 4;
    }
    if (value instanceof Boolean flag) {
      return flag ? 4 : 5;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString().length();
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Double) {
      return value.toString().length();
    }
    return quoted(value instanceof String text ? text : value.toString());
  }

  /** UTF-8 bytes of {@code text} as a JSON string, quotes included. */
  static long quoted(String text) {
    long bytes = 2;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
        bytes += 2;
      } else if (c < 0x20) {
        bytes += 6; // backslash-u and four hex digits
      } else if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3; // the rest of the BMP, and a lone surrogate (replaced by U+FFFD)
      }
    }
    return bytes;
  }
}
