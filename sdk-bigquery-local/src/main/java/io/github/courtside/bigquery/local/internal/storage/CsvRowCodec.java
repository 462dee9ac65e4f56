package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.services.bigquery.model.TableFieldSchema;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * CSV (RFC 4180, with BigQuery's load options) to canonical rows (see {@link LocalStorage}), for
 * load jobs. Only flat schemas: RECORD or REPEATED fields are refused as BigQuery does. Each record
 * becomes one {@link DecodedRow} whose index is the 1-based line the record starts on; errors name
 * the line, the column and the field.
 *
 * <p>NULL: a value equal to {@link CsvOptions#nullMarker()} (empty by default) is NULL, except a
 * quoted empty value ({@code ""}) in a STRING or BYTES column, which is the empty string.
 *
 * <pre>{@code
 * CsvRowCodec.decode(uploadStream, schema.getFields(), CsvOptions.of(load), decoded -> {
 *   if (decoded.ok()) rows.add(decoded.row()); else errors.addAll(decoded.errors());
 * });
 * }</pre>
 */
public final class CsvRowCodec {
  private CsvRowCodec() {}

  /** Decodes a whole upload. */
  public static void decode(
      InputStream in,
      List<TableFieldSchema> fields,
      CsvOptions options,
      Consumer<DecodedRow> sink) {
    decode(new InputStreamReader(in, options.encoding()), fields, options, sink);
  }

  /** Decodes CSV text (tests, small uploads). */
  public static List<DecodedRow> decode(
      String text, List<TableFieldSchema> fields, CsvOptions options) {
    List<DecodedRow> out = new ArrayList<>();
    decode(new StringReader(text), fields, options, out::add);
    return out;
  }

  /** Decodes CSV from a reader, one record at a time. */
  public static void decode(
      Reader reader, List<TableFieldSchema> fields, CsvOptions options, Consumer<DecodedRow> sink) {
    for (TableFieldSchema field : fields) {
      BigQueryType type = BigQueryType.of(field);
      if (type == BigQueryType.RECORD || BigQueryType.isRepeated(field)) {
        throw ApiException.invalid(
            "CSV format does not support nested or repeated field " + field.getName());
      }
    }
    Records records = new Records(new BufferedReader(reader, 1 << 16), options);
    long skipped = 0;
    Record record;
    try {
      while ((record = records.next()) != null) {
        if (skipped < options.skipLeadingRows()) {
          skipped++;
          continue;
        }
        if (record.error != null) {
          sink.accept(
              new DecodedRow(record.line, null, List.of(FieldError.invalid("", record.error))));
          continue;
        }
        sink.accept(row(record, fields, options));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DecodedRow row(Record record, List<TableFieldSchema> fields, CsvOptions options) {
    List<FieldError> errors = new ArrayList<>();
    int n = record.values.size();
    if (n < fields.size() && !options.allowJaggedRows()) {
      errors.add(
          FieldError.invalid(
              "",
              "Error while reading data, error message: CSV table references column position "
                  + (fields.size() - 1)
                  + ", but line starting at line "
                  + record.line
                  + " contains only "
                  + n
                  + " columns (too few columns: expected "
                  + fields.size()
                  + ")"));
    }
    if (n > fields.size() && !options.ignoreUnknownValues()) {
      errors.add(
          FieldError.invalid(
              "",
              "Error while reading data, error message: Too many values in line "
                  + record.line
                  + ": expected "
                  + fields.size()
                  + " column(s) but got "
                  + n));
    }
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      TableFieldSchema field = fields.get(i);
      String value = i < n ? record.values.get(i) : null;
      boolean quoted = i < n && record.quoted.get(i);
      BigQueryType type = BigQueryType.of(field);
      Object canonical = null;
      try {
        if (value != null
            && !(value.equals(options.nullMarker())
                && !(quoted
                    && value.isEmpty()
                    && (type == BigQueryType.STRING || type == BigQueryType.BYTES)))) {
          canonical = JsonRowCodec.fromText(type, value, true, field.getName());
        } else if (BigQueryType.isRequired(field)) {
          throw new CanonicalRows.Problem(
              field.getName(), "Missing required field: " + field.getName() + ".");
        }
      } catch (CanonicalRows.Problem p) {
        errors.add(
            FieldError.invalid(
                field.getName(),
                "Could not parse '"
                    + (value == null ? "" : value)
                    + "' as "
                    + type
                    + " for field "
                    + field.getName()
                    + " (position "
                    + i
                    + ") starting at line "
                    + record.line
                    + ", column "
                    + (i + 1)
                    + ": "
                    + p.detail));
      }
      row.put(field.getName(), canonical);
    }
    return errors.isEmpty()
        ? new DecodedRow(record.line, row, List.of())
        : new DecodedRow(record.line, null, errors);
  }

  /** One CSV record: its values, whether each was quoted, its first line, or an error. */
  private static final class Record {
    final long line;
    final List<String> values = new ArrayList<>();
    final List<Boolean> quoted = new ArrayList<>();
    @Nullable String error;

    Record(long line) {
      this.line = line;
    }
  }

  /** An RFC 4180 record reader with BigQuery's options. */
  private static final class Records {
    private final BufferedReader in;
    private final char delimiter;
    private final int quote;
    private final boolean quotedNewlines;
    private long line = 1;
    private boolean first = true;
    private int pushedBack = -2;

    Records(BufferedReader in, CsvOptions options) {
      this.in = in;
      this.delimiter = options.fieldDelimiter().charAt(0);
      this.quote = options.quote().isEmpty() ? -1 : options.quote().charAt(0);
      this.quotedNewlines = options.allowQuotedNewlines();
    }

    private int read() throws IOException {
      if (pushedBack != -2) {
        int c = pushedBack;
        pushedBack = -2;
        return c;
      }
      int c = in.read();
      if (first) {
        first = false;
        if (c == '\uFEFF') {
          c = in.read();
        }
      }
      return c;
    }

    /** The next record, or null at the end; blank lines are skipped. */
    @Nullable Record next() throws IOException {
      int c = read();
      while (c == '\n' || c == '\r') {
        if (c == '\r') {
          int d = read();
          if (d != '\n') {
            pushedBack = d;
          }
        }
        line++;
        c = read();
      }
      if (c == -1) {
        return null;
      }
      Record record = new Record(line);
      StringBuilder value = new StringBuilder();
      boolean inQuotes = false;
      boolean wasQuoted = false;
      boolean afterQuote = false;
      while (true) {
        if (inQuotes) {
          if (c == -1) {
            record.error =
                "Error detected while parsing row starting at line "
                    + record.line
                    + ": Missing close double quote (\") character.";
            return record;
          }
          if (c == quote) {
            int d = read();
            if (d == quote) {
              value.append((char) quote);
            } else {
              inQuotes = false;
              afterQuote = true;
              c = d;
              continue;
            }
          } else {
            if (c == '\n' || c == '\r') {
              if (!quotedNewlines) {
                record.error =
                    "Error detected while parsing row starting at line "
                        + record.line
                        + ": Missing close double quote (\") character (a quoted value spans lines;"
                        + " allowQuotedNewlines is false).";
                skipToLineEnd(c);
                return record;
              }
              if (c == '\n') {
                line++;
              } else {
                int d = read();
                if (d != '\n') {
                  pushedBack = d;
                } else {
                  value.append('\r');
                  c = d;
                }
                line++;
              }
            }
            value.append((char) c);
          }
          c = read();
          continue;
        }
        if (c == delimiter || c == '\n' || c == '\r' || c == -1) {
          record.values.add(value.toString());
          record.quoted.add(wasQuoted);
          value.setLength(0);
          wasQuoted = false;
          afterQuote = false;
          if (c == delimiter) {
            c = read();
            continue;
          }
          if (c == '\r') {
            int d = read();
            if (d != '\n') {
              pushedBack = d;
            }
          }
          if (c != -1) {
            line++;
          }
          return record;
        }
        if (afterQuote) {
          record.error =
              "Error detected while parsing row starting at line "
                  + record.line
                  + ": Data between close double quote (\") and field separator.";
          skipToLineEnd(c);
          return record;
        }
        if (c == quote && value.length() == 0 && !wasQuoted) {
          inQuotes = true;
          wasQuoted = true;
        } else {
          value.append((char) c);
        }
        c = read();
      }
    }

    private void skipToLineEnd(int c) throws IOException {
      while (c != -1 && c != '\n' && c != '\r') {
        c = read();
      }
      if (c == '\r') {
        int d = read();
        if (d != '\n') {
          pushedBack = d;
        }
      }
      if (c != -1) {
        line++;
      }
    }
  }

  /**
   * One canonical row as a CSV line (without the line end), in the forms BigQuery's CSV export
   * writes (TIMESTAMP as {@code 2024-04-10 18:30:00.123456 UTC}, BYTES base64); NULL is the null
   * marker, an empty STRING is {@code ""}; values are quoted when needed.
   */
  public static String encode(
      Map<String, @Nullable Object> row, List<TableFieldSchema> fields, CsvOptions options) {
    StringBuilder out = new StringBuilder();
    char delimiter = options.fieldDelimiter().charAt(0);
    String quote = options.quote().isEmpty() ? "\"" : options.quote();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(delimiter);
      }
      TableFieldSchema field = fields.get(i);
      Object value = row.get(field.getName());
      if (value == null) {
        out.append(options.nullMarker());
        continue;
      }
      String text = text(BigQueryType.of(field), value);
      boolean needsQuotes =
          text.isEmpty()
              || text.equals(options.nullMarker())
              || text.indexOf(delimiter) >= 0
              || text.contains(quote)
              || text.indexOf('\n') >= 0
              || text.indexOf('\r') >= 0;
      if (needsQuotes) {
        out.append(quote).append(text.replace(quote, quote + quote)).append(quote);
      } else {
        out.append(text);
      }
    }
    return out.toString();
  }

  private static String text(BigQueryType type, Object value) {
    return switch (type) {
      case INT64, BOOL -> value.toString();
      case FLOAT64 -> ValueText.float64((Double) value);
      case NUMERIC, BIGNUMERIC -> ValueText.decimal((BigDecimal) value);
      case STRING, GEOGRAPHY, JSON -> (String) value;
      case BYTES -> Base64.getEncoder().encodeToString((byte[]) value);
      case DATE -> ((LocalDate) value).toString();
      case DATETIME -> ValueText.datetime((LocalDateTime) value);
      case TIME -> ValueText.time((LocalTime) value);
      case TIMESTAMP -> {
        LocalDateTime utc = LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
        yield utc.toLocalDate() + " " + ValueText.time(utc.toLocalTime()) + " UTC";
      }
      case RECORD -> throw new IllegalArgumentException("RECORD in CSV");
    };
  }
}
