/**
 * Tables and their rows on DuckDB, with BigQuery's metadata; not API.
 *
 * <ul>
 *   <li>{@link io.github.courtside.bigquery.local.internal.storage.DuckDbLocalStorage}: the storage
 *       (its Javadoc gives the physical layout and the hidden columns).
 *   <li>{@link io.github.courtside.bigquery.local.internal.storage.DuckDbTypes}: BigQuery type to
 *       DuckDB type; {@link io.github.courtside.bigquery.local.internal.storage.JdbcValues}: DuckDB
 *       JDBC values to canonical values.
 *   <li>Codecs for the REST and Storage Write layers: {@link
 *       io.github.courtside.bigquery.local.internal.storage.JsonRowCodec} (insertAll and NDJSON),
 *       {@link io.github.courtside.bigquery.local.internal.storage.CsvRowCodec} with {@link
 *       io.github.courtside.bigquery.local.internal.storage.CsvOptions} (CSV loads), {@link
 *       io.github.courtside.bigquery.local.internal.storage.TableRowCodec} (REST cells); their
 *       results are {@link io.github.courtside.bigquery.local.internal.storage.DecodedRow}s with
 *       {@link io.github.courtside.bigquery.local.internal.storage.FieldError}s.
 * </ul>
 */
@NullMarked
package io.github.courtside.bigquery.local.internal.storage;

import org.jspecify.annotations.NullMarked;
