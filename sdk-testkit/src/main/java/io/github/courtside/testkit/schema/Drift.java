package io.github.courtside.testkit.schema;

/** What a {@link MergeScenario} plants in its staged batch, relative to the main table. */
public enum Drift {
  /** A main-table column some staging table lacks. */
  MISSING_COLUMN,
  /** A staging column the main table lacks (handled by the schema-change policy). */
  EXTRA_COLUMN,
  /** A staging column spelled with another case than the main table's (one column). */
  CASE_ONLY_COLUMN,
  /**
   * A staging column of a wider type: INT64 staged into a NUMERIC or FLOAT64 column (cast), or
   * NUMERIC staged into an INT64 column (widening the main column follows the policy).
   */
  WIDENED_COLUMN,
  /** A staging column of an incompatible type (STRING against INT64): the plan fails naming it. */
  MISTYPED_COLUMN,
  /** A nullable merge-key column holding NULLs (compared NULL-safely). */
  NULL_KEYS,
  /** Several staged rows of one key, some with equal ordering values. */
  TIES,
  /** NULL ordering values (they lose to any value). */
  NULL_ORDERING,
  /** The main table holds two rows of one staged key in the partition: refused before any write. */
  LEGACY_DUPLICATE_TARGETS,
  /** Staged rows dated outside the partition: refused before any write. */
  OUTSIDE_PARTITION,
  /** A merge key of a type no merge accepts (JSON): the planner refuses it, naming the column. */
  REFUSED_KEY_TYPE
}
