/**
 * {@link io.github.courtside.bigquery.quota.LoadJobQuotaGuard}: counts load jobs per table per UTC
 * day and refuses the job that would run into BigQuery's daily limit (incident I-17).
 */
@NullMarked
package io.github.courtside.bigquery.quota;

import org.jspecify.annotations.NullMarked;
