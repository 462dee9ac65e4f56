package io.github.courtside.core.coordination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

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
  private final ConcurrentSkipListMap<String, Document> documents = new ConcurrentSkipListMap<>();

  @Override
  public boolean createIfAbsent(Document document) {
    return documents.putIfAbsent(document.path(), document.truncatedToMicros()) == null;
  }

  @Override
  public Optional<Document> get(String path) {
    return Optional.ofNullable(documents.get(DocumentPaths.requireDocumentPath(path)));
  }

  @Override
  public List<Document> query(DocumentQuery query) {
    Optional<String> field = query.orderByField();
    if (field.isEmpty()) {
      // ordered by id: walk the sorted map in the asked direction and stop at the limit
      return List.copyOf(
          children(
              query.collection(),
              query.idPrefix(),
              query.descending(),
              query.limit().orElse(Integer.MAX_VALUE)));
    }
    return query.sortAndLimit(children(query.collection(), query.idPrefix()));
  }

  @Override
  public long count(String collection, String idPrefix) {
    DocumentPaths.requireCollectionPath(collection);
    return children(collection, idPrefix).size();
  }

  @Override
  public boolean delete(String path) {
    return documents.remove(DocumentPaths.requireDocumentPath(path)) != null;
  }

  private List<Document> children(String collection, String idPrefix) {
    return children(collection, idPrefix, false, Integer.MAX_VALUE);
  }

  private List<Document> children(
      String collection, String idPrefix, boolean descending, int limit) {
    String from = collection + "/" + idPrefix;
    // Every path that starts with `from` sorts inside [from, from + U+FFFF).
    ConcurrentNavigableMap<String, Document> range =
        documents.subMap(from, true, from + Character.MAX_VALUE, false);
    if (descending) {
      range = range.descendingMap();
    }
    List<Document> children = new ArrayList<>();
    for (Map.Entry<String, Document> entry : range.entrySet()) {
      if (children.size() >= limit) {
        break;
      }
      if (entry.getKey().indexOf('/', collection.length() + 1) < 0) {
        children.add(entry.getValue());
      }
    }
    return children;
  }
}
