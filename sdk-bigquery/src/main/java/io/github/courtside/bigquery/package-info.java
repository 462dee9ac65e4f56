/** BigQuery adapters of the Courtside ports. */
@NullMarked
package io.github.courtside.bigquery;

import org.jspecify.annotations.NullMarked;
