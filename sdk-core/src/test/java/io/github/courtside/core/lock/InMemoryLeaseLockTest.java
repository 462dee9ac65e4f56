package io.github.courtside.core.lock;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.InMemoryCoordinationStore;
import io.github.courtside.core.testkit.LeaseLockContract;

class InMemoryLeaseLockTest extends LeaseLockContract {
  private final CoordinationStore store = new InMemoryCoordinationStore();

  @Override
  protected CoordinationStore store() {
    return store;
  }
}
