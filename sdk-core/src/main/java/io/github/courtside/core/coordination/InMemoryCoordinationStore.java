package io.github.courtside.core.coordination;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A thread-safe {@link CoordinationStore} in one JVM's memory: for tests, single-process pipelines
 * and the embedded demo. Timestamps are kept to the microsecond, as in every store. Nothing
 * survives the process; use the DuckDB store for a durable embedded store.
 *
 * <pre>{@code
 * CoordinationStore store = new InMemoryCoordinationStore();
 * }</pre>
 */
public final class InMemoryCoordinationStore implements CoordinationStore {
  /** The documents of each collection, by id, with their number (counts are O(1)). */
  private final ConcurrentHashMap<String, Children> collections = new ConcurrentHashMap<>();

  @Override
  public boolean createIfAbsent(Document document) {
    Children children =
        collections.computeIfAbsent(document.collection(), unused -> new Children());
    if (children.documents.putIfAbsent(document.id(), document.truncatedToMicros()) != null) {
      return false;
    }
    children.size.increment();
    return true;
  }

  @Override
  public Optional<Document> get(String path) {
    DocumentPaths.requireDocumentPath(path);
    Children children = collections.get(DocumentPaths.collectionOf(path));
    return children == null
        ? Optional.empty()
        : Optional.ofNullable(children.documents.get(DocumentPaths.idOf(path)));
  }

  @Override
  public List<Document> query(DocumentQuery query) {
    NavigableMap<String, Document> range = range(query.collection(), query.idPrefix());
    if (query.orderByField().isPresent()) {
      return query.sortAndLimit(range.values());
    }
    // ordered by id: walk the sorted map in the asked direction and stop at the limit
    int limit = query.limit().orElse(Integer.MAX_VALUE);
    List<Document> found = new ArrayList<>();
    for (Document document : query.descending() ? range.descendingMap().values() : range.values()) {
      if (found.size() >= limit) {
        break;
      }
      found.add(document);
    }
    return List.copyOf(found);
  }

  @Override
  public long count(String collection, String idPrefix) {
    DocumentPaths.requireCollectionPath(collection);
    if (idPrefix.isEmpty()) {
      Children children = collections.get(collection);
      return children == null ? 0 : Math.max(0, children.size.sum());
    }
    return range(collection, idPrefix).size();
  }

  @Override
  public boolean delete(String path) {
    DocumentPaths.requireDocumentPath(path);
    Children children = collections.get(DocumentPaths.collectionOf(path));
    if (children == null || children.documents.remove(DocumentPaths.idOf(path)) == null) {
      return false;
    }
    children.size.decrement();
    return true;
  }

  private NavigableMap<String, Document> range(String collection, String idPrefix) {
    Children children = collections.get(DocumentPaths.requireCollectionPath(collection));
    if (children == null) {
      return Collections.emptyNavigableMap();
    }
    if (idPrefix.isEmpty()) {
      return children.documents;
    }
    // every id that starts with the prefix sorts inside [prefix, prefix + U+FFFF)
    return children.documents.subMap(idPrefix, true, idPrefix + Character.MAX_VALUE, false);
  }

  /** The documents directly in one collection. */
  private static final class Children {
    final ConcurrentSkipListMap<String, Document> documents = new ConcurrentSkipListMap<>();
    final LongAdder size = new LongAdder();
  }
}
