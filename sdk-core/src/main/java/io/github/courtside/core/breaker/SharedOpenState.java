package io.github.courtside.core.breaker;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentQuery;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OPEN decisions shared through a {@link CoordinationStore}: each OPEN (and each fleet-wide reset)
 * is one new document {@code <root>/k-<key>/opens/<at millis, 20 digits>-<instance>}
 * (create-if-absent, never updated, so no hot document); readers take the newest by id. Store
 * failures are logged and treated as "nothing shared" (fail open, like the old per-system breaker):
 * the local breaker keeps working.
 *
 * <p>Reads go through a Caffeine {@link AsyncLoadingCache} whose loads and refreshes run on the
 * given executor, one at a time per key (single flight): a caller never waits for the store. A
 * first read still in flight counts as "nothing shared"; a read older than the sync delay starts a
 * refresh and the caller uses the cached value until it lands. Publishing runs on the executor too,
 * so a tripping breaker never waits for the store. Each document carries {@code expire_at} (a day
 * after its OPEN ends) for the store's TTL policy (Firestore TTL); the publisher also deletes the
 * key's expired documents.
 */
final class SharedOpenState {
  private static final Logger log = LoggerFactory.getLogger(SharedOpenState.class);

  /** How long a document outlives the OPEN it records, for the store's TTL policy. */
  static final Duration RETENTION = Duration.ofDays(1);

  private final CoordinationStore store;
  private final String root;
  private final Duration syncDelay;
  private final String instanceId;
  private final Clock clock;
  private final Executor executor;
  private final AsyncLoadingCache<String, CachedRead> cache;

  SharedOpenState(
      CoordinationStore store,
      String root,
      Duration syncDelay,
      String instanceId,
      Clock clock,
      Executor executor) {
    this.store = store;
    this.root = root;
    this.syncDelay = syncDelay;
    this.instanceId = instanceId;
    this.clock = clock;
    this.executor = executor;
    this.cache = Caffeine.newBuilder().executor(executor).buildAsync(this::read);
  }

  String instanceId() {
    return instanceId;
  }

  /**
   * The newest OPEN or reset published for {@code key}, as last read; never waits for the store.
   */
  Optional<OpenRecord> newest(String key) {
    @Nullable CachedRead read = cache.get(key).getNow(null);
    if (read == null) {
      return Optional.empty(); // the first read is still in flight
    }
    if (!clock.instant().isBefore(read.readAt().plus(syncDelay))) {
      // Caffeine joins a refresh already in flight for this key (single flight)
      @Nullable CachedRead fresh = cache.synchronous().refresh(key).getNow(null);
      if (fresh != null) {
        return fresh.value();
      }
    }
    return read.value();
  }

  private CachedRead read(String key) {
    Instant now = clock.instant();
    try {
      return new CachedRead(
          now,
          store
              .query(DocumentQuery.in(collection(key)).orderByIdDescending().limit(1).build())
              .stream()
              .findFirst()
              .flatMap(SharedOpenState::parse));
    } catch (RuntimeException e) {
      log.warn("circuit breaker {}: reading shared state failed; using local state only", key, e);
      return new CachedRead(now, Optional.empty());
    }
  }

  /** Publishes an OPEN decided here, on the executor. */
  void publish(String key, String profile, Instant openedAt, Instant openUntil) {
    submit(key, "OPEN", document(key, profile, "open", openedAt, openUntil));
  }

  /** Publishes a fleet-wide reset: every instance closes an OPEN that began before {@code at}. */
  void publishReset(String key, String profile, Instant at) {
    submit(key, "reset", document(key, profile, "reset", at, at));
  }

  private Document document(
      String key, String profile, String kind, Instant at, Instant openUntil) {
    String id = String.format("%020d-%s", at.toEpochMilli(), encode(instanceId));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("key", key);
    fields.put("profile", profile);
    fields.put("kind", kind);
    fields.put("instance", instanceId);
    fields.put("opened_at", at);
    fields.put("open_until", openUntil);
    fields.put("expire_at", openUntil.plus(RETENTION));
    return Document.of(collection(key) + "/" + id, fields);
  }

  private void submit(String key, String what, Document document) {
    try {
      executor.execute(
          () -> {
            try {
              store.createIfAbsent(document);
            } catch (RuntimeException e) {
              log.warn(
                  "circuit breaker {}: publishing {} to the shared store failed", key, what, e);
              return;
            }
            cache.synchronous().invalidate(key);
            deleteExpired(key);
          });
    } catch (RejectedExecutionException e) {
      log.warn("circuit breaker {}: publishing {} refused by the executor", key, what, e);
    }
  }

  private void deleteExpired(String key) {
    Instant now = clock.instant();
    try {
      List<Document> documents =
          store.query(DocumentQuery.in(collection(key)).orderById().limit(50).build());
      for (Document document : documents) {
        Optional<Instant> expireAt = document.getTimestamp("expire_at");
        if (expireAt.isPresent() && !expireAt.get().isAfter(now)) {
          store.delete(document.path());
        }
      }
    } catch (RuntimeException e) {
      log.debug("circuit breaker {}: deleting expired shared documents failed", key, e);
    }
  }

  private String collection(String key) {
    return root + "/k-" + encode(key) + "/opens";
  }

  private static Optional<OpenRecord> parse(Document document) {
    Optional<String> instance = document.getString("instance");
    Optional<Instant> until = document.getTimestamp("open_until");
    if (instance.isEmpty() || until.isEmpty()) {
      log.warn("ignoring malformed shared breaker document {}", document.path());
      return Optional.empty();
    }
    boolean reset = document.getString("kind").map("reset"::equals).orElse(false);
    Instant at = document.getTimestamp("opened_at").orElse(until.get());
    return Optional.of(new OpenRecord(document.id(), instance.get(), until.get(), reset, at));
  }

  /**
   * Percent-encodes everything but letters, digits, '_' and '-', so any key is one path segment.
   */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  /** A shared document: an OPEN until {@code openUntil}, or a fleet-wide reset at {@code at}. */
  record OpenRecord(String id, String instance, Instant openUntil, boolean reset, Instant at) {}

  private record CachedRead(Instant readAt, Optional<OpenRecord> value) {}
}
