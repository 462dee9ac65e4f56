package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.ErrorProto;
import com.google.api.services.bigquery.model.JobConfigurationLoad;
import com.google.api.services.bigquery.model.TableFieldSchema;
import io.github.courtside.bigquery.local.internal.storage.CsvOptions;
import io.github.courtside.bigquery.local.internal.storage.CsvRowCodec;
import io.github.courtside.bigquery.local.internal.storage.DecodedRow;
import io.github.courtside.bigquery.local.internal.storage.FieldError;
import io.github.courtside.bigquery.local.internal.storage.JsonRowCodec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a load job read from its data with the storage codecs ({@link CsvRowCodec}, {@link
 * JsonRowCodec}): the good rows (canonical values), the number of bad records, their errors (each
 * naming the line, and the column or field when known), and how many bytes the good rows took in
 * the input.
 */
record LoadedRows(
    List<Map<String, @Nullable Object>> rows,
    int badRecords,
    List<ErrorProto> errors,
    long goodBytes) {
  LoadedRows {
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
  }

  /** CSV data, with the load's CSV options. */
  static LoadedRows csv(byte[] data, List<TableFieldSchema> fields, JobConfigurationLoad load) {
    List<DecodedRow> decoded = new ArrayList<>();
    CsvRowCodec.decode(new ByteArrayInputStream(data), fields, CsvOptions.of(load), decoded::add);
    List<Integer> lineStarts = lineStarts(data);
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    List<ErrorProto> errors = new ArrayList<>();
    int bad = 0;
    long goodBytes = 0;
    for (int k = 0; k < decoded.size(); k++) {
      DecodedRow row = decoded.get(k);
      if (row.ok()) {
        int start = offset(lineStarts, row.index(), data.length);
        int end =
            k + 1 < decoded.size()
                ? offset(lineStarts, decoded.get(k + 1).index(), data.length)
                : data.length;
        goodBytes += end - start;
        rows.add(java.util.Objects.requireNonNull(row.row()));
      } else {
        bad++;
        row.errors().forEach(e -> errors.add(proto(e, e.message())));
      }
    }
    return new LoadedRows(rows, bad, errors, goodBytes);
  }

  /** Newline-delimited JSON data: one JSON object per line, blank lines skipped. */
  static LoadedRows ndjson(byte[] data, List<TableFieldSchema> fields, boolean ignoreUnknown) {
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    List<ErrorProto> errors = new ArrayList<>();
    int bad = 0;
    long goodBytes = 0;
    long lineNumber = 0;
    int start = 0;
    while (start < data.length) {
      int end = start;
      while (end < data.length && data[end] != '\n') {
        end++;
      }
      lineNumber++;
      String line = new String(data, start, end - start, StandardCharsets.UTF_8).strip();
      if (!line.isEmpty()) {
        DecodedRow row = JsonRowCodec.decodeLine(lineNumber, line, fields, ignoreUnknown);
        if (row.ok()) {
          rows.add(java.util.Objects.requireNonNull(row.row()));
          goodBytes += end - start;
        } else {
          bad++;
          for (FieldError e : row.errors()) {
            errors.add(
                proto(
                    e,
                    e.location().isEmpty()
                        ? e.message()
                        : "Error while reading data, error message: JSON processing encountered"
                            + " an error in row starting at line "
                            + lineNumber
                            + ": "
                            + e.message()));
          }
        }
      }
      start = end + 1;
    }
    return new LoadedRows(rows, bad, errors, goodBytes);
  }

  private static ErrorProto proto(FieldError error, String message) {
    ErrorProto out = new ErrorProto().setReason(error.reason()).setMessage(message);
    return error.location().isEmpty() ? out : out.setLocation(error.location());
  }

  /** The byte offset where each line starts (line 1 at index 0); CR, LF and CRLF end lines. */
  private static List<Integer> lineStarts(byte[] data) {
    List<Integer> out = new ArrayList<>();
    out.add(0);
    for (int i = 0; i < data.length; i++) {
      if (data[i] == '\r' && i + 1 < data.length && data[i + 1] == '\n') {
        i++;
      }
      if (data[i] == '\n' || data[i] == '\r') {
        out.add(i + 1);
      }
    }
    return out;
  }

  private static int offset(List<Integer> lineStarts, long line, int length) {
    return line - 1 < lineStarts.size() ? lineStarts.get((int) (line - 1)) : length;
  }
}
