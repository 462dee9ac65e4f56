package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.ErrorProto;
import com.google.api.services.bigquery.model.JobConfigurationLoad;
import com.google.api.services.bigquery.model.TableFieldSchema;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CSV load data (RFC 4180) to canonical rows, with the load options BigQuery reads: {@code
 * fieldDelimiter}, {@code quote}, {@code skipLeadingRows}, {@code allowQuotedNewlines}, {@code
 * allowJaggedRows}, {@code ignoreUnknownValues}, {@code nullMarker}, {@code encoding}. An unquoted
 * empty field (or the null marker) is NULL; columns map to the schema's fields by position.
 */
final class CsvReader {
  private final char delimiter;
  private final int quote;
  private final int skipLeadingRows;
  private final boolean allowQuotedNewlines;
  private final boolean allowJaggedRows;
  private final boolean ignoreUnknownValues;
  private final @Nullable String nullMarker;
  private final Charset charset;

  CsvReader(JobConfigurationLoad load) {
    this.delimiter = delimiter(load.getFieldDelimiter());
    String q = load.getQuote();
    this.quote = q == null ? '"' : q.isEmpty() ? -1 : q.charAt(0);
    this.skipLeadingRows = load.getSkipLeadingRows() == null ? 0 : load.getSkipLeadingRows();
    this.allowQuotedNewlines = Boolean.TRUE.equals(load.getAllowQuotedNewlines());
    this.allowJaggedRows = Boolean.TRUE.equals(load.getAllowJaggedRows());
    this.ignoreUnknownValues = Boolean.TRUE.equals(load.getIgnoreUnknownValues());
    this.nullMarker = load.getNullMarker();
    String encoding = load.getEncoding();
    this.charset =
        encoding == null || encoding.equalsIgnoreCase("UTF-8")
            ? StandardCharsets.UTF_8
            : encoding.equalsIgnoreCase("ISO-8859-1")
                ? StandardCharsets.ISO_8859_1
                : unsupportedEncoding(encoding);
  }

  private static Charset unsupportedEncoding(String encoding) {
    throw ApiException.notSupported("CSV encoding " + encoding);
  }

  private static char delimiter(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return ',';
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "\\t", "tab" -> '\t';
      default -> text.charAt(0);
    };
  }

  LoadedRows read(byte[] data, List<TableFieldSchema> fields) {
    for (TableFieldSchema field : fields) {
      String type = field.getType() == null ? "" : field.getType().toUpperCase(Locale.ROOT);
      if ("REPEATED".equals(field.getMode()) || type.equals("RECORD") || type.equals("STRUCT")) {
        throw ApiException.invalid(
            "CSV load data cannot hold nested or repeated field " + field.getName());
      }
    }
    String text = new String(data, charset);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    List<ErrorProto> bad = new ArrayList<>();
    long goodBytes = 0;
    int pos = 0;
    int record = 0;
    while (pos < text.length()) {
      int start = pos;
      List<String> values = new ArrayList<>();
      List<Boolean> quoted = new ArrayList<>();
      String problem = null;
      StringBuilder field = new StringBuilder();
      boolean inQuotes = false;
      boolean wasQuoted = false;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (inQuotes) {
          if (c == quote) {
            if (pos + 1 < text.length() && text.charAt(pos + 1) == quote) {
              field.append(c);
              pos += 2;
              continue;
            }
            inQuotes = false;
            pos++;
            continue;
          }
          if ((c == '\n' || c == '\r') && !allowQuotedNewlines) {
            problem = "Missing close double quote (\") character.";
          }
          field.append(c);
          pos++;
          continue;
        }
        if (c == quote && field.length() == 0 && !wasQuoted) {
          inQuotes = true;
          wasQuoted = true;
          pos++;
          continue;
        }
        if (c == delimiter) {
          values.add(field.toString());
          quoted.add(wasQuoted);
          field.setLength(0);
          wasQuoted = false;
          pos++;
          continue;
        }
        if (c == '\n' || c == '\r') {
          pos++;
          if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
          }
          break;
        }
        field.append(c);
        pos++;
      }
      if (inQuotes) {
        problem = "Missing close double quote (\") character.";
      }
      values.add(field.toString());
      quoted.add(wasQuoted);
      record++;
      if (record <= skipLeadingRows) {
        continue;
      }
      if (values.size() == 1 && values.get(0).isEmpty() && !quoted.get(0)) {
        continue; // a blank line
      }
      try {
        if (problem != null) {
          throw ApiException.invalid(problem);
        }
        rows.add(row(fields, values, quoted));
        goodBytes += pos - start;
      } catch (ApiException e) {
        bad.add(
            new ErrorProto()
                .setReason("invalid")
                .setMessage(
                    "Error while reading data, error message: CSV processing encountered an error"
                        + " in row starting at position "
                        + start
                        + ": "
                        + e.getMessage()));
      }
    }
    return new LoadedRows(rows, bad, goodBytes);
  }

  private Map<String, @Nullable Object> row(
      List<TableFieldSchema> fields, List<String> values, List<Boolean> quoted) {
    if (values.size() > fields.size() && !ignoreUnknownValues) {
      throw ApiException.invalid(
          "Too many values in row: "
              + values.size()
              + " columns for "
              + fields.size()
              + " fields.");
    }
    if (values.size() < fields.size() && !allowJaggedRows) {
      throw ApiException.invalid(
          "Too few columns: expected "
              + fields.size()
              + " column(s) but got "
              + values.size()
              + " column(s).");
    }
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      TableFieldSchema field = fields.get(i);
      String value = i < values.size() ? values.get(i) : null;
      boolean wasQuoted = i < quoted.size() && quoted.get(i);
      boolean isNull =
          value == null
              || (nullMarker != null
                  ? value.equals(nullMarker) && !wasQuoted
                  : value.isEmpty() && !wasQuoted)
              || (value.isEmpty() && !isText(field));
      if (value == null || isNull) {
        if ("REQUIRED".equals(field.getMode())) {
          throw ApiException.invalid("Required field " + field.getName() + " cannot be null");
        }
        row.put(field.getName(), null);
        continue;
      }
      try {
        row.put(field.getName(), CellDecoder.text(field, value));
      } catch (RuntimeException e) {
        throw ApiException.invalid(
            "Could not parse '"
                + value
                + "' as "
                + field.getType()
                + " for field "
                + field.getName()
                + " (position "
                + i
                + ")");
      }
    }
    return row;
  }

  private static boolean isText(TableFieldSchema field) {
    String type = field.getType() == null ? "STRING" : field.getType().toUpperCase(Locale.ROOT);
    return type.equals("STRING") || type.equals("BYTES");
  }
}
