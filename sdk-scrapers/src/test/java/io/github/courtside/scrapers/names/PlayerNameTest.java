package io.github.courtside.scrapers.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlayerNameTest {

  @Test
  void lookupKeysFollowTheSharedNormaliserAndKeepSuffixes() {
    assertEquals("scottypippenjr", PlayerName.of("Scotty Pippen Jr.").lookupKey());
    assertEquals("marcusmorrissr", PlayerName.of("Marcus Morris Sr.").lookupKey());
    assertEquals("lukadoncic", PlayerName.of("Luka Dončić").lookupKey());
    assertEquals("deaaronfox", PlayerName.of("De’Aaron Fox").lookupKey());
    assertEquals("johnnyobryantiii", PlayerName.of("Johnny O'Bryant III").lookupKey());
    assertEquals("alperensengun", PlayerName.of("Alperen Şengün").lookupKey());
    assertEquals("karlanthonytowns", PlayerName.of("Karl-Anthony Towns").lookupKey());
    assertEquals("tonyjr", PlayerName.of("Tony Junior").lookupKey());
  }

  /**
   * Spec §A.23: the old injury processor deleted "jr" anywhere, so "Jrue Holiday" became
   * "ueholiday".
   */
  @Test
  void suffixesAreOnlyWholeTrailingWords() {
    assertEquals("jrueholiday", PlayerName.of("Jrue Holiday").lookupKey());
    assertEquals("jrueholiday", PlayerName.of("Jrue Holiday").lookupKeyWithoutSuffix());
    assertEquals(Optional.empty(), PlayerName.of("Sasha Vezenkov").suffix());
    assertEquals("sashavezenkov", PlayerName.of("Sasha Vezenkov").lookupKeyWithoutSuffix());
    assertEquals(Optional.of("II"), PlayerName.of("Gary Payton II").suffix());
    assertEquals("Gary Payton", PlayerName.of("Gary Payton II").withoutSuffix());
    assertEquals("marcusmorris", PlayerName.of("Marcus Morris Sr.").lookupKeyWithoutSuffix());
    assertEquals(Optional.of("Jr."), PlayerName.of("Jackson Jr.").suffix());
  }

  @Test
  void printedNamesKeepDiacriticsAndCurlyApostrophesWithCollapsedSpaces() {
    assertEquals("De’Aaron Fox", PlayerName.of("  De’Aaron \u00A0 Fox ").printed());
    assertEquals("Nikola Jokić", PlayerName.of("Nikola Jokić").printed());
  }

  @Test
  void lastFirstNamesTurnAround() {
    assertEquals("David Duke Jr.", PlayerName.fromLastFirst("Duke Jr., David").printed());
    assertEquals("Gary Payton II", PlayerName.fromLastFirst("Payton II, Gary").printed());
    assertEquals("Nene", PlayerName.fromLastFirst("Nene").printed());
  }

  @Test
  void blankNamesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> PlayerName.of("   "));
  }
}
