package io.github.courtside.bigquery.sink;

/**
 * What a {@link StorageWriteSink} promises about rows it reports written, when requests fail and
 * are retried.
 *
 * <pre>{@code
 * StorageWriteSink.builder().guarantee(DeliveryGuarantee.EXACTLY_ONCE)...
 * }</pre>
 */
public enum DeliveryGuarantee {
  /**
   * The table's {@code _default} stream: rows are visible at once and the stream needs no
   * bookkeeping, but a request that landed although the client saw an error is written again on
   * retry, so a row may appear more than once.
   */
  AT_LEAST_ONCE,
  /**
   * A COMMITTED stream the sink creates, written at explicit offsets: a retried append carries the
   * same offset, and BigQuery refuses it with {@code ALREADY_EXISTS} when the first attempt landed,
   * so every row reported written is in the table exactly once.
   */
  EXACTLY_ONCE
}
