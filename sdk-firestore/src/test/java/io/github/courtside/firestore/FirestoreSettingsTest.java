package io.github.courtside.firestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.firestore.FirestoreOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirestoreSettingsTest {

  @Test
  void emulatorHostFromTheEnvironmentReachesTheClientOptions() {
    FirestoreSettings settings =
        FirestoreSettings.fromEnvironment(
            "demo-courtside", Map.of(FirestoreSettings.EMULATOR_HOST_VARIABLE, "127.0.0.1:8786"));
    FirestoreOptions options = settings.toOptions();
    assertEquals("demo-courtside", options.getProjectId());
    assertEquals("(default)", options.getDatabaseId());
    assertEquals("127.0.0.1:8786", options.getEmulatorHost());
  }

  @Test
  void withoutAnEmulatorNoneIsConfigured() {
    FirestoreSettings settings = FirestoreSettings.fromEnvironment("p", Map.of());
    assertTrue(settings.emulatorHost().isEmpty());
  }

  @Test
  void malformedSettingsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> FirestoreSettings.builder().projectId("p").emulatorHost("http://localhost").build());
    assertThrows(
        IllegalArgumentException.class, () -> FirestoreSettings.builder().projectId(" ").build());
    IllegalStateException noProject =
        assertThrows(IllegalStateException.class, () -> FirestoreSettings.builder().build());
    assertTrue(noProject.getMessage().contains("projectId"), noProject.getMessage());
  }
}
