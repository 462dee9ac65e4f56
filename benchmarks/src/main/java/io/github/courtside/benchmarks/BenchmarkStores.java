package io.github.courtside.benchmarks;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.duckdb.DuckDbDatabase;
import io.github.courtside.duckdb.coordination.DuckDbCoordinationStore;
import io.github.courtside.firestore.FirestoreSettings;
import io.github.courtside.firestore.coordination.FirestoreCoordinationStore;
import java.io.IOException;
import java.nio.file.Files;

/** The coordination stores the coordination benchmarks run on, chosen by a {@code store} param. */
final class BenchmarkStores {
  private BenchmarkStores() {}

  /** A store and what to close after the trial (the DuckDB file or the Firestore client). */
  record Opened(CoordinationStore store, AutoCloseable resource) {}

  /**
   * Opens {@code memory}, {@code duckdb} (a file in a fresh temporary folder) or {@code emulator}
   * (the Firestore emulator named by {@code FIRESTORE_EMULATOR_HOST}).
   */
  static Opened open(String kind) throws IOException {
    switch (kind) {
      case "memory" -> {
        return new Opened(new InMemoryCoordinationStore(), () -> {});
      }
      case "duckdb" -> {
        DuckDbDatabase database =
            DuckDbDatabase.open(
                Files.createTempDirectory("courtside-bench").resolve("bench.duckdb"));
        return new Opened(new DuckDbCoordinationStore(database), database);
      }
      case "emulator" -> {
        String host = System.getenv(FirestoreSettings.EMULATOR_HOST_VARIABLE);
        if (host == null || host.isBlank()) {
          throw new IllegalStateException(
              "store=emulator needs FIRESTORE_EMULATOR_HOST (start an emulator, see .ci/run)");
        }
        FirestoreCoordinationStore firestore =
            FirestoreCoordinationStore.connect(
                FirestoreSettings.builder().projectId("demo-bench").emulatorHost(host).build());
        return new Opened(firestore, firestore);
      }
      default -> throw new IllegalArgumentException("unknown store " + kind);
    }
  }
}
