package io.github.courtside.bigquery.local.internal.sql;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** BigQuery's canonical timestamp text: {@code 2024-01-01 10:00:00[.ffffff][+HH[:MM]| UTC|Z]}. */
final class TimestampText {
  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd[ ]['T']HH:mm[:ss]")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private TimestampText() {}

  static Instant parse(String text) {
    String t = text.trim();
    if (t.endsWith(" UTC")) {
      t = t.substring(0, t.length() - 4);
    }
    if (t.endsWith("Z") || t.endsWith("z")) {
      t = t.substring(0, t.length() - 1);
    }
    ZoneOffset offset = ZoneOffset.UTC;
    int sign = Math.max(t.lastIndexOf('+'), t.lastIndexOf('-'));
    if (sign > 10) {
      String zone = t.substring(sign).trim();
      t = t.substring(0, sign).trim();
      if (zone.length() == 3) {
        zone = zone + ":00";
      }
      offset = ZoneOffset.of(zone);
    }
    if (t.length() == 10) {
      t = t + " 00:00:00";
    }
    LocalDateTime local = LocalDateTime.parse(t, LOCAL);
    return OffsetDateTime.of(local, offset).toInstant();
  }
}
