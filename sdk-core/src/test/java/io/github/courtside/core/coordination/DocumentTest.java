package io.github.courtside.core.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentTest {

  @Test
  void fieldsWithTheStoresReservedPrefixAreRefusedWithTheFieldNamed() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> Document.of("locks/a", Map.of("_courtside_write", "x")));
    assertTrue(refused.getMessage().contains("_courtside_write"), refused.getMessage());
    // nested maps and lookalikes are the user's
    Document.of("locks/a", Map.of("nested", Map.of("_courtside_write", "x"), "_courtside", 1L));
  }

  @Test
  void truncatedToMicrosCutsEveryTimestampIncludingNestedOnesAndKeepsTheRest() {
    Instant nanos = Instant.parse("2024-04-10T19:30:00.123456789Z");
    Document document =
        Document.of("c/d", Map.of("at", nanos, "n", 1L, "inner", Map.of("at", nanos, "s", "x")));
    Document truncated = document.truncatedToMicros();
    Instant micros = Instant.parse("2024-04-10T19:30:00.123456Z");
    assertEquals(
        Map.of("at", micros, "n", 1L, "inner", Map.of("at", micros, "s", "x")), truncated.fields());
    assertEquals("c/d", truncated.path());
    assertSame(truncated, truncated.truncatedToMicros(), "nothing left to truncate");
  }
}
