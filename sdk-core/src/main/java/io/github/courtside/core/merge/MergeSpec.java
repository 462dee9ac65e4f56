package io.github.courtside.core.merge;

import io.github.courtside.core.ValueStyle;
import io.github.courtside.core.warehouse.TableId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * How staging rows are merged into a main table: the caller-declared merge key, the column that
 * decides which of several staged rows for one key is newest, the columns an update must not touch,
 * an optional timestamp column the merge refreshes, and the schema-change policy.
 *
 * <p>Merge keys may be of any type but JSON. They are compared NULL-safely (I-2) and without any
 * rounding (H-1): lines 22.5 and 23.0 are different keys. The partition column of the main table is
 * always part of the match (I-16) and never updated.
 *
 * <pre>{@code
 * MergeSpec spec = MergeSpec.builder(TableId.of("nba_predictions", "player_prop_predictions"))
 *     .mergeKey("game_id", "player_lookup", "system_id", "current_points_line")
 *     .newestBy("created_at")
 *     .excludeFromUpdate("prediction_id", "created_at")
 *     .refreshOnWrite("updated_at")
 *     .schemaChangePolicy(SchemaChangePolicy.INTERSECT)
 *     .build();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class MergeSpec {
  MergeSpec() {}

  /** A builder for merges into {@code mainTable}. */
  public static Builder builder(TableId mainTable) {
    return new Builder().mainTable(mainTable);
  }

  /** A builder starting from this spec. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The table merged into. */
  public abstract TableId mainTable();

  /** The business key columns, at least one, none repeated. */
  public abstract List<String> mergeKey();

  /** The column whose greatest value wins among staged rows of one key (NULL last). */
  public abstract String newestBy();

  /** Columns kept as they are when a row is updated (ids, creation time: I-6). */
  public abstract Set<String> excludedFromUpdate();

  /** A TIMESTAMP column set to the merge's time on insert and update, if any. */
  public abstract Optional<String> refreshedAt();

  /** What to do with staging columns the main table lacks; {@link SchemaChangePolicy#FAIL}. */
  @Value.Default
  public SchemaChangePolicy schemaChangePolicy() {
    return SchemaChangePolicy.FAIL;
  }

  /**
   * Columns set to a constant on insert and update (e.g. {@code is_active = TRUE}, so a re-merged
   * row becomes active again), whatever staging holds.
   */
  public abstract Map<String, Object> assignedOnWrite();

  /** This spec with one more column assigned a constant on insert and update. */
  public MergeSpec withAssignment(String column, Object value) {
    return toBuilder()
        .putAssignedOnWrite(
            Objects.requireNonNull(column, "column"), Objects.requireNonNull(value, "value"))
        .build();
  }

  @Value.Check
  void check() {
    if (mergeKey().isEmpty()) {
      throw new IllegalArgumentException("a merge key needs at least one column");
    }
    if (new LinkedHashSet<>(mergeKey()).size() != mergeKey().size()) {
      throw new IllegalArgumentException("merge key " + mergeKey() + " repeats a column");
    }
  }

  /** Builds a {@link MergeSpec}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableMergeSpec.Builder {
    Builder() {}

    /** The business key columns, replacing any set before. */
    public Builder mergeKey(String... columns) {
      return mergeKey(List.of(columns));
    }

    /** Adds columns an update must not touch. */
    public Builder excludeFromUpdate(String... columns) {
      return addExcludedFromUpdate(columns);
    }

    /** A TIMESTAMP column the merge sets on insert and update. */
    public Builder refreshOnWrite(String column) {
      return refreshedAt(column);
    }
  }
}
