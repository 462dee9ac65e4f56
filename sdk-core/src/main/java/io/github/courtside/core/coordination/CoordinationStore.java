package io.github.courtside.core.coordination;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
 * <p><b>Timestamps are kept to the microsecond.</b> Every store truncates {@link java.time.Instant}
 * values (nested ones too) to microseconds when it writes a document, as Firestore does, so the
 * three stores agree and what a store hands back equals what any later read gives; the JDK clock's
 * nanoseconds never survive a write. {@link Document#truncatedToMicros()} is the value a store
 * keeps.
 *
 * <p><b>Reserved fields.</b> Top-level field names starting with {@value #RESERVED_FIELD_PREFIX}
 * belong to the stores (a {@link Document} refuses them). A store may add such fields to what it
 * writes and strips them on every read: the Firestore store keeps the document id there for id
 * ranges, and a unique write id per {@link #createIfAbsent} call so that, after an ambiguous
 * failure (a timeout or an unavailable backend, when the create may have landed), it recognises a
 * landed document as this call's by that id rather than by comparing fields.
 *
 * <pre>{@code
 * CoordinationStore store = new InMemoryCoordinationStore();
 * boolean mine = store.createIfAbsent(Document.of("locks/nightly/holders/1", Map.of("owner", "w-7")));
 * List<Document> newest = store.query(
 *     DocumentQuery.in("locks/nightly/holders").orderByIdDescending().limit(1).build());
 * }</pre>
 */
public interface CoordinationStore {
  /** Top-level field names starting with this prefix are reserved for the stores. */
  String RESERVED_FIELD_PREFIX = "_courtside_";

  /**
   * Creates the document unless one exists at its path, atomically; its timestamps are stored
   * truncated to microseconds.
   *
   * <p>A true result is durable (committed before it returns). When the outcome is ambiguous (the
   * backend may have applied the write but the call failed or timed out), the store either finds
   * out which it was (a document this very call wrote counts as created) or throws; it never
   * reports false for a document that this call wrote.
   *
   * @return true when this call created it, false when a document was already there
   */
  boolean createIfAbsent(Document document);

  /**
   * {@link #createIfAbsent} without waiting: the future completes with its result (or fails with
   * its {@link CoordinationStoreException}) once the outcome is known, and a true result only once
   * the document is durable, as for {@link #createIfAbsent}. Stores whose writes are bounded by a
   * sync (DuckDB: one fsync per commit) override it so that one thread can keep many creates in
   * flight and they share commits; by default it calls {@link #createIfAbsent} on the calling
   * thread and returns a completed future.
   *
   * <p>Stages chained to the future may run on a thread of the store; they must not wait for
   * another of this store's futures on it (a synchronous store call is fine).
   */
  default CompletableFuture<Boolean> createIfAbsentAsync(Document document) {
    try {
      return CompletableFuture.completedFuture(createIfAbsent(document));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The document at {@code path}, if any. */
  Optional<Document> get(String path);

  /** The documents directly in a collection, filtered, ordered and limited as the query says. */
  List<Document> query(DocumentQuery query);

  /**
   * How many documents lie directly in {@code collection} with ids starting with {@code idPrefix}.
   */
  long count(String collection, String idPrefix);

  /**
   * {@link #count} and {@link #get} together, in one round trip where the store can (the Firestore
   * store sends both requests before it waits for either): what the completion tracker reads after
   * each record. Each read is as fresh as on its own; the two need not be one snapshot. By default
   * the count, then the get.
   */
  default CountAndDocument countAndGet(String collection, String idPrefix, String path) {
    long counted = count(collection, idPrefix);
    return new CountAndDocument(counted, get(path));
  }

  /**
   * Deletes the document at {@code path}.
   *
   * @return true when a document was deleted, false when there was none
   */
  boolean delete(String path);
}
