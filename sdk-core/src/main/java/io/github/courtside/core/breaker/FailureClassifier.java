package io.github.courtside.core.breaker;

import java.util.List;
import java.util.Objects;

/**
 * Decides which exceptions count as failures of the protected service. Exceptions that do not count
 * (e.g. bad input from the caller) propagate without touching the breaker's statistics.
 *
 * <pre>{@code
 * FailureClassifier classifier = FailureClassifier.of(IOException.class, TimeoutException.class);
 * }</pre>
 */
@FunctionalInterface
public interface FailureClassifier {

  /** Whether {@code error} counts against the breaker. */
  boolean countsAsFailure(Throwable error);

  /** Every exception counts: the default. */
  static FailureClassifier all() {
    return error -> true;
  }

  /** Exceptions of these types (or with such a cause) count; others do not. */
  @SafeVarargs
  static FailureClassifier of(Class<? extends Throwable>... types) {
    List<Class<? extends Throwable>> counted = List.of(types);
    return error -> {
      Objects.requireNonNull(error, "error");
      for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
        for (Class<? extends Throwable> type : counted) {
          if (type.isInstance(t)) {
            return true;
          }
        }
      }
      return false;
    };
  }
}
