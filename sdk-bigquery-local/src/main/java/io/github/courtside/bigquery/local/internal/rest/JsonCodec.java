package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.client.json.GenericJson;
import com.google.api.client.json.JsonParser;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.Data;
import com.google.api.client.util.GenericData;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the REST resources with the client library's own JSON machinery ({@link
 * GsonFactory} and the {@code com.google.api.services.bigquery.model} classes), so the wire format
 * is exactly the one the Java client produces and expects.
 */
final class JsonCodec {
  private static final GsonFactory FACTORY = GsonFactory.getDefaultInstance();

  private JsonCodec() {}

  /** Parses a JSON body into a model class; an empty body gives a new, empty instance. */
  static <T> T parse(byte[] body, Class<T> type) {
    try {
      if (isBlank(body)) {
        return type.getDeclaredConstructor().newInstance();
      }
      String text = new String(body, StandardCharsets.UTF_8);
      if (text.contains("\"queryParameters\"")) {
        body = withTextParameterValues(body);
      }
      T parsed;
      try (JsonParser parser =
          FACTORY.createJsonParser(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
        parsed = parser.parse(type);
      }
      if (text.contains("null")) {
        clearNullMarkers(parsed);
      }
      return parsed;
    } catch (IOException | IllegalArgumentException e) {
      throw ApiException.invalid("Invalid JSON payload received: " + e.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate " + type, e);
    }
  }

  /**
   * Query parameter values are strings in the REST model, but clients (the Node.js one) send JSON
   * numbers and booleans, which BigQuery accepts: those become their text before typed parsing.
   */
  private static byte[] withTextParameterValues(byte[] body) throws IOException {
    GenericJson json;
    try (JsonParser parser =
        FACTORY.createJsonParser(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
      json = parser.parse(GenericJson.class);
    }
    textValues(json, false);
    return FACTORY.toByteArray(json);
  }

  /**
   * Explicit JSON {@code null}s ({@code "skipInvalidRows": null}, {@code "dryRun": null}: what
   * discovery-based clients such as {@code bq} send for every unset field) mean "absent" to
   * BigQuery, but the model reads them as its null markers, and its null Boolean is TRUE: after
   * parsing, every null marker in the tree becomes absent (a field set to null, a map key removed).
   */
  private static void clearNullMarkers(@Nullable Object node) {
    if (node instanceof GenericData data) {
      for (String key : new ArrayList<>(data.keySet())) {
        Object value = data.get(key);
        if (value != null && Data.isNull(value)) {
          if (data.getClassInfo().getFieldInfo(key) != null) {
            data.set(key, null);
          } else {
            data.remove(key);
          }
        } else {
          clearNullMarkers(value);
        }
      }
    } else if (node instanceof Map<?, ?> map) {
      List<Object> nullKeys = new ArrayList<>();
      map.forEach(
          (key, value) -> {
            if (value != null && Data.isNull(value)) {
              nullKeys.add(key);
            } else {
              clearNullMarkers(value);
            }
          });
      nullKeys.forEach(map::remove);
    } else if (node instanceof List<?> list) {
      list.forEach(JsonCodec::clearNullMarkers);
    }
  }

  @SuppressWarnings("unchecked")
  private static void textValues(@Nullable Object node, boolean inParameters) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
        Object value = entry.getValue();
        if (inParameters
            && entry.getKey().equals("value")
            && (value instanceof Number || value instanceof Boolean)) {
          entry.setValue(value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
        } else {
          textValues(value, inParameters || entry.getKey().equals("queryParameters"));
        }
      }
    } else if (node instanceof List<?> list) {
      for (Object element : list) {
        textValues(element, inParameters);
      }
    }
  }

  /** Writes a model object (or any value the factory can write) as JSON text. */
  static String write(Object value, boolean pretty) {
    try {
      return pretty ? FACTORY.toPrettyString(value) : FACTORY.toString(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
