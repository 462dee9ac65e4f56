/**
 * The embedded default {@link io.github.courtside.core.warehouse.Warehouse}: {@link
 * io.github.courtside.duckdb.warehouse.DuckDbWarehouse}, in memory or in a file.
 */
@NullMarked
package io.github.courtside.duckdb.warehouse;

import org.jspecify.annotations.NullMarked;
