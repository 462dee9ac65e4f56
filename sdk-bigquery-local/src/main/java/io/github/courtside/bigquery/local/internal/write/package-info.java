/** The BigQuery Storage Write API (v1) over gRPC on loopback; not API. */
@NullMarked
package io.github.courtside.bigquery.local.internal.write;

import org.jspecify.annotations.NullMarked;
