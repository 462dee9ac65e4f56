package io.github.courtside.core.batch;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of a dead-letter line: a flat object of text, whole numbers, decimals, booleans and
 * null, with one nested object under {@code "row"}. Writes and reads just that.
 */
final class NdjsonLines {
  private NdjsonLines() {}

  static void writeObject(
      StringBuilder out, Map<String, @Nullable Object> fields, Map<String, @Nullable Object> row) {
    out.append('{');
    for (Map.Entry<String, @Nullable Object> field : fields.entrySet()) {
      writeString(out, field.getKey());
      out.append(':');
      writeValue(out, field.getValue());
      out.append(',');
    }
    writeString(out, "row");
    out.append(":{");
    boolean first = true;
    for (Map.Entry<String, @Nullable Object> column : row.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(out, column.getKey());
      out.append(':');
      writeValue(out, column.getValue());
    }
    out.append("}}");
  }

  private static void writeValue(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      out.append(value);
    } else if (value instanceof Double number && Double.isFinite(number)) {
      out.append(number); // always with '.' or 'E', so it reads back as a Double
    } else {
      writeString(out, value instanceof BigDecimal d ? d.toPlainString() : value.toString());
    }
  }

  private static void writeString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * The row of a dead-letter line. Throws {@link IllegalArgumentException} if it does not parse.
   */
  static Map<String, @Nullable Object> rowOf(String json) {
    Object row = fieldsOf(json).get("row");
    if (!(row instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("no row object");
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> values = (Map<String, @Nullable Object>) map;
    return values;
  }

  static Map<String, @Nullable Object> fieldsOf(String json) {
    Parser parser = new Parser(json);
    Map<String, @Nullable Object> fields = parser.object();
    parser.skipSpace();
    if (parser.pos != json.length()) {
      throw new IllegalArgumentException("trailing text at " + parser.pos);
    }
    return fields;
  }

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private char next() {
      if (pos >= text.length()) {
        throw new IllegalArgumentException("line ends early at " + pos);
      }
      return text.charAt(pos++);
    }

    private void expect(char c) {
      skipSpace();
      char got = next();
      if (got != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + (pos - 1));
      }
    }

    Map<String, @Nullable Object> object() {
      expect('{');
      Map<String, @Nullable Object> fields = new LinkedHashMap<>();
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == '}') {
        pos++;
        return fields;
      }
      while (true) {
        skipSpace();
        expect('"');
        String key = stringBody();
        expect(':');
        fields.put(key, value());
        skipSpace();
        char c = next();
        if (c == '}') {
          return fields;
        }
        if (c != ',') {
          throw new IllegalArgumentException("expected ',' or '}' at " + (pos - 1));
        }
      }
    }

    private @Nullable Object value() {
      skipSpace();
      if (pos >= text.length()) {
        throw new IllegalArgumentException("line ends early at " + pos);
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return stringBody();
      }
      if (c == '{') {
        return object();
      }
      if (text.startsWith("null", pos)) {
        pos += 4;
        return null;
      }
      if (text.startsWith("true", pos)) {
        pos += 4;
        return true;
      }
      if (text.startsWith("false", pos)) {
        pos += 5;
        return false;
      }
      int start = pos;
      while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
      String number = text.substring(start, pos);
      try {
        return number.contains(".") || number.contains("e") || number.contains("E")
            ? (Object) Double.parseDouble(number)
            : (Object) Long.parseLong(number);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad value at " + start);
      }
    }

    private String stringBody() {
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = next();
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (pos + 4 > text.length()) {
              throw new IllegalArgumentException("line ends early at " + pos);
            }
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> out.append(e);
        }
      }
    }
  }
}
