package io.github.courtside.core.merge;

import io.github.courtside.core.warehouse.TableId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
 *
 * @param mainTable the table merged into
 * @param mergeKey the business key columns
 * @param newestBy the column whose greatest value wins among staged rows of one key (NULL last)
 * @param excludedFromUpdate columns kept as they are when a row is updated (ids, creation time:
 *     I-6)
 * @param refreshedAt a TIMESTAMP column set to the merge's time on insert and update, if any
 * @param schemaChangePolicy what to do with staging columns the main table lacks
 * @param assignedOnWrite columns set to a constant on insert and update (e.g. {@code is_active =
 *     TRUE}, so a re-merged row becomes active again), whatever staging holds
 */
public record MergeSpec(
    TableId mainTable,
    List<String> mergeKey,
    String newestBy,
    Set<String> excludedFromUpdate,
    Optional<String> refreshedAt,
    SchemaChangePolicy schemaChangePolicy,
    Map<String, Object> assignedOnWrite) {

  public MergeSpec {
    Objects.requireNonNull(mainTable, "mainTable");
    Objects.requireNonNull(newestBy, "newestBy");
    Objects.requireNonNull(refreshedAt, "refreshedAt");
    Objects.requireNonNull(schemaChangePolicy, "schemaChangePolicy");
    mergeKey = List.copyOf(mergeKey);
    excludedFromUpdate = Set.copyOf(excludedFromUpdate);
    assignedOnWrite = Collections.unmodifiableMap(new LinkedHashMap<>(assignedOnWrite));
    if (mergeKey.isEmpty()) {
      throw new IllegalArgumentException("a merge key needs at least one column");
    }
    if (new LinkedHashSet<>(mergeKey).size() != mergeKey.size()) {
      throw new IllegalArgumentException("merge key " + mergeKey + " repeats a column");
    }
  }

  /** This spec with one more column assigned a constant on insert and update. */
  public MergeSpec withAssignment(String column, Object value) {
    Map<String, Object> assigned = new LinkedHashMap<>(assignedOnWrite);
    assigned.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(value, "value"));
    return new MergeSpec(
        mainTable,
        mergeKey,
        newestBy,
        excludedFromUpdate,
        refreshedAt,
        schemaChangePolicy,
        assigned);
  }

  /** A builder for merges into {@code mainTable}. */
  public static Builder builder(TableId mainTable) {
    return new Builder(mainTable);
  }

  /**
   * Builds a {@link MergeSpec}; {@link Builder#mergeKey} and {@link Builder#newestBy} are required.
   */
  public static final class Builder {
    private final TableId mainTable;
    private final List<String> mergeKey = new ArrayList<>();
    private @Nullable String newestBy;
    private final Set<String> excluded = new LinkedHashSet<>();
    private @Nullable String refreshedAt;
    private SchemaChangePolicy policy = SchemaChangePolicy.FAIL;

    private Builder(TableId mainTable) {
      this.mainTable = Objects.requireNonNull(mainTable, "mainTable");
    }

    /** The business key columns. */
    public Builder mergeKey(String... columns) {
      mergeKey.clear();
      mergeKey.addAll(List.of(columns));
      return this;
    }

    /** The ordering column that picks the newest staged row per key. */
    public Builder newestBy(String column) {
      this.newestBy = Objects.requireNonNull(column, "column");
      return this;
    }

    /** Columns an update leaves untouched. */
    public Builder excludeFromUpdate(String... columns) {
      excluded.addAll(List.of(columns));
      return this;
    }

    /** A TIMESTAMP column the merge sets to its own time on insert and update. */
    public Builder refreshOnWrite(String column) {
      this.refreshedAt = Objects.requireNonNull(column, "column");
      return this;
    }

    /**
     * What to do with staging columns the main table lacks; {@link SchemaChangePolicy#FAIL} by
     * default.
     */
    public Builder schemaChangePolicy(SchemaChangePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The spec. */
    public MergeSpec build() {
      if (newestBy == null) {
        throw new IllegalStateException("newestBy(column) is required");
      }
      return new MergeSpec(
          mainTable,
          mergeKey,
          newestBy,
          excluded,
          Optional.ofNullable(refreshedAt),
          policy,
          Map.of());
    }
  }
}
