package io.github.courtside.scrapers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.scrapers.gamebook.GamebookParserConfig;
import io.github.courtside.scrapers.injury.InjuryReportParserConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DocumentParserConfigTest {
  @Test
  void eachParserTracksUnderItsOwnNameWithTheSharedDefaults() {
    GamebookParserConfig gamebook = GamebookParserConfig.defaults();
    InjuryReportParserConfig injury = InjuryReportParserConfig.defaults();
    assertEquals("gamebook", gamebook.tracking().name());
    assertEquals("injury_report", injury.tracking().name());
    assertEquals(Duration.ofSeconds(2), gamebook.timeBudget());
    assertEquals(Duration.ofSeconds(2), injury.timeBudget());
    assertSame(ParseListener.NONE, injury.listener());
    assertSame(gamebook.budget(), gamebook.budget(), "the budget runner is made once");
  }

  @Test
  void aNonPositiveBudgetIsRefusedByEitherConfiguration() {
    IllegalArgumentException gamebook =
        assertThrows(
            IllegalArgumentException.class,
            () -> GamebookParserConfig.builder().timeBudget(Duration.ofMillis(-1)).build());
    IllegalArgumentException injury =
        assertThrows(
            IllegalArgumentException.class,
            () -> InjuryReportParserConfig.builder().timeBudget(Duration.ZERO).build());
    assertTrue(gamebook.getMessage().contains("timeBudget"), gamebook.getMessage());
    assertTrue(injury.getMessage().contains("timeBudget"), injury.getMessage());
  }

  @Test
  void aCopyKeepsEverySetting() {
    InjuryReportParserConfig config =
        InjuryReportParserConfig.builder().timeBudget(Duration.ofSeconds(7)).build();
    assertEquals(config, config.toBuilder().build());
    assertEquals(Duration.ofSeconds(7), config.toBuilder().build().timeBudget());
  }
}
