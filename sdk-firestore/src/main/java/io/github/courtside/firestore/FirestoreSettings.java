package io.github.courtside.firestore;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
public final class FirestoreSettings {
  /** The environment variable the Google client libraries read for an emulator address. */
  public static final String EMULATOR_HOST_VARIABLE = "FIRESTORE_EMULATOR_HOST";

  private final String projectId;
  private final String databaseId;
  private final @Nullable String emulatorHost;

  private FirestoreSettings(Builder builder) {
    this.projectId = Objects.requireNonNull(builder.projectId, "projectId is required");
    this.databaseId = builder.databaseId;
    this.emulatorHost = builder.emulatorHost;
  }

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

  /** The Google Cloud project id. */
  public String projectId() {
    return projectId;
  }

  /** The Firestore database id. */
  public String databaseId() {
    return databaseId;
  }

  /** The emulator's {@code host:port}, when talking to an emulator. */
  public Optional<String> emulatorHost() {
    return Optional.ofNullable(emulatorHost);
  }

  /** The client options these settings describe. */
  public FirestoreOptions toOptions() {
    FirestoreOptions.Builder options =
        FirestoreOptions.newBuilder().setProjectId(projectId).setDatabaseId(databaseId);
    if (emulatorHost != null) {
      options.setEmulatorHost(emulatorHost);
    }
    return options.build();
  }

  /** A new Firestore client; close it when done. */
  public Firestore connect() {
    return toOptions().getService();
  }

  @Override
  public String toString() {
    return "FirestoreSettings[project="
        + projectId
        + ", database="
        + databaseId
        + (emulatorHost == null ? "" : ", emulator=" + emulatorHost)
        + "]";
  }

  /** Builds {@link FirestoreSettings}. */
  public static final class Builder {
    private @Nullable String projectId;
    private String databaseId = "(default)";
    private @Nullable String emulatorHost;

    private Builder() {}

    /** The Google Cloud project id (required). */
    public Builder projectId(String projectId) {
      if (projectId.isBlank()) {
        throw new IllegalArgumentException("projectId must not be blank");
      }
      this.projectId = projectId;
      return this;
    }

    /** The database id; {@code (default)} unless set. */
    public Builder databaseId(String databaseId) {
      this.databaseId = Objects.requireNonNull(databaseId, "databaseId");
      return this;
    }

    /** An emulator's {@code host:port}; no credentials are used then. */
    public Builder emulatorHost(String hostAndPort) {
      if (!hostAndPort.matches("[^\\s:/]+:\\d{1,5}")) {
        throw new IllegalArgumentException(
            "emulator host must be host:port, was '" + hostAndPort + "'");
      }
      this.emulatorHost = hostAndPort;
      return this;
    }

    /** The settings. */
    public FirestoreSettings build() {
      return new FirestoreSettings(this);
    }
  }
}
