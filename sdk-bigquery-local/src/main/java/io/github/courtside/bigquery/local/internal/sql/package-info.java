/** GoogleSQL analysed by ZetaSQL and compiled from the resolved tree to DuckDB SQL; not API. */
@NullMarked
package io.github.courtside.bigquery.local.internal.sql;

import org.jspecify.annotations.NullMarked;
