package io.github.courtside.core.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeaseLockConfigTest {

  @Test
  void renewalMustBeShorterThanTheLease() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LeaseLockConfig.builder()
                .lease(Duration.ofSeconds(30))
                .renewEvery(Duration.ofSeconds(30))
                .build());
    assertEquals(
        Duration.ofSeconds(10),
        LeaseLockConfig.builder().lease(Duration.ofSeconds(30)).build().renewEvery());
  }

  @Test
  void nonsensicalDurationsAndNamesAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> LeaseLockConfig.builder().lease(Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> LeaseLockConfig.builder().waitBudget(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> LeaseLockConfig.builder().owner(" "));
    assertThrows(IllegalArgumentException.class, () -> LeaseLockConfig.builder().collection("a/b"));
  }

  @Test
  void toBuilderKeepsEverySetting() {
    LeaseLockConfig config =
        LeaseLockConfig.builder().lease(Duration.ofMinutes(1)).owner("w-1").collection("x").build();
    LeaseLockConfig copy = config.toBuilder().build();
    assertEquals(config.toString(), copy.toString());
  }
}
