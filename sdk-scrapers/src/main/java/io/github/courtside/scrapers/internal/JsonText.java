package io.github.courtside.scrapers.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.courtside.core.CourtsideException;
import io.github.courtside.scrapers.JsonStyle;

/**
 * Writes the parsers' JSON trees in a {@link JsonStyle}; shared by the gamebook and injury-report
 * writers. Not part of the API.
 */
public final class JsonText {
  /** The mapper both writers build their trees with. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonText() {}

  /**
   * The tree as text in {@code style}.
   *
   * @param what names the document in the error, e.g. "gamebook"
   */
  public static String write(JsonNode tree, JsonStyle style, String what) {
    ObjectWriter writer = MAPPER.writer();
    if (style.indented()) {
      writer = writer.with(SerializationFeature.INDENT_OUTPUT);
    }
    if (style.escapeNonAscii()) {
      writer = writer.with(JsonWriteFeature.ESCAPE_NON_ASCII);
    }
    try {
      return writer.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new CourtsideException("cannot write " + what + " JSON: " + e.getMessage(), e);
    }
  }
}
