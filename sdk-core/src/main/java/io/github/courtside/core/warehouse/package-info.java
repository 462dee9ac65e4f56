/**
 * The {@link io.github.courtside.core.warehouse.Warehouse} port: table ids, schemas, rows and the
 * operations every warehouse backend (DuckDB, BigQuery) provides.
 */
@NullMarked
package io.github.courtside.core.warehouse;

import org.jspecify.annotations.NullMarked;
