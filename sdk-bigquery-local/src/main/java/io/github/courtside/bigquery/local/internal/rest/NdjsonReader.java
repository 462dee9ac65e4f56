package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.client.json.GenericJson;
import com.google.api.services.bigquery.model.ErrorProto;
import com.google.api.services.bigquery.model.TableFieldSchema;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Newline-delimited JSON load data to canonical rows, one bad record per failing line. */
final class NdjsonReader {
  private NdjsonReader() {}

  static LoadedRows read(byte[] data, List<TableFieldSchema> fields, boolean ignoreUnknownValues) {
    CellDecoder decoder = new CellDecoder(ignoreUnknownValues);
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    List<ErrorProto> bad = new ArrayList<>();
    long goodBytes = 0;
    int start = 0;
    while (start < data.length) {
      int end = start;
      while (end < data.length && data[end] != '\n') {
        end++;
      }
      String line = new String(data, start, end - start, StandardCharsets.UTF_8).strip();
      if (!line.isEmpty()) {
        try {
          if (!line.startsWith("{")) {
            throw new IOException("a JSON object was expected");
          }
          GenericJson json = JsonCodec.parse(line, GenericJson.class);
          rows.add(decoder.row(fields, json));
          goodBytes += end - start;
        } catch (IOException | IllegalArgumentException e) {
          bad.add(error(start, e.getMessage()));
        } catch (ApiException e) {
          bad.add(
              error(
                  start, e.getMessage() + (e.location() == null ? "" : " Field: " + e.location())));
        }
      }
      start = end + 1;
    }
    return new LoadedRows(rows, bad, goodBytes);
  }

  private static ErrorProto error(int position, @Nullable String message) {
    return new ErrorProto()
        .setReason("invalid")
        .setMessage(
            "Error while reading data, error message: JSON parsing error in row starting at"
                + " position "
                + position
                + ": "
                + message);
  }
}
