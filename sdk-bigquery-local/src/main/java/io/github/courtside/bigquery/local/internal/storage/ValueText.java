package io.github.courtside.bigquery.local.internal.storage;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text forms of scalar values, as BigQuery reads them from JSON strings and CSV fields and writes
 * them into REST cells. Parse failures throw {@link CanonicalRows.Problem} with BigQuery's wording.
 */
final class ValueText {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern HEX_INTEGER = Pattern.compile("([+-]?)0[xX]([0-9a-fA-F]+)");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern TIME =
      Pattern.compile("(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?");
  private static final Pattern DATETIME =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt ](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?)?");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[Tt ](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?)?"
              + "\\s*(Z|z|UTC|[+-]\\d{1,2}(?::?\\d{2})?|[A-Za-z_]+/[A-Za-z_/+-]+)?");
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private ValueText() {}

  static long int64(String text, String path) {
    String t = text.trim();
    try {
      if (INTEGER.matcher(t).matches()) {
        return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
      }
      Matcher hex = HEX_INTEGER.matcher(t);
      if (hex.matches()) {
        long v = Long.parseUnsignedLong(hex.group(2), 16);
        return hex.group(1).equals("-") ? -v : v;
      }
    } catch (NumberFormatException e) {
      // out of range, reported below
    }
    throw new CanonicalRows.Problem(path, "Cannot convert value to integer (bad value): " + text);
  }

  static long int64(BigDecimal number, String path) {
    try {
      return number.longValueExact();
    } catch (ArithmeticException e) {
      throw new CanonicalRows.Problem(
          path, "Cannot convert value to integer (bad value): " + number.toPlainString());
    }
  }

  static double float64(String text, String path) {
    String t = text.trim();
    switch (t.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    if (NUMBER.matcher(t).matches()) {
      return Double.parseDouble(t);
    }
    throw new CanonicalRows.Problem(
        path, "Cannot convert value to floating point (bad value): " + text);
  }

  static BigDecimal decimal(String text, BigQueryType type, String path) {
    String t = text.trim();
    if (NUMBER.matcher(t).matches()) {
      BigDecimal d = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
      return type == BigQueryType.NUMERIC
          ? CanonicalRows.numeric(d, path)
          : CanonicalRows.bigNumeric(d, path);
    }
    throw new CanonicalRows.Problem(path, "Invalid " + type + " value: " + text);
  }

  static boolean bool(String text, boolean csv, String path) {
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1":
        return true;
      case "false", "0":
        return false;
      case "t", "yes", "y":
        if (csv) {
          return true;
        }
        break;
      case "f", "no", "n":
        if (csv) {
          return false;
        }
        break;
      default:
        break;
    }
    throw new CanonicalRows.Problem(path, "Cannot convert value to boolean (bad value): " + text);
  }

  static byte[] bytes(String text, String path) {
    try {
      return Base64.getDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getUrlDecoder().decode(text.trim());
      } catch (IllegalArgumentException e2) {
        throw new CanonicalRows.Problem(path, "Could not decode base64 string to bytes.");
      }
    }
  }

  static LocalDate date(String text, String path) {
    Matcher m = DATE.matcher(text.trim());
    if (m.matches()) {
      try {
        return checkYear(
            LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))),
            text,
            path,
            "date");
      } catch (DateTimeException e) {
        // reported below
      }
    }
    throw new CanonicalRows.Problem(path, "Invalid date: '" + text + "'");
  }

  static LocalTime time(String text, String path) {
    Matcher m = TIME.matcher(text.trim());
    if (m.matches()) {
      try {
        return LocalTime.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
            nanos(m.group(4)));
      } catch (DateTimeException e) {
        // reported below
      }
    }
    throw new CanonicalRows.Problem(path, "Invalid time string \"" + text + "\"");
  }

  static LocalDateTime datetime(String text, String path) {
    Matcher m = DATETIME.matcher(text.trim());
    if (m.matches()) {
      try {
        LocalDate day =
            LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        LocalTime time =
            m.group(4) == null
                ? LocalTime.MIDNIGHT
                : LocalTime.of(
                    Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                    nanos(m.group(7)));
        checkYear(day, text, path, "datetime");
        return LocalDateTime.of(day, time);
      } catch (DateTimeException e) {
        // reported below
      }
    }
    throw new CanonicalRows.Problem(path, "Invalid datetime string \"" + text + "\"");
  }

  static Instant timestamp(String text, String path) {
    String t = text.trim();
    Matcher m = TIMESTAMP.matcher(t);
    if (m.matches()) {
      try {
        LocalDate day =
            LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        LocalTime time =
            m.group(4) == null
                ? LocalTime.MIDNIGHT
                : LocalTime.of(
                    Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                    nanos(m.group(7)));
        ZoneId zone = zone(m.group(8));
        Instant instant = LocalDateTime.of(day, time).atZone(zone).toInstant();
        return checkInstant(instant, text, path);
      } catch (DateTimeException e) {
        // reported below
      }
    }
    if (NUMBER.matcher(t).matches()) {
      return epochSeconds(new BigDecimal(t.startsWith("+") ? t.substring(1) : t), path);
    }
    throw new CanonicalRows.Problem(
        path,
        "Couldn't convert value to timestamp: Could not parse '"
            + text
            + "' as a timestamp. Required format is YYYY-MM-DD HH:MM[:SS[.SSSSSS]] or YYYY/MM/DD"
            + " HH:MM[:SS[.SSSSSS]]");
  }

  /** A TIMESTAMP given as (fractional) seconds since the epoch, to the microsecond. */
  static Instant epochSeconds(BigDecimal seconds, String path) {
    try {
      BigDecimal micros = seconds.movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP);
      long m = micros.longValueExact();
      Instant instant =
          Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000L);
      return checkInstant(instant, seconds.toPlainString(), path);
    } catch (ArithmeticException | DateTimeException e) {
      throw new CanonicalRows.Problem(
          path, "Cannot convert value to timestamp (bad value): " + seconds.toPlainString());
    }
  }

  private static ZoneId zone(String zone) {
    if (zone == null || zone.equals("Z") || zone.equals("z") || zone.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    if (zone.startsWith("+") || zone.startsWith("-")) {
      String digits = zone.substring(1).replace(":", "");
      int hours;
      int minutes = 0;
      if (digits.length() <= 2) {
        hours = Integer.parseInt(digits);
      } else {
        hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
        minutes = Integer.parseInt(digits.substring(digits.length() - 2));
      }
      int sign = zone.startsWith("-") ? -1 : 1;
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
    return ZoneId.of(zone);
  }

  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    String micros = (fraction + "000000").substring(0, 6);
    return Integer.parseInt(micros) * 1000;
  }

  private static LocalDate checkYear(LocalDate day, String text, String path, String what) {
    if (day.getYear() < 1 || day.getYear() > 9999) {
      throw new CanonicalRows.Problem(path, "Invalid " + what + ": '" + text + "'");
    }
    return day;
  }

  private static Instant checkInstant(Instant instant, String text, String path) {
    if (instant.getEpochSecond() < CanonicalRows.MIN_EPOCH_SECOND
        || instant.getEpochSecond() > CanonicalRows.MAX_EPOCH_SECOND) {
      throw new CanonicalRows.Problem(path, "Timestamp out of range: " + text);
    }
    return instant;
  }

  // ---- writing ----

  static String float64(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    return Double.toString(v);
  }

  static String decimal(BigDecimal v) {
    BigDecimal stripped = v.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  static String datetime(LocalDateTime v) {
    return v.toLocalDate() + "T" + time(v.toLocalTime());
  }

  static String time(LocalTime v) {
    String base =
        String.format(Locale.ROOT, "%02d:%02d:%02d", v.getHour(), v.getMinute(), v.getSecond());
    int micros = v.getNano() / 1000;
    return micros == 0 ? base : base + String.format(Locale.ROOT, ".%06d", micros);
  }

  /** Microseconds since the epoch. */
  static long micros(Instant v) {
    return RowWriter.micros(v);
  }

  /**
   * Seconds since the epoch as BigQuery's tabledata.list writes them ({@code 1.7127738E9}): the
   * shortest exact decimal, in the style of {@link Double#toString}, so every microsecond survives.
   */
  static String epochSeconds(Instant v) {
    BigDecimal seconds = BigDecimal.valueOf(micros(v), 6).stripTrailingZeros();
    if (seconds.signum() == 0) {
      return "0.0";
    }
    BigDecimal abs = seconds.abs();
    if (abs.compareTo(new BigDecimal("0.001")) >= 0
        && abs.compareTo(BigDecimal.valueOf(10_000_000)) < 0) {
      String plain = seconds.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String digits = seconds.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - seconds.scale();
    String mantissa = digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0");
    return (seconds.signum() < 0 ? "-" : "") + mantissa + "E" + exponent;
  }
}
