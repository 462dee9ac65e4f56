package io.github.courtside.core.consolidation;

import io.github.courtside.core.merge.MergeSpec;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Consolidator} consolidates: the merge spec, and optionally the active flag and the
 * group within which only the newest row stays active.
 *
 * <p>When an active column is declared, merged rows are written active, then every group (e.g.
 * game, player, system: incident I-12 came from leaving {@code system_id} out) keeps only its
 * newest active row: newest by the merge's refresh column (set on every insert and update, so a
 * line that moves A, B, A keeps A: hazard H-4, fixed), then by the spec's ordering column, then by
 * merge key. There is deliberately no write-time filter (incident I-14: an edge filter dropped the
 * only new prediction of players whose old rows had been superseded).
 *
 * <pre>{@code
 * ConsolidationConfig config = ConsolidationConfig.builder(spec)
 *     .activeFlag("is_active", "game_id", "player_lookup", "system_id")
 *     .clock(clock)
 *     .build();
 * }</pre>
 *
 * @param mergeSpec how staging rows are merged
 * @param activeColumn the BOOL column marking current rows, if any
 * @param supersedeGroup the columns within which one row stays active
 * @param journalTable the name of the journal table in the main table's dataset
 * @param clock the clock for refresh timestamps, journal entries and timings
 * @param listener hears steps, reports and failures (metrics)
 */
public record ConsolidationConfig(
    MergeSpec mergeSpec,
    Optional<String> activeColumn,
    List<String> supersedeGroup,
    String journalTable,
    Clock clock,
    ConsolidationListener listener) {
  /** The default journal table name. */
  public static final String DEFAULT_JOURNAL_TABLE = "_courtside_consolidation_journal";

  public ConsolidationConfig {
    Objects.requireNonNull(mergeSpec, "mergeSpec");
    Objects.requireNonNull(activeColumn, "activeColumn");
    Objects.requireNonNull(journalTable, "journalTable");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(listener, "listener");
    supersedeGroup = List.copyOf(supersedeGroup);
    if (activeColumn.isPresent() && supersedeGroup.isEmpty()) {
      throw new IllegalArgumentException("an active column needs a supersede group");
    }
  }

  /** A builder for consolidations with this merge spec. */
  public static Builder builder(MergeSpec mergeSpec) {
    return new Builder(mergeSpec);
  }

  /** Builds a {@link ConsolidationConfig}. */
  public static final class Builder {
    private final MergeSpec mergeSpec;
    private @Nullable String activeColumn;
    private List<String> group = List.of();
    private String journalTable = DEFAULT_JOURNAL_TABLE;
    private Clock clock = Clock.systemUTC();
    private ConsolidationListener listener = ConsolidationListener.NONE;

    private Builder(MergeSpec mergeSpec) {
      this.mergeSpec = Objects.requireNonNull(mergeSpec, "mergeSpec");
    }

    /** The active flag and the group within which only the newest row stays active. */
    public Builder activeFlag(String column, String... group) {
      this.activeColumn = Objects.requireNonNull(column, "column");
      this.group = List.of(group);
      return this;
    }

    /** The journal table's name (in the main table's dataset). */
    public Builder journalTable(String name) {
      this.journalTable = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The clock; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Hears steps, reports and failures, e.g. {@link MicrometerConsolidationMetrics}. */
    public Builder listener(ConsolidationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The config. */
    public ConsolidationConfig build() {
      return new ConsolidationConfig(
          mergeSpec, Optional.ofNullable(activeColumn), group, journalTable, clock, listener);
    }
  }
}
