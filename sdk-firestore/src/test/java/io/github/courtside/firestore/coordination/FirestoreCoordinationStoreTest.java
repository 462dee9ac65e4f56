package io.github.courtside.firestore.coordination;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.testkit.CoordinationStoreContract;

/** The store contract against the Firestore emulator (or a live project with -Plive-gcp). */
class FirestoreCoordinationStoreTest extends CoordinationStoreContract {
  /** Skips each test, saying why, when no emulator (or live project) is configured. */
  @Override
  protected CoordinationStore store() {
    return FirestoreTarget.store();
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
