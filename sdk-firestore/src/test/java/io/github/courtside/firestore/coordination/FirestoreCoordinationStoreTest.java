package io.github.courtside.firestore.coordination;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.testkit.CoordinationStoreContract;
import org.junit.jupiter.api.BeforeAll;

/** The store contract against the Firestore emulator (or a live project with -Plive-gcp). */
class FirestoreCoordinationStoreTest extends CoordinationStoreContract {
  private static CoordinationStore store;

  @BeforeAll
  static void connect() {
    store = FirestoreTarget.store();
  }

  @Override
  protected CoordinationStore store() {
    return store;
  }

  @Override
  protected void assumeFullRangeLongs() {
    FirestoreTarget.assumeNotNpmEmulator(
        "64-bit integers beyond 2^53 (it keeps JavaScript numbers)");
  }

  @Override
  protected int concurrency() {
    return 4;
  }
}
