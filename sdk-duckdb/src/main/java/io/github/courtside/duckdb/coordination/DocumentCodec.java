package io.github.courtside.duckdb.coordination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes document fields as JSON that keeps their types: each value is an object with one key
 * naming the type ({@code s} string, {@code l} long, {@code d} double, {@code b} boolean, {@code t}
 * timestamp, {@code m} map, {@code a} array of tagged values). Doubles and timestamps travel as
 * text so they round-trip exactly.
 */
final class DocumentCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DocumentCodec() {}

  static String encode(Map<String, Object> fields) {
    try {
      return JSON.writeValueAsString(encodeMap(fields));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode document fields", e);
    }
  }

  static Map<String, Object> decode(String json) {
    try {
      return decodeMap(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored document fields are not valid JSON: " + json, e);
    }
  }

  private static ObjectNode encodeMap(Map<String, Object> fields) {
    ObjectNode node = JSON.createObjectNode();
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      node.set(field.getKey(), encodeValue(field.getValue()));
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static ObjectNode encodeValue(Object value) {
    ObjectNode tagged = JSON.createObjectNode();
    if (value instanceof String text) {
      tagged.put("s", text);
    } else if (value instanceof Long number) {
      tagged.put("l", number);
    } else if (value instanceof Double number) {
      tagged.put("d", Double.toString(number));
    } else if (value instanceof Boolean flag) {
      tagged.put("b", flag);
    } else if (value instanceof Instant instant) {
      tagged.put("t", instant.toString());
    } else if (value instanceof Map<?, ?> map) {
      tagged.set("m", encodeMap((Map<String, Object>) map));
    } else if (value instanceof List<?> list) {
      ArrayNode array = tagged.putArray("a");
      list.forEach(element -> array.add(encodeValue(element)));
    } else {
      throw new IllegalArgumentException("unsupported field value " + value.getClass());
    }
    return tagged;
  }

  private static Map<String, Object> decodeMap(JsonNode node) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      fields.put(entry.getKey(), decodeValue(entry.getValue()));
    }
    return fields;
  }

  private static List<Object> decodeArray(JsonNode array) {
    List<Object> elements = new ArrayList<>(array.size());
    array.forEach(element -> elements.add(decodeValue(element)));
    return elements;
  }

  private static Object decodeValue(JsonNode tagged) {
    Map.Entry<String, JsonNode> only = tagged.properties().iterator().next();
    JsonNode value = only.getValue();
    return switch (only.getKey()) {
      case "s" -> value.asText();
      case "l" -> value.asLong();
      case "d" -> Double.parseDouble(value.asText());
      case "b" -> value.asBoolean();
      case "t" -> Instant.parse(value.asText());
      case "m" -> decodeMap(value);
      case "a" -> decodeArray(value);
      default -> throw new IllegalStateException("unknown value tag " + only.getKey());
    };
  }
}
