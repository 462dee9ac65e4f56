package io.github.courtside.bigquery.local.internal.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code insertId}s that {@code tabledata.insertAll} has seen per table, for best-effort
 * de-duplication: a row whose id was seen within the window is acknowledged and not written again.
 * BigQuery remembers ids for at least one minute; the local server remembers them for {@link
 * #WINDOW} by the server's clock, so retries in tests are de-duplicated reliably.
 */
final class InsertIdWindow {
  static final Duration WINDOW = Duration.ofMinutes(10);

  private final Clock clock;
  private final Map<String, LinkedHashMap<String, Instant>> seen = new HashMap<>();

  InsertIdWindow(Clock clock) {
    this.clock = clock;
  }

  /** Whether the id was seen for the table within the window. Callers hold the monitor. */
  synchronized boolean seen(String table, String insertId) {
    LinkedHashMap<String, Instant> ids = seen.get(table);
    if (ids == null) {
      return false;
    }
    expire(ids);
    return ids.containsKey(insertId);
  }

  synchronized void remember(String table, String insertId) {
    LinkedHashMap<String, Instant> ids = seen.computeIfAbsent(table, t -> new LinkedHashMap<>());
    ids.remove(insertId);
    ids.put(insertId, clock.instant());
  }

  synchronized void forget(String table) {
    seen.remove(table);
  }

  private void expire(LinkedHashMap<String, Instant> ids) {
    Instant oldest = clock.instant().minus(WINDOW);
    for (Iterator<Instant> it = ids.values().iterator(); it.hasNext(); ) {
      if (it.next().isBefore(oldest)) {
        it.remove();
      } else {
        break;
      }
    }
  }
}
