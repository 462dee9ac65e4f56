package io.github.courtside.testkit.gamebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.testkit.league.Leagues;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GamebookPdfsTest {

  @Test
  void theSameSeedGivesTheSameBytes() {
    List<RenderedGamebook> first = GamebookPdfs.rendered().samples(8L, 3);
    List<RenderedGamebook> second = GamebookPdfs.rendered().samples(8L, 3);
    assertEquals(first, second);
    assertNotEquals(first, GamebookPdfs.rendered().samples(9L, 3));
    assertArrayEquals(
        GamebookPdfWriter.create().write(Leagues.games().sample(1L)),
        GamebookPdfWriter.create().write(Leagues.games().sample(1L)),
        "the writer's file identifier comes from the content, not the clock");
  }

  @Test
  void sizeZeroIsTheStandardLayoutAndLargerSizesVaryIt() {
    assertEquals(
        GamebookPdfWriter.Style.standard(), GamebookPdfs.styles().resized(s -> 0).sample(1L));
    Set<GamebookPdfWriter.Family> families = new HashSet<>();
    Set<String> dashes = new HashSet<>();
    boolean pageBreaking = false;
    for (GamebookPdfWriter.Style style : GamebookPdfs.styles().samples(2L, 200)) {
      families.add(style.family());
      dashes.add(style.dash());
      pageBreaking |= style.bottomMargin() > 150;
      assertTrue(
          style.family() != GamebookPdfWriter.Family.COURIER || style.tableSize() <= 7.5f,
          style.toString());
    }
    assertEquals(Set.of(GamebookPdfWriter.Family.values()), families);
    assertEquals(Set.of("-", "\u2013", "\u2014"), dashes);
    assertTrue(pageBreaking);
  }
}
