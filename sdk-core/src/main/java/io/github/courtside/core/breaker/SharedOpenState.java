package io.github.courtside.core.breaker;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentQuery;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OPEN decisions shared through a {@link CoordinationStore}: each OPEN is one new document {@code
 * <root>/k-<key>/opens/<opened-at millis, 20 digits>-<instance>} (create-if-absent, never updated,
 * so no hot document); readers take the newest by id and cache it for the sync delay. Store
 * failures are logged and treated as "nothing shared" (fail open, like the old per-system breaker):
 * the local breaker keeps working.
 */
final class SharedOpenState {
  private static final Logger log = LoggerFactory.getLogger(SharedOpenState.class);

  private final CoordinationStore store;
  private final String root;
  private final Duration syncDelay;
  private final String instanceId;
  private final Clock clock;
  private final Map<String, CachedRead> cache = new ConcurrentHashMap<>();

  SharedOpenState(
      CoordinationStore store, String root, Duration syncDelay, String instanceId, Clock clock) {
    this.store = store;
    this.root = root;
    this.syncDelay = syncDelay;
    this.instanceId = instanceId;
    this.clock = clock;
  }

  String instanceId() {
    return instanceId;
  }

  /** The newest OPEN published for {@code key}, read at most once per sync delay. */
  Optional<OpenRecord> newest(String key) {
    Instant now = clock.instant();
    CachedRead cached = cache.get(key);
    if (cached != null && now.isBefore(cached.readAt().plus(syncDelay))) {
      return cached.value();
    }
    Optional<OpenRecord> value;
    try {
      value =
          store
              .query(DocumentQuery.in(collection(key)).orderByIdDescending().limit(1).build())
              .stream()
              .findFirst()
              .flatMap(SharedOpenState::parse);
    } catch (RuntimeException e) {
      log.warn("circuit breaker {}: reading shared state failed; using local state only", key, e);
      value = Optional.empty();
    }
    cache.put(key, new CachedRead(now, value));
    return value;
  }

  /** Publishes an OPEN decided here. */
  void publish(String key, String profile, Instant openedAt, Instant openUntil) {
    String id = String.format("%020d-%s", openedAt.toEpochMilli(), encode(instanceId));
    Document document =
        Document.of(
            collection(key) + "/" + id,
            Map.of(
                "key", key,
                "profile", profile,
                "instance", instanceId,
                "opened_at", openedAt,
                "open_until", openUntil));
    try {
      store.createIfAbsent(document);
    } catch (RuntimeException e) {
      log.warn("circuit breaker {}: publishing OPEN to the shared store failed", key, e);
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
    return Optional.of(new OpenRecord(document.id(), instance.get(), until.get()));
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

  record OpenRecord(String id, String instance, Instant openUntil) {}

  private record CachedRead(Instant readAt, Optional<OpenRecord> value) {}
}
