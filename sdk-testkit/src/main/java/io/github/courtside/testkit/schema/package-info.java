/**
 * Generators of table schemas and of staged rows that drift from them, for merge and consolidation
 * properties: missing, extra, case-only, widened and mistyped columns, nullable and required keys
 * of every key type, ties, NULL ordering values, legacy duplicate targets and rows outside the
 * partition.
 *
 * <pre>{@code
 * MergeScenario scenario = MergeScenarios.scenarios().sample(5L);
 * scenario.load(warehouse);                      // main table and staging tables, with rows
 * consolidator(scenario.spec()).consolidate(scenario.batchId(), scenario.partition());
 * }</pre>
 */
@NullMarked
package io.github.courtside.testkit.schema;

import org.jspecify.annotations.NullMarked;
