package io.github.courtside.firestore.coordination;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.testkit.LeaseLockContract;
import org.junit.jupiter.api.BeforeAll;

/** The lease-lock contract against the Firestore emulator (or a live project with -Plive-gcp). */
class FirestoreLeaseLockTest extends LeaseLockContract {
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
  protected int tortureRounds() {
    return 6;
  }
}
