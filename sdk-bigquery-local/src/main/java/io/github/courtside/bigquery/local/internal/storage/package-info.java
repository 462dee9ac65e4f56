/** Tables and their rows on DuckDB, with BigQuery's metadata; not API. */
@NullMarked
package io.github.courtside.bigquery.local.internal.storage;

import org.jspecify.annotations.NullMarked;
