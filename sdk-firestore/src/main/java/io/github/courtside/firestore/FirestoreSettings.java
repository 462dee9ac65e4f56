package io.github.courtside.firestore;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import io.github.courtside.core.ValueStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where and how to reach Firestore: project, database and, for tests, an emulator host.
 *
 * <pre>{@code
 * FirestoreSettings settings = FirestoreSettings.builder()
 *     .projectId("nba-props")
 *     .emulatorHost("127.0.0.1:8080")
 *     .build();
 * try (Firestore firestore = settings.connect()) { ... }
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class FirestoreSettings {
  /** The environment variable the Google client libraries read for an emulator address. */
  public static final String EMULATOR_HOST_VARIABLE = "FIRESTORE_EMULATOR_HOST";

  FirestoreSettings() {}

  /** A new builder; the project id is required, the database defaults to {@code (default)}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Settings for {@code projectId} that use the emulator named by {@value #EMULATOR_HOST_VARIABLE}
   * in {@code environment} when it is set.
   */
  public static FirestoreSettings fromEnvironment(
      String projectId, Map<String, String> environment) {
    Builder builder = builder().projectId(projectId);
    String host = environment.get(EMULATOR_HOST_VARIABLE);
    if (host != null && !host.isBlank()) {
      builder.emulatorHost(host.strip());
    }
    return builder.build();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The Google Cloud project id (required, not blank). */
  public abstract String projectId();

  /** The Firestore database id; {@code (default)} unless set. */
  @Value.Default
  public String databaseId() {
    return "(default)";
  }

  /**
   * The emulator's {@code host:port}, when talking to an emulator; no credentials are used then.
   */
  public abstract Optional<String> emulatorHost();

  @Value.Check
  void check() {
    if (projectId().isBlank()) {
      throw new IllegalArgumentException("projectId must not be blank");
    }
    emulatorHost()
        .filter(host -> !host.matches("[^\\s:/]+:\\d{1,5}"))
        .ifPresent(
            host -> {
              throw new IllegalArgumentException(
                  "emulator host must be host:port, was '" + host + "'");
            });
  }

  /** The client options these settings describe. */
  public FirestoreOptions toOptions() {
    FirestoreOptions.Builder options =
        FirestoreOptions.newBuilder().setProjectId(projectId()).setDatabaseId(databaseId());
    emulatorHost().ifPresent(options::setEmulatorHost);
    return options.build();
  }

  /** A new Firestore client; close it when done. */
  public Firestore connect() {
    return toOptions().getService();
  }

  @Override
  public String toString() {
    return "FirestoreSettings[project="
        + projectId()
        + ", database="
        + databaseId()
        + emulatorHost().map(host -> ", emulator=" + host).orElse("")
        + "]";
  }

  /** Builds {@link FirestoreSettings}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableFirestoreSettings.Builder {
    Builder() {}
  }
}
