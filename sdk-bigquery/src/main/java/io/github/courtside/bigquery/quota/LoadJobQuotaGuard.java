package io.github.courtside.bigquery.quota;

import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.warehouse.TableId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts load jobs per table per UTC day and refuses the one that would reach 95% of the daily
 * limit (default 1,500, BigQuery's load jobs per table per day), with a warning from 80% on.
 *
 * <p>Counts live in the process; with a {@link CoordinationStore} every job is also recorded there
 * as its own document (create-if-absent, no hot document) and the fleet-wide count is read from the
 * store, so a fleet of Cloud Run instances shares one budget. A {@link LoadJobQuotaListener} hears
 * each job; {@link MicrometerLoadJobQuotaMetrics} publishes them to Micrometer.
 *
 * <pre>{@code
 * LoadJobQuotaGuard quota = LoadJobQuotaGuard.builder()
 *     .dailyLimit(1500)
 *     .coordinationStore(firestoreStore)
 *     .listener(new MicrometerLoadJobQuotaMetrics(registry))
 *     .build();
 * BigQueryWarehouse warehouse = BigQueryWarehouse.builder()
 *     .bigQueryOptions(options).loadJobQuotaGuard(quota).build();
 * }</pre>
 */
public final class LoadJobQuotaGuard {
  private static final Logger log = LoggerFactory.getLogger(LoadJobQuotaGuard.class);
  static final String COLLECTION = "courtside_load_jobs";

  private final long dailyLimit;
  private final double warnFraction;
  private final double refuseFraction;
  private final Clock clock;
  private final @Nullable CoordinationStore store;
  private final LoadJobQuotaListener listener;
  private final Map<Key, AtomicLong> counts = new ConcurrentHashMap<>();

  private record Key(TableId table, LocalDate day) {}

  private LoadJobQuotaGuard(LoadJobQuotaGuardSetup setup) {
    this.dailyLimit = setup.dailyLimit();
    this.warnFraction = setup.warnAt();
    this.refuseFraction = setup.refuseAt();
    this.clock = setup.clock();
    this.store = setup.coordinationStore().orElse(null);
    this.listener = setup.listener();
  }

  /**
   * A builder: limit 1,500, warn at 80%, refuse at 95%, system UTC clock, in-process counts ({@link
   * LoadJobQuotaGuardSetup#builder()}).
   */
  public static LoadJobQuotaGuardSetup.Builder builder() {
    return LoadJobQuotaGuardSetup.builder();
  }

  /** The guard {@code setup} describes. */
  public static LoadJobQuotaGuard create(LoadJobQuotaGuardSetup setup) {
    return new LoadJobQuotaGuard(setup);
  }

  /** A guard with the defaults. */
  public static LoadJobQuotaGuard defaults() {
    return builder().build();
  }

  /**
   * Reserves one load job for {@code table} today, or refuses it. Call before starting the job; a
   * failed job still counts (BigQuery counts it too).
   *
   * @return the number of load jobs used today, this one included
   * @throws LoadJobQuotaExceededException when the count has reached the refusal threshold
   */
  public long acquire(TableId table) {
    LocalDate day = today();
    Key key = new Key(table, day);
    long used = used(table, day);
    long refuseAt = threshold(refuseFraction);
    if (used >= refuseAt) {
      log.error(
          "refusing a load job into {}: {} of {} load jobs used on {}",
          table,
          used,
          dailyLimit,
          day);
      listener.refused(table, used, dailyLimit);
      throw new LoadJobQuotaExceededException(table, used, dailyLimit, day);
    }
    AtomicLong local = counts.computeIfAbsent(key, k -> new AtomicLong());
    long now = local.incrementAndGet();
    if (store != null) {
      store.createIfAbsent(
          Document.of(
              collection(table, day) + "/" + UUID.randomUUID(),
              Map.of("table", table.qualifiedName(), "at", clock.instant().toString())));
      now = used(table, day);
    }
    if (now >= threshold(warnFraction)) {
      log.warn(
          "load jobs into {} on {}: {} of {} used (warning from {}%, refusing from {}%)",
          table,
          day,
          now,
          dailyLimit,
          Math.round(warnFraction * 100),
          Math.round(refuseFraction * 100));
      listener.warned(table, now, dailyLimit);
    }
    listener.started(table, now, dailyLimit);
    return now;
  }

  /** Load jobs counted for {@code table} today (fleet-wide when a store is configured). */
  public long usedToday(TableId table) {
    return used(table, today());
  }

  /** The configured daily limit. */
  public long dailyLimit() {
    return dailyLimit;
  }

  private long used(TableId table, LocalDate day) {
    if (store != null) {
      return store.count(collection(table, day), "");
    }
    AtomicLong count = counts.get(new Key(table, day));
    return count == null ? 0 : count.get();
  }

  long usedLocallyToday(TableId table) {
    AtomicLong count = counts.get(new Key(table, today()));
    return count == null ? 0 : count.get();
  }

  private long threshold(double fraction) {
    return (long) Math.ceil(dailyLimit * fraction);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String collection(TableId table, LocalDate day) {
    return COLLECTION + "/" + table.qualifiedName() + "/days/" + day + "/jobs";
  }
}
