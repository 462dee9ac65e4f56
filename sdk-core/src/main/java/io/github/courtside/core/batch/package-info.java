/**
 * Buffered, retried, fully accounted writes of rows to a sink: {@link
 * io.github.courtside.core.batch.BatchWriter} with its {@link
 * io.github.courtside.core.batch.BatchWriterConfig}, the {@link
 * io.github.courtside.core.batch.BatchSink} SPI (in-memory and warehouse-append sinks here,
 * BigQuery's in its module), dead letters, deterministic row ids and the per-table {@link
 * io.github.courtside.core.batch.WriteModePolicy} that keeps streaming writers away from tables
 * rewritten by DML.
 */
@NullMarked
package io.github.courtside.core.batch;

import org.jspecify.annotations.NullMarked;
