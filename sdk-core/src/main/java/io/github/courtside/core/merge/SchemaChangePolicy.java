package io.github.courtside.core.merge;

/**
 * What the planner does with staging columns the main table lacks, like dbt's {@code
 * on_schema_change}. A column whose type differs between staging and main always fails the plan.
 *
 * <pre>{@code
 * MergeSpec.builder(main).schemaChangePolicy(SchemaChangePolicy.INTERSECT)...
 * }</pre>
 */
public enum SchemaChangePolicy {
  /** Fail, naming the extra columns and the staging tables that carry them. */
  FAIL,
  /** Ignore the extra columns and report them in {@link MergePlan#ignoredColumns()}. */
  INTERSECT,
  /** Add the extra columns to the main table (nullable) before merging. */
  APPEND_NEW_COLUMNS
}
