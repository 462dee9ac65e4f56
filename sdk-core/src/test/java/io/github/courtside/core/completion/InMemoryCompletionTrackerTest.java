package io.github.courtside.core.completion;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.testkit.CompletionTrackerContract;

class InMemoryCompletionTrackerTest extends CompletionTrackerContract {
  private final CoordinationStore store = new InMemoryCoordinationStore();

  @Override
  protected CoordinationStore store() {
    return store;
  }
}
