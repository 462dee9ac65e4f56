package io.github.courtside.core.completion;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns arbitrary item and scope keys into document ids every store accepts: letters, digits and
 * {@code -} stay, every other UTF-8 byte becomes {@code ~HH}. The old tracker used player keys as
 * Firestore field paths and failed on non-alphanumeric characters (I-7); here keys are never paths.
 */
final class ItemIds {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ItemIds() {}

  static String encode(String key) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("an item or scope key must not be empty");
    }
    byte[] utf8;
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(key));
      utf8 = new byte[encoded.remaining()];
      encoded.get(utf8);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "key is not valid Unicode text (a lone surrogate?): '" + key + "'", e);
    }
    StringBuilder out = new StringBuilder(key.length() + 8);
    for (byte b : utf8) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
        out.append((char) c);
      } else {
        out.append('~').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  static String decode(String id) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(id.length());
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '~' && i + 2 < id.length()) {
        bytes.write(Integer.parseInt(id.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
