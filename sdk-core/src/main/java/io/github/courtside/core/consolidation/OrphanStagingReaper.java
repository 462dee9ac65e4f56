package io.github.courtside.core.consolidation;

import io.github.courtside.core.consolidation.ConsolidationJournal.Entry;
import io.github.courtside.core.staging.StagingTableName;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableInfo;
import io.github.courtside.core.warehouse.Warehouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops staging tables left behind by finished consolidations, and reports every other staging
 * table instead of deleting it.
 *
 * <p>The old reaper deleted every {@code _staging_} table older than 24 hours, including those of
 * batches whose consolidation had failed and was never retried, so their predictions were lost
 * (hazard H-6). This one drops a table only when it is older than the threshold <em>and</em> the
 * journal shows it was part of a consolidation round that passed verification, so its rows are in
 * the main table: the same table (its creation time is the one journaled when the round planned it,
 * not merely its name) with the same row count. Tables of unfinished batches, tables that arrived
 * after their batch was consolidated, and tables of unknown age are kept and reported with their
 * row counts.
 *
 * <pre>{@code
 * OrphanStagingReaper reaper = OrphanStagingReaper.create(warehouse, main, Duration.ofHours(24),
 *     ConsolidationConfig.DEFAULT_JOURNAL_TABLE, clock);
 * ReapReport report = reaper.reap();
 * report.kept().forEach(k -> log.warn("kept {} ({} rows): {}", k.table(), k.rows(), k.reason()));
 * }</pre>
 */
public final class OrphanStagingReaper {
  private static final Logger log = LoggerFactory.getLogger(OrphanStagingReaper.class);

  private final Warehouse warehouse;
  private final TableId mainTable;
  private final Duration maxAge;
  private final ConsolidationJournal journal;
  private final Clock clock;

