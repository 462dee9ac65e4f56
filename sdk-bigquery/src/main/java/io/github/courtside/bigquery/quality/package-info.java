/**
 * The data-quality issue log, rebuilt on the batch writer: one row per issue, streamed in batches,
 * never a load job per record (spec-prediction-infra §5.4, incident I-17).
 */
@NullMarked
package io.github.courtside.bigquery.quality;

import org.jspecify.annotations.NullMarked;
