package io.github.courtside.core.coordination;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CoordinationStore#countAndGet} read: how many documents a collection held under an id
 * prefix, and the document at a path, if any.
 *
 * @param count the documents counted
 * @param document the document read
 */
public record CountAndDocument(long count, Optional<Document> document) {
  /** Checks the parts. */
  public CountAndDocument {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    Objects.requireNonNull(document, "document");
  }
}