  private OrphanStagingReaper(
      Warehouse warehouse, TableId mainTable, Duration maxAge, String journalTable, Clock clock) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.mainTable = Objects.requireNonNull(mainTable, "mainTable");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative: " + maxAge);
    }
    this.journal = new ConsolidationJournal(warehouse, mainTable, journalTable, clock);
  }

  /** A reaper for the staging tables of {@code mainTable}, using the consolidator's journal. */
  public static OrphanStagingReaper create(
      Warehouse warehouse, TableId mainTable, Duration maxAge, String journalTable, Clock clock) {
    return new OrphanStagingReaper(warehouse, mainTable, maxAge, journalTable, clock);
  }

  /** Why a staging table was kept. */
  public enum KeepReason {
    /** Its batch has not been consolidated (or its consolidation failed or is running). */
    UNFINISHED_BATCH,
    /** Its batch was consolidated, but this table was not part of a verified round. */
    NOT_MERGED,
    /** Younger than the age threshold. */
    TOO_YOUNG,
    /** The warehouse does not know when it was created. */
    UNKNOWN_AGE,
    /**
     * A table of a verified round by name, but created after that round planned it (a new table
     * under the same name) or holding another row count than was merged: its rows may be unmerged.
     */
    CHANGED_SINCE_MERGED
  }

  /**
   * A staging table the reaper kept.
   *
   * @param table the table
   * @param batchId its batch
   * @param rows its row count
   * @param reason why it was kept
   */
  public record KeptTable(TableId table, String batchId, long rows, KeepReason reason) {}

  /**
   * A staging table the reaper dropped.
   *
   * @param table the table
   * @param batchId its batch
   * @param rows the rows it held (all of them verified merged)
   */
  public record DroppedTable(TableId table, String batchId, long rows) {}

  /**
   * What one {@link #reap()} did.
   *
   * @param dropped tables dropped
   * @param kept tables kept, with the reason
   */
  public record ReapReport(List<DroppedTable> dropped, List<KeptTable> kept) {
    public ReapReport {
      dropped = List.copyOf(dropped);
      kept = List.copyOf(kept);
    }
  }

  /** Drops the staging tables that are safe to drop and reports the rest. */
  public ReapReport reap() {
    journal.ensureExists();
    Map<String, List<Entry>> byBatch = new HashMap<>();
    for (Entry entry : journal.allEntries()) {
      byBatch.computeIfAbsent(entry.batchId(), k -> new ArrayList<>()).add(entry);
    }
    Instant cutoff = clock.instant().minus(maxAge);
    List<DroppedTable> dropped = new ArrayList<>();
    List<KeptTable> kept = new ArrayList<>();
    for (TableId table :
        warehouse.listSiblings(mainTable, StagingTableName.tablePrefix(mainTable))) {
      Optional<StagingTableName> name = StagingTableName.parse(table);
      if (name.isEmpty() || !name.get().mainTable().equals(mainTable)) {
        continue;
      }
      String batchId = name.get().batchId();
      List<Entry> entries = byBatch.getOrDefault(batchId, List.of());
      long rows = rows(table);
      Optional<Instant> created = warehouse.describe(table).flatMap(TableInfo::createdAt);
      VerifiedTable verified = verifiedTables(entries).get(table.table());
      KeepReason reason = null;
      if (!finished(entries)) {
        reason = KeepReason.UNFINISHED_BATCH;
      } else if (verified == null) {
        reason = KeepReason.NOT_MERGED;
      } else if (created.isEmpty()) {
        reason = KeepReason.UNKNOWN_AGE;
      } else if (!verified.isThisTable(created.get(), rows)) {
        reason = KeepReason.CHANGED_SINCE_MERGED;
      } else if (!created.get().isBefore(cutoff)) {
        reason = KeepReason.TOO_YOUNG;
      }
      if (reason == null) {
        if (warehouse.dropTable(table)) {
          log.info("dropped orphan staging table {} of batch {} ({} rows)", table, batchId, rows);
          dropped.add(new DroppedTable(table, batchId, rows));
        }
      } else {
        kept.add(new KeptTable(table, batchId, rows, reason));
      }
    }
    return new ReapReport(dropped, kept);
  }

  private static boolean finished(List<Entry> entries) {
    return !entries.isEmpty() && entries.get(entries.size() - 1).is(ConsolidationStep.CLEANED);
  }

  /**
   * What the journal knows of a staging table of a verified round: when the plan saw it, its
   * creation time and row count then (absent in journals of older versions).
   */
  private record VerifiedTable(Instant plannedAt, Optional<Instant> created, Optional<Long> rows) {
    /**
     * Whether the table listed now is the one that was verified, with nothing added: judged by its
     * creation time (a table re-created under the same name is another table) and its row count.
     */
    boolean isThisTable(Instant createdNow, long rowsNow) {
      boolean sameTable = created.map(createdNow::equals).orElse(!createdNow.isAfter(plannedAt));
      return sameTable && rows.map(r -> r == rowsNow).orElse(true);
    }
  }

  /** The tables of every round that reached verification, by table name. */
  private static Map<String, VerifiedTable> verifiedTables(List<Entry> entries) {
    Map<Integer, Entry> planned = new HashMap<>();
    Map<String, VerifiedTable> verified = new HashMap<>();
    for (Entry entry : entries) {
      if (entry.is(ConsolidationStep.PLANNED)) {
        planned.put(entry.round(), entry);
      } else if (entry.is(ConsolidationStep.VERIFIED) && planned.containsKey(entry.round())) {
        Entry plan = planned.get(entry.round());
        String names = plan.detail().getOrDefault("tables", "");
        for (String name : names.isEmpty() ? new String[0] : names.split(",")) {
          String created = plan.detail().get(Consolidator.CREATED_PREFIX + name);
          String rows = plan.detail().get(Consolidator.ROWS_PREFIX + name);
          verified.put(
              name,
              new VerifiedTable(
                  plan.recordedAt(),
                  Optional.ofNullable(created).map(Instant::parse),
                  Optional.ofNullable(rows).map(Long::parseLong)));
        }
      }
    }
    return verified;
  }

  private long rows(TableId table) {
    return warehouse
        .query("SELECT COUNT(*) AS n FROM " + warehouse.dialect().table(table))
        .get(0)
        .getLong("n")
        .orElseThrow();
  }
}
