/**
 * The durable embedded {@link io.github.courtside.core.coordination.CoordinationStore}: documents
 * in one DuckDB table, in a file or in memory.
 */
@NullMarked
package io.github.courtside.duckdb.coordination;

import org.jspecify.annotations.NullMarked;
