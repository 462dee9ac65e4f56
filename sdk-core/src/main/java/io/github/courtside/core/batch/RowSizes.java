package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.Row;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Estimates a row's size as JSON text, the form streaming requests take. */
final class RowSizes {
  private RowSizes() {}

  static long estimate(Row row) {
    long bytes = 2;
    for (Map.Entry<String, @Nullable Object> entry : row.asMap().entrySet()) {
      bytes += entry.getKey().length() + 4 + valueSize(entry.getValue());
    }
    return bytes;
  }

  private static long valueSize(@Nullable Object value) {
    if (value == null) {
      return 4;
    }
    if (value instanceof String text) {
      return text.length() + 2L;
    }
    if (value instanceof Long || value instanceof Double) {
      return 20;
    }
    if (value instanceof Boolean) {
      return 5;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString().length();
    }
    return value.toString().length() + 2L;
  }
}
