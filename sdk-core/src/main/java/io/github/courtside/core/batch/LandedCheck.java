package io.github.courtside.core.batch;

import java.util.Optional;

/**
 * Tells whether a row dead-lettered as ambiguous (its append failed but may have landed) is in its
 * table after all, from the stream and offset the dead letter recorded. {@code StorageWriteSink}
 * answers it by finalizing the stream and comparing its row count with the offset.
 *
 * <pre>{@code
 * NdjsonDeadLetterSink.Replay replay = spill.replay(writer, storageWriteSink.landedCheck());
 * }</pre>
 */
@FunctionalInterface
public interface LandedCheck {
  /** Never decides: ambiguous rows are kept, not replayed. */
  LandedCheck UNKNOWN = (stream, offset) -> Optional.empty();

  /**
   * Whether the row appended at {@code offset} of {@code stream} landed; empty when it cannot be
   * told (the row is then kept for a later replay).
   */
  Optional<Boolean> landed(String stream, long offset);
}
