package io.github.courtside.core.completion;

import java.util.Objects;

/**
 * Names one batch: its scope key (a game date, say) and its generation, the sequence number of the
 * batch within the scope. Workers carry {@link #asString()} in their messages and {@link
 * #parse(String)} it back.
 *
 * <pre>{@code
 * BatchId batch = tracker.start("2024-04-10", players);
 * publish(new WorkItem(batch.asString(), player));
 * ...
 * tracker.record(BatchId.parse(message.batch()), message.player(), Completion.rows(12));
 * }</pre>
 *
 * @param scope the scope key
 * @param generation the batch's number within its scope, starting at 1
 */
public record BatchId(String scope, long generation) {

  public BatchId {
    Objects.requireNonNull(scope, "scope");
    if (scope.isEmpty()) {
      throw new IllegalArgumentException("scope must not be empty");
    }
    if (generation < 1) {
      throw new IllegalArgumentException("generation starts at 1, was " + generation);
    }
  }

  /** {@code scope#generation}, e.g. {@code 2024-04-10#3}. */
  public String asString() {
    return scope + "#" + generation;
  }

  /**
   * Reads {@link #asString()}'s form back.
   *
   * @throws IllegalArgumentException when {@code text} is not {@code scope#generation}
   */
  public static BatchId parse(String text) {
    int hash = text.lastIndexOf('#');
    if (hash <= 0 || hash == text.length() - 1) {
      throw new IllegalArgumentException("not a batch id (scope#generation): '" + text + "'");
    }
    try {
      return new BatchId(text.substring(0, hash), Long.parseLong(text.substring(hash + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a batch id (scope#generation): '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return asString();
  }
}
