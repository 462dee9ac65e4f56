package io.github.courtside.core.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.github.courtside.core.coordination.DocumentPaths;
import org.junit.jupiter.api.Test;

class ItemIdsProperties {

  @Test
  void anyKeyBecomesAValidDocumentIdAndDecodesBack() {
    // valid text: BMP code points below the surrogates, plus supplementary characters
    qt().forAll(
            strings().betweenCodePoints(1, 0xD7FF).ofLengthBetween(1, 30), integers().between(0, 2))
        .checkAssert(
            (bmp, emoji) -> {
              String key = bmp + "\uD83C\uDFC0".repeat(emoji); // U+1F3C0, a basketball
              String id = ItemIds.encode(key);
              assertTrue(id.matches("[A-Za-z0-9~-]+"), id);
              DocumentPaths.child("c", id);
              assertEquals(key, ItemIds.decode(id));
            });
  }

  @Test
  void loneSurrogatesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ItemIds.encode("bad\uD800"));
    assertThrows(IllegalArgumentException.class, () -> ItemIds.encode(""));
  }

  @Test
  void distinctKeysGetDistinctIds() {
    qt().forAll(
            strings().basicLatinAlphabet().ofLengthBetween(1, 8),
            strings().basicLatinAlphabet().ofLengthBetween(1, 8))
        .assuming((a, b) -> !a.equals(b))
        .checkAssert((a, b) -> assertTrue(!ItemIds.encode(a).equals(ItemIds.encode(b))));
  }
}
