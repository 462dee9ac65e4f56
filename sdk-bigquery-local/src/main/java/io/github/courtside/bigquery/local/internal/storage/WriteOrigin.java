package io.github.courtside.bigquery.local.internal.storage;

/** Which API wrote rows; rows of {@link #STREAMING_INSERT} enter the streaming buffer. */
public enum WriteOrigin {
  /** {@code tabledata.insertAll}: the rows stay in the streaming buffer for its window. */
  STREAMING_INSERT,
  /** A load job (or a copy job). */
  LOAD,
  /** The Storage Write API; no streaming buffer, as in BigQuery today. */
  STORAGE_WRITE,
  /** Query results written to a destination table. */
  QUERY
}
