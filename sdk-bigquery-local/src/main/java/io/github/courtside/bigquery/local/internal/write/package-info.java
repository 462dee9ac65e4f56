/**
 * The BigQuery Storage Write API (v1) over gRPC on loopback; not API.
 *
 * <p>{@link io.github.courtside.bigquery.local.internal.write.StorageWriteServer} serves the
 * generated {@code BigQueryWrite} service. What it does, as BigQuery documents it:
 *
 * <ul>
 *   <li>{@code CreateWriteStream} for COMMITTED, PENDING and BUFFERED streams (write mode INSERT,
 *       the table schema converted to the storage schema, the dataset's location); NOT_FOUND with
 *       {@code TABLE_NOT_FOUND} for a missing table.
 *   <li>The {@code _default} stream of every table ({@code .../streams/_default}, and the short
 *       {@code .../tables/t/_default} that {@code JsonStreamWriter} sends): committed, at least
 *       once, no offsets.
 *   <li>{@code AppendRows}: proto rows with the writer schema on the first request of a connection
 *       (or of a switch to another stream), reused after; fields matched to columns by name,
 *       case-insensitively, or by the {@code column_name} annotation; the documented proto types of
 *       each column type (see {@code ColumnType}); offsets checked against the stream's row count
 *       (ALREADY_EXISTS / OUT_OF_RANGE with the StorageError the client turns into {@code
 *       OffsetAlreadyExists} / {@code OffsetOutOfRange}); row errors (FIELDS_ERROR with the row
 *       index and the field) with nothing appended; a writer schema field without a column is
 *       {@code SCHEMA_MISMATCH_EXTRA_FIELDS}; {@code updated_schema} in the response when the table
 *       schema changed during the connection.
 *   <li>{@code FinalizeWriteStream} (row count; appends refused after with {@code
 *       STREAM_FINALIZED}), {@code BatchCommitWriteStreams} (all named PENDING streams in one
 *       storage write, or none with a stream error each: {@code INVALID_STREAM_STATE} when not
 *       finalized, {@code STREAM_ALREADY_COMMITTED}, {@code INVALID_STREAM_TYPE}, {@code
 *       STREAM_NOT_FOUND}), {@code GetWriteStream} (table schema in the FULL view), {@code
 *       FlushRows} (BUFFERED rows up to and including the offset become visible).
 *   <li>Faults per call and per {@code AppendRows} request: 429 (and 403) in the response's error
 *       as RESOURCE_EXHAUSTED, retried by writers with {@code RetrySettings}; 500 and 503 end the
 *       connection with INTERNAL / UNAVAILABLE, which the writer reconnects from and resends;
 *       delays; row errors; ambiguous failures (the rows land, then the connection ends with
 *       UNAVAILABLE).
 * </ul>
 *
 * <p>Not supported: Arrow rows, DEFAULT_VALUE missing-value interpretation for columns with a
 * default value expression, GEOGRAPHY, INTERVAL and RANGE columns, timestamp precision 12
 * (picoseconds); streams and held rows live in memory only (they do not survive a restart with a
 * data folder).
 */
@NullMarked
package io.github.courtside.bigquery.local.internal.write;

import org.jspecify.annotations.NullMarked;
