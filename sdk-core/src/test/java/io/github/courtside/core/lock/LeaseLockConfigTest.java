package io.github.courtside.core.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    assertRefused("lease must be positive", LeaseLockConfig.builder().lease(Duration.ZERO));
    assertRefused(
        "waitBudget must not be negative",
        LeaseLockConfig.builder().waitBudget(Duration.ofSeconds(-1)));
    assertRefused("owner must not be blank", LeaseLockConfig.builder().owner(" "));
    assertRefused("'a/b' is not a collection path", LeaseLockConfig.builder().collection("a/b"));
    assertRefused(
        "renewalTimeout must be positive",
        LeaseLockConfig.builder().renewalTimeout(Duration.ofSeconds(-1)));
  }

  private static void assertRefused(String message, LeaseLockConfig.Builder builder) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void toBuilderKeepsEverySetting() {
    LeaseLockConfig config =
        LeaseLockConfig.builder().lease(Duration.ofMinutes(1)).owner("w-1").collection("x").build();
    LeaseLockConfig copy = config.toBuilder().build();
    assertEquals(config.toString(), copy.toString());
  }
}
