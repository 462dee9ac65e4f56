package io.github.courtside.core.coordination;

import java.util.List;
import java.util.Optional;

/**
 * A store of small documents addressed by path, with atomic create-if-absent: the only primitive
 * the SDK's locks and completion tracking rely on, so they are correct on every store (in-memory,
 * DuckDB, Firestore, including the npm Firestore emulator) and never need a hot, repeatedly updated
 * document.
 *
 * <p>Paths alternate collection and document ids, as in Firestore: {@code
 * locks/consolidation-2024-04-10/tokens/00000000000000000042}. Documents are never updated in
 * place; algorithms append new documents and read the newest.
 *
 * <p>Every method either succeeds or throws a {@link CoordinationStoreException}; a store never
 * swallows a failure, so callers can let their message be redelivered.
 *
 * <pre>{@code
 * CoordinationStore store = new InMemoryCoordinationStore();
 * boolean mine = store.createIfAbsent(Document.of("locks/nightly/holders/1", Map.of("owner", "w-7")));
 * List<Document> newest = store.query(
 *     DocumentQuery.in("locks/nightly/holders").orderByIdDescending().limit(1).build());
 * }</pre>
 */
public interface CoordinationStore {

  /**
   * Creates the document unless one exists at its path, atomically.
   *
   * @return true when this call created it, false when a document was already there
   */
  boolean createIfAbsent(Document document);

  /** The document at {@code path}, if any. */
  Optional<Document> get(String path);

  /** The documents directly in a collection, filtered, ordered and limited as the query says. */
  List<Document> query(DocumentQuery query);

  /**
   * How many documents lie directly in {@code collection} with ids starting with {@code idPrefix}.
   */
  long count(String collection, String idPrefix);

  /**
   * Deletes the document at {@code path}.
   *
   * @return true when a document was deleted, false when there was none
   */
  boolean delete(String path);
}
