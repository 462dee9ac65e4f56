package io.github.courtside.firestore.coordination;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.testkit.LeaseLockContract;

/** The lease-lock contract against the Firestore emulator (or a live project with -Plive-gcp). */
class FirestoreLeaseLockTest extends LeaseLockContract {
  /** Skips each test, saying why, when no emulator (or live project) is configured. */
  @Override
  protected CoordinationStore store() {
    return FirestoreTarget.store();
  }

  @Override
  protected int tortureRounds() {
    return 6;
  }
}
