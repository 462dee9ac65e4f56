package io.github.courtside.firestore.coordination;

import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.AggregateQuerySnapshot;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldPath;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Precondition;
import com.google.cloud.firestore.Query;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.CoordinationStoreException;
import io.github.courtside.core.coordination.CountAndDocument;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentPaths;
import io.github.courtside.core.coordination.DocumentQuery;
import io.github.courtside.firestore.FirestoreSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CoordinationStore} on Cloud Firestore: a document path is a Firestore document path, a
 * field a Firestore field (timestamps as Firestore timestamps, so microsecond precision).
 *
 * <p>Create-if-absent is Firestore's {@code create}, which fails with {@code ALREADY_EXISTS} when
 * the document exists; nothing else needs transactions, so the store runs on the npm emulator as
 * well as on the official one. Each create carries a unique write id in the reserved field {@value
 * #WRITE_ID_FIELD} (stripped on read). When a create fails ambiguously (deadline exceeded,
 * unavailable, aborted, internal, unknown, cancelled, or this store's own timeout: the write may
 * have landed) the store sends the same create again; if that meets {@code ALREADY_EXISTS}, as it
 * does whenever the document exists, one read decides by the write id whether this call wrote it.
 * The client's own retries are covered the same way. On the happy path a create is one commit, with
 * no read.
 *
 * <p>Every store method is one round trip on the happy path: a get is one batch get, a count one
 * aggregation query, {@link #countAndGet} both in flight together, a query one run query with its
 * order and limit pushed down (by id, with or without an id prefix, or by a field without an id
 * prefix; only a field order under an id prefix is sorted in memory, as Firestore cannot order by a
 * field under a range on another field without a composite index). Delete reads the update time and
 * deletes with that precondition. Timestamps are Firestore timestamps, to the microsecond, as in
 * every store.
 *
 * <p>Documents are small and written once, so the one-write-per-second-per-document guidance is
 * never approached by the lock and completion algorithms.
 *
 * <pre>{@code
 * FirestoreSettings settings = FirestoreSettings.fromEnvironment("nba-props", System.getenv());
 * try (FirestoreCoordinationStore store = FirestoreCoordinationStore.connect(settings)) {
 *   CompletionTracker tracker = new CompletionTracker(store, CompletionTrackerConfig.defaults());
 * }
 * }</pre>
 */
public final class FirestoreCoordinationStore implements CoordinationStore, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FirestoreCoordinationStore.class);

  /** The failures after which a create may or may not have been applied. */
  private static final Set<StatusCode.Code> AMBIGUOUS =
      EnumSet.of(
          StatusCode.Code.DEADLINE_EXCEEDED,
          StatusCode.Code.UNAVAILABLE,
          StatusCode.Code.ABORTED,
          StatusCode.Code.INTERNAL,
          StatusCode.Code.UNKNOWN,
          StatusCode.Code.CANCELLED);

  /** Sends of one create: the first and its resends after ambiguous failures. */
  static final int CREATE_ATTEMPTS = 3;

  /**
   * Every document carries its own id in this field, so that id ranges and id order are plain
   * single-field queries (Firestore cannot scan document keys in descending order).
   */
  static final String ID_FIELD = CoordinationStore.RESERVED_FIELD_PREFIX + "id";

  /**
   * Every create writes a fresh random id in this field, so that after an ambiguous failure the
   * store recognises the document it wrote itself (comparing fields would not do: another writer
   * may write the same fields, and the stored ones are truncated to microseconds).
   */
  static final String WRITE_ID_FIELD = CoordinationStore.RESERVED_FIELD_PREFIX + "write";

  private final Firestore firestore;
  private final boolean ownsClient;
  private final Duration timeout;

  private FirestoreCoordinationStore(Firestore firestore, boolean ownsClient, Duration timeout) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.ownsClient = ownsClient;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * A store on a client the caller owns (and closes); each operation waits at most {@code timeout}.
   */
  public static FirestoreCoordinationStore using(Firestore firestore, Duration timeout) {
    return new FirestoreCoordinationStore(firestore, false, timeout);
  }

  /** A store with its own client, closed with the store; operations wait at most 60 s. */
  public static FirestoreCoordinationStore connect(FirestoreSettings settings) {
    return new FirestoreCoordinationStore(settings.connect(), true, Duration.ofSeconds(60));
  }

  @Override
  public boolean createIfAbsent(Document document) {
    String path = document.path();
    String writeId = UUID.randomUUID().toString();
    Map<String, Object> fields = toFirestore(document.id(), document.truncatedToMicros().fields());
    fields.put(WRITE_ID_FIELD, writeId);
    DocumentReference reference = firestore.document(path);
    @Nullable CoordinationStoreException ambiguous = null;
    for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
      try {
        await(path, reference.create(fields));
        if (ambiguous != null) {
          log.info(
              "create of {} succeeded on send {} after {}", path, attempt, ambiguous.getMessage());
        }
        return true;
      } catch (CoordinationStoreException e) {
        if (statusOf(e) == StatusCode.Code.ALREADY_EXISTS) {
          // the client may have resent a create that landed: the write id says whose it is
          return landedAsThisCall(path, writeId, ambiguous != null);
        }
        if (!isAmbiguous(e)) {
          throw e;
        }
        ambiguous = e;
        log.warn(
            "create of {} failed ambiguously (send {} of {}), sending it again with write id {}: {}",
            path,
            attempt,
            CREATE_ATTEMPTS,
            writeId,
            e.getMessage());
        pause(attempt);
      }
    }
    // every send failed ambiguously: a read is the last chance to learn the outcome
    Optional<String> landed = writeIdAt(path);
    if (landed.isPresent()) {
      return landed.get().equals(writeId);
    }
    throw new CoordinationStoreException(
        path,
        "create failed "
            + CREATE_ATTEMPTS
            + " times ambiguously and the document is absent; the create may still land",
        Objects.requireNonNull(ambiguous, "ambiguous"));
  }

  private boolean landedAsThisCall(String path, String writeId, boolean afterAmbiguity) {
    Optional<String> landed = writeIdAt(path);
    boolean mine = landed.isPresent() && landed.get().equals(writeId);
    if (mine) {
      log.warn(
          "create of {} reported ALREADY_EXISTS{} but the document holds this call's write id {}:"
              + " it landed on an earlier send",
          path,
          afterAmbiguity ? " after an ambiguous failure" : "",
          writeId);
    }
    return mine;
  }

  private Optional<String> writeIdAt(String path) {
    DocumentSnapshot snapshot = await(path, firestore.document(path).get());
    if (!snapshot.exists()) {
      return Optional.empty();
    }
    Object id = snapshot.get(WRITE_ID_FIELD);
    return Optional.of(id instanceof String text ? text : "");
  }

  private static boolean isAmbiguous(CoordinationStoreException e) {
    if (e.getCause() instanceof TimeoutException) {
      return true; // this store's own timeout: the request may have been sent and applied
    }
    StatusCode.Code code = statusOf(e);
    return code != null && AMBIGUOUS.contains(code);
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(50L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CoordinationStoreException("", "interrupted between sends of a create", e);
    }
  }

  @Override
  public Optional<Document> get(String path) {
    DocumentPaths.requireDocumentPath(path);
    DocumentSnapshot snapshot = await(path, firestore.document(path).get());
    if (!snapshot.exists()) {
      return Optional.empty();
    }
    return Optional.of(toDocument(path, snapshot.getData()));
  }

  @Override
  public List<Document> query(DocumentQuery query) {
    String collection = query.collection();
    int limit = query.limit().orElse(Integer.MAX_VALUE);
    if (limit == 0) {
      return List.of();
    }
    Query firestoreQuery = byPrefix(collection, query.idPrefix());
    Query.Direction direction =
        query.descending() ? Query.Direction.DESCENDING : Query.Direction.ASCENDING;
    Optional<String> field = query.orderByField();
    // a field order under an id range would need a composite index: sorted here instead
    boolean sortHere = field.isPresent() && !query.idPrefix().isEmpty();
    if (field.isEmpty()) {
      firestoreQuery = firestoreQuery.orderBy(ID_FIELD, direction);
    } else if (!sortHere) {
      // documents without the field are left out and ties go by document id in the same
      // direction, as DocumentQuery says
      firestoreQuery = firestoreQuery.orderBy(FieldPath.of(field.get()), direction);
    }
    if (limit != Integer.MAX_VALUE && !sortHere) {
      firestoreQuery = firestoreQuery.limit(limit);
    }
    List<Document> documents = new ArrayList<>();
    for (QueryDocumentSnapshot snapshot : await(collection, firestoreQuery.get()).getDocuments()) {
      documents.add(
          toDocument(DocumentPaths.child(collection, snapshot.getId()), snapshot.getData()));
    }
    return sortHere ? query.sortAndLimit(documents) : List.copyOf(documents);
  }

  @Override
  public long count(String collection, String idPrefix) {
    DocumentPaths.requireCollectionPath(collection);
    return await(collection, byPrefix(collection, idPrefix).count().get()).getCount();
  }

  /**
   * The aggregation query and the batch get are both sent before either is awaited: one round trip
   * (two RPCs in flight together) instead of two.
   */
  @Override
  public CountAndDocument countAndGet(String collection, String idPrefix, String path) {
    DocumentPaths.requireCollectionPath(collection);
    DocumentPaths.requireDocumentPath(path);
    ApiFuture<AggregateQuerySnapshot> counted = byPrefix(collection, idPrefix).count().get();
    ApiFuture<DocumentSnapshot> read = firestore.document(path).get();
    long count;
    try {
      count = await(collection, counted).getCount();
    } catch (RuntimeException e) {
      read.cancel(true);
      throw e;
    }
    DocumentSnapshot snapshot = await(path, read);
    return new CountAndDocument(
        count,
        snapshot.exists() ? Optional.of(toDocument(path, snapshot.getData())) : Optional.empty());
  }

  @Override
  public boolean delete(String path) {
    DocumentPaths.requireDocumentPath(path);
    DocumentSnapshot snapshot = await(path, firestore.document(path).get());
    Timestamp updated = snapshot.getUpdateTime();
    if (!snapshot.exists() || updated == null) {
      return false;
    }
    try {
      await(path, firestore.document(path).delete(Precondition.updatedAt(updated)));
      return true;
    } catch (CoordinationStoreException e) {
      StatusCode.Code code = statusOf(e);
      if (code == StatusCode.Code.NOT_FOUND || code == StatusCode.Code.FAILED_PRECONDITION) {
        return false; // deleted (or replaced) by someone else meanwhile
      }
      throw e;
    }
  }

  /** Closes the client when the store created it. */
  @Override
  public void close() {
    if (ownsClient) {
      try {
        firestore.close();
      } catch (Exception e) {
        throw new CoordinationStoreException("", "closing the Firestore client failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return "FirestoreCoordinationStore[" + firestore.getOptions().getProjectId() + "]";
  }

  private Query byPrefix(String collection, String idPrefix) {
    Query query = firestore.collection(collection);
    if (idPrefix.isEmpty()) {
      return query;
    }
    // every id starting with the prefix sorts in [prefix, prefix + U+F8FF) for the ids we write
    return query
        .whereGreaterThanOrEqualTo(ID_FIELD, idPrefix)
        .whereLessThan(ID_FIELD, idPrefix + '\uf8ff');
  }

  private <T> T await(String path, ApiFuture<T> future) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CoordinationStoreException(path, "interrupted while waiting for Firestore", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new CoordinationStoreException(path, "Firestore call failed: " + cause, cause);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new CoordinationStoreException(
          path, "Firestore call did not finish within " + timeout, e);
    }
  }

  private static StatusCode.@Nullable Code statusOf(CoordinationStoreException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiException api) {
        return api.getStatusCode().getCode();
      }
    }
    return null;
  }

  private static Map<String, Object> toFirestore(String id, Map<String, Object> fields) {
    Map<String, Object> converted = toFirestore(fields);
    converted.put(ID_FIELD, id);
    return converted;
  }

  private static Map<String, Object> toFirestore(Map<String, Object> fields) {
    Map<String, Object> converted = new LinkedHashMap<>();
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      converted.put(field.getKey(), toFirestoreValue(field.getValue()));
    }
    return converted;
  }

  @SuppressWarnings("unchecked")
  private static Object toFirestoreValue(Object value) {
    if (value instanceof Instant instant) {
      return Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
    }
    if (value instanceof Map<?, ?> map) {
      return toFirestore((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(FirestoreCoordinationStore::toFirestoreValue).toList();
    }
    return value;
  }

  private static Document toDocument(String path, @Nullable Map<String, Object> data) {
    if (data == null) {
      return Document.of(path, Map.of());
    }
    Map<String, Object> fields = new LinkedHashMap<>(data);
    fields.keySet().removeIf(name -> name.startsWith(CoordinationStore.RESERVED_FIELD_PREFIX));
    return Document.of(path, fromFirestore(path, "", fields));
  }

  private static Map<String, Object> fromFirestore(
      String path, String prefix, Map<String, Object> data) {
    Map<String, Object> converted = new LinkedHashMap<>();
    for (Map.Entry<String, Object> field : data.entrySet()) {
      Object value = field.getValue();
      String name = prefix + field.getKey();
      if (value == null) {
        throw new CoordinationStoreException(path, "field " + name + " is null in Firestore");
      }
      converted.put(field.getKey(), fromFirestoreValue(path, name, value));
    }
    return converted;
  }

  @SuppressWarnings("unchecked")
  private static Object fromFirestoreValue(String path, String name, Object value) {
    if (value instanceof String
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Timestamp timestamp) {
      return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
    if (value instanceof Map<?, ?> map) {
      return fromFirestore(path, name + ".", (Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> elements = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        Object element = list.get(i);
        if (element == null) {
          throw new CoordinationStoreException(path, "field " + name + " holds null at " + i);
        }
        elements.add(fromFirestoreValue(path, name + "[" + i + "]", element));
      }
      return elements;
    }
    throw new CoordinationStoreException(
        path,
        "field "
            + name
            + " holds a Firestore "
            + value.getClass().getSimpleName()
            + "; coordination documents hold strings, numbers, booleans, timestamps, maps and"
            + " arrays");
  }
}
