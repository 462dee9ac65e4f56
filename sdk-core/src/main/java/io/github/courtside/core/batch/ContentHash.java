package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.Row;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** SHA-256 of a row's canonical text: sorted columns, each value with its type, length-prefixed. */
final class ContentHash {
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every JVM provides SHA-256", e);
            }
          });

  private ContentHash() {}

  static String of(Row row) {
    List<Map.Entry<String, @Nullable Object>> entries = new ArrayList<>(row.asMap().entrySet());
    entries.sort(Map.Entry.comparingByKey());
    StringBuilder canonical = new StringBuilder(64 * entries.size());
    for (Map.Entry<String, @Nullable Object> entry : entries) {
      Object value = entry.getValue();
      String text;
      if (value == null) {
        text = "null";
      } else if (value instanceof BigDecimal decimal) {
        text = "BigDecimal:" + decimal.stripTrailingZeros().toPlainString();
      } else {
        text = value.getClass().getName() + ":" + value;
      }
      canonical
          .append(entry.getKey().length())
          .append(':')
          .append(entry.getKey())
          .append(text.length())
          .append(':')
          .append(text);
    }
    MessageDigest digest = DIGEST.get();
    digest.reset();
    return HexFormat.of()
        .formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
