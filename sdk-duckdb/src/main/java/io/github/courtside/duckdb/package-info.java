/** The embedded default backend: a DuckDB warehouse and coordination store. */
@NullMarked
package io.github.courtside.duckdb;

import org.jspecify.annotations.NullMarked;
