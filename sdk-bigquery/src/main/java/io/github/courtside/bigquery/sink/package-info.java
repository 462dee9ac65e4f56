/**
 * {@link io.github.courtside.core.batch.BatchSink}s that stream rows into BigQuery: {@link
 * io.github.courtside.bigquery.sink.StorageWriteSink} (Storage Write API, at-least-once on the
 * {@code _default} stream or exactly-once on a COMMITTED stream with offsets) and {@link
 * io.github.courtside.bigquery.sink.InsertAllSink} ({@code tabledata.insertAll} with the writer's
 * row ids as {@code insertId}s). Both are streaming deliveries: they refuse tables declared {@link
 * io.github.courtside.core.batch.WriteMode#MUTABLE}, and neither uses a load job.
 */
@NullMarked
package io.github.courtside.bigquery.sink;

import org.jspecify.annotations.NullMarked;
