package io.github.courtside.core.consolidation;

import io.github.courtside.core.ValueStyle;
import io.github.courtside.core.merge.MergeSpec;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

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
 */
@ValueStyle
@Value.Immutable
public abstract class ConsolidationConfig {
  /** The default name of the journal table. */
  public static final String DEFAULT_JOURNAL_TABLE = "_courtside_consolidation_journal";

  ConsolidationConfig() {}

  /** A builder for consolidations with {@code mergeSpec}. */
  public static Builder builder(MergeSpec mergeSpec) {
    return new Builder().mergeSpec(mergeSpec);
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** How staging rows are merged. */
  public abstract MergeSpec mergeSpec();

  /** The BOOL column marking current rows, if any. */
  public abstract Optional<String> activeColumn();

  /** The columns within which one row stays active. */
  public abstract List<String> supersedeGroup();

  /** The name of the journal table in the main table's dataset; {@link #DEFAULT_JOURNAL_TABLE}. */
  @Value.Default
  public String journalTable() {
    return DEFAULT_JOURNAL_TABLE;
  }

  /** The clock for refresh timestamps, journal entries and timings; the system UTC clock. */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** Hears steps, reports and failures, e.g. {@link MicrometerConsolidationMetrics}; nobody. */
  @Value.Default
  public ConsolidationListener listener() {
    return ConsolidationListener.NONE;
  }

  @Value.Check
  void check() {
    if (activeColumn().isPresent() && supersedeGroup().isEmpty()) {
      throw new IllegalArgumentException("an active column needs a supersede group");
    }
  }

  /** Builds a {@link ConsolidationConfig}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableConsolidationConfig.Builder {
    Builder() {}

    /** The active flag and the group within which only the newest row stays active. */
    public Builder activeFlag(String column, String... group) {
      return activeColumn(column).supersedeGroup(List.of(group));
    }
  }
}
