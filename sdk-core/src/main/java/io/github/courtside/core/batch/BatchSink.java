package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.TableId;
import java.util.List;

/**
 * Where a {@link BatchWriter} sends its requests: one table of some backend.
 *
 * <p>{@link #write} either throws (the whole request failed; the writer's {@link ErrorClassifier}
 * decides whether to retry) or returns which rows, if any, failed. A sink that deduplicates by
 * {@link BatchRecord#id()} makes retries safe even when a request was applied but its response was
 * lost. The writer calls {@code write} from one thread at a time and never while holding its buffer
 * lock.
 *
 * <pre>{@code
 * BatchSink sink = new WarehouseAppendSink(warehouse, table);
 * try (BatchWriter writer = BatchWriter.builder(sink).deadLetterFolder(dir).build()) {
 *   writer.add(row);
 * }
 * }</pre>
 */
public interface BatchSink {

  /** The table the rows go to. */
  TableId table();

  /** How the rows are delivered; streaming sinks are refused for MUTABLE tables. */
  Delivery delivery();

  /**
   * Writes one request.
   *
   * @return which rows failed; all the others were written
   * @throws RuntimeException when the request as a whole failed
   */
  SinkResult write(List<BatchRecord> records);
}
