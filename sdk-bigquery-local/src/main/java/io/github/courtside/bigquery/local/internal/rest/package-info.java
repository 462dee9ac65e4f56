/** The BigQuery REST API (v2) over HTTP on loopback; not API. */
@NullMarked
package io.github.courtside.bigquery.local.internal.rest;

import org.jspecify.annotations.NullMarked;
