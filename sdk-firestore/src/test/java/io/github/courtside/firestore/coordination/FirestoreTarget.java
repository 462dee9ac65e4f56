package io.github.courtside.firestore.coordination;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.cloud.firestore.Firestore;
import io.github.courtside.firestore.FirestoreSettings;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Firestore the tests run against: the emulator named by {@code FIRESTORE_EMULATOR_HOST}
 * ({@code .ci/run} starts one), or, with {@code -Plive-gcp}, the real project named by the system
 * property {@code courtside.gcp.project} with application default credentials. Without either the
 * Firestore tests are skipped with a message. One client serves all test classes of the run.
 */
final class FirestoreTarget {
  /** Which Firestore answers. */
  enum Kind {
    /**
     * The npm {@code @firestore-emulator/server}: no transaction conflicts, preconditions, listing.
     */
    NPM_EMULATOR,
    /** The official google-cloud-cli emulator. */
    OFFICIAL_EMULATOR,
    /** A real Google Cloud project. */
    LIVE
  }

  private static @Nullable Firestore client;
  private static @Nullable FirestoreCoordinationStore store;
  private static @Nullable Kind kind;

  private FirestoreTarget() {}

  /** The shared store; skips the calling test class when no Firestore is configured. */
  static synchronized FirestoreCoordinationStore store() {
    if (store == null) {
      store = FirestoreCoordinationStore.using(client(), Duration.ofSeconds(30));
    }
    return store;
  }

  /** Which Firestore the tests talk to. */
  static synchronized Kind kind() {
    client();
    if (kind == null) {
      kind = detect();
    }
    return kind;
  }

  /** Skips the calling test on the npm emulator, naming the missing behaviour. */
  static void assumeNotNpmEmulator(String missing) {
    assumeTrue(
        kind() != Kind.NPM_EMULATOR,
        "the npm Firestore emulator lacks " + missing + "; run with the official emulator");
  }

  private static Firestore client() {
    if (client != null) {
      return client;
    }
    String live = System.getProperty("courtside.gcp.project", "");
    String host = System.getenv(FirestoreSettings.EMULATOR_HOST_VARIABLE);
    if (host != null && !host.isBlank()) {
      client =
          FirestoreSettings.fromEnvironment(
                  "demo-courtside", Map.of(FirestoreSettings.EMULATOR_HOST_VARIABLE, host))
              .connect();
    } else if (!live.isBlank()) {
      client = FirestoreSettings.builder().projectId(live).build().connect();
      kind = Kind.LIVE;
    } else {
      assumeTrue(
          false,
          "FIRESTORE_EMULATOR_HOST is not set (and no -Plive-gcp project): skipping the Firestore"
              + " tests; .ci/run starts an emulator and sets it");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(FirestoreTarget::closeQuietly));
    return client;
  }

  private static Kind detect() {
    // the npm emulator does not implement ListCollectionIds; the official one does
    try {
      var unused = client().listCollections().iterator().hasNext();
      return Kind.OFFICIAL_EMULATOR;
    } catch (RuntimeException e) {
      return Kind.NPM_EMULATOR;
    }
  }

  private static synchronized void closeQuietly() {
    if (client != null) {
      try {
        client.close();
      } catch (Exception e) {
        // shutting down at JVM exit; nothing left to protect
      }
    }
  }
}
