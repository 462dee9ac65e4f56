package io.github.courtside.scrapers.gamebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares an expected JSON document with an actual one: every expected key must be present with an
 * equal value (numbers numerically, "team" case-insensitively, arrays element by element); extra
 * actual keys are allowed.
 */
final class JsonSubset {
  private JsonSubset() {}

  static List<String> differences(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare("$", expected, actual, out);
    return out;
  }

  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (actual == null || actual.isMissingNode()) {
      out.add(path + ": missing, expected " + expected);
      return;
    }
    if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = actual.get(field.getKey());
        String child = path + "." + field.getKey();
        if (field.getKey().equals("team") && value != null && field.getValue().isTextual()) {
          if (!field
              .getValue()
              .asText()
              .toLowerCase(Locale.ROOT)
              .equals(value.asText().toLowerCase(Locale.ROOT))) {
            out.add(child + ": expected " + field.getValue() + " got " + value);
          }
          continue;
        }
        compare(child, field.getValue(), value, out);
      }
    } else if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        out.add(path + ": expected " + expected.size() + " elements, got " + actual);
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(path + "[" + i + "]", expected.get(i), actual.get(i), out);
      }
    } else if (expected.isNumber()) {
      if (!actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
        out.add(path + ": expected " + expected + " got " + actual);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": expected " + expected + " got " + actual);
    }
  }
}
