package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.client.json.JsonParser;
import com.google.api.client.json.gson.GsonFactory;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
      try (JsonParser parser =
          FACTORY.createJsonParser(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
        return parser.parse(type);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw ApiException.invalid("Invalid JSON payload received: " + e.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate " + type, e);
    }
  }

  /** Parses one JSON text (a line of newline-delimited JSON, for example). */
  static <T> T parse(String text, Class<T> type) throws IOException {
    try (JsonParser parser = FACTORY.createJsonParser(text)) {
      return parser.parse(type);
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
