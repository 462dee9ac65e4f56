package io.github.courtside.core.coordination;

import io.github.courtside.core.testkit.CoordinationStoreContract;

class InMemoryCoordinationStoreContractTest extends CoordinationStoreContract {
  private final CoordinationStore store = new InMemoryCoordinationStore();

  @Override
  protected CoordinationStore store() {
    return store;
  }
}
