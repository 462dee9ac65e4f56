/**
 * {@link io.github.courtside.bigquery.warehouse.BigQueryWarehouse}: the core {@code Warehouse} port
 * on BigQuery (REST for tables and jobs, the Storage Write API for appends).
 */
@NullMarked
package io.github.courtside.bigquery.warehouse;

import org.jspecify.annotations.NullMarked;
