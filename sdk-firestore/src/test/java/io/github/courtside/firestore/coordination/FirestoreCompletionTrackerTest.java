package io.github.courtside.firestore.coordination;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.testkit.CompletionTrackerContract;

/**
 * The completion-tracker contract against the Firestore emulator (or a live project with
 * -Plive-gcp), with small counts: the property tries one example of 500 events.
 */
class FirestoreCompletionTrackerTest extends CompletionTrackerContract {
  /** Skips each test, saying why, when no emulator (or live project) is configured. */
  @Override
  protected CoordinationStore store() {
    return FirestoreTarget.store();
  }

  @Override
  protected int propertyExamples() {
    return 1;
  }

  @Override
  protected int maxEvents() {
    return 500;
  }

  @Override
  protected int minEvents() {
    return 500; // at full size
  }

  @Override
  protected int concurrency() {
    return 4;
  }
}
