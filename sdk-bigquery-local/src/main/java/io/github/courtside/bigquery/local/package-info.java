/**
 * A local BigQuery for tests: the REST API and the Storage Write API on loopback, GoogleSQL
 * analysed by ZetaSQL and run on DuckDB. Start it with {@link
 * io.github.courtside.bigquery.local.LocalBigQuery}.
 */
@NullMarked
package io.github.courtside.bigquery.local;

import org.jspecify.annotations.NullMarked;
