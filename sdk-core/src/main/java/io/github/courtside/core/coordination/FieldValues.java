package io.github.courtside.core.coordination;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The ordering of field values used by {@link DocumentQuery#orderByField()}: booleans, then numbers
 * (longs and doubles compared numerically), then timestamps, then strings, then maps, the way
 * Firestore orders mixed types. Stores that sort in memory use {@link #ORDER}.
 */
public final class FieldValues {
  /** Total order over supported field values. */
  public static final Comparator<Object> ORDER = FieldValues::compare;

  private FieldValues() {}

  private static int compare(Object a, Object b) {
    int byRank = Integer.compare(rank(a), rank(b));
    if (byRank != 0) {
      return byRank;
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      if (x instanceof Long lx && y instanceof Long ly) {
        return Long.compare(lx, ly);
      }
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return x.compareTo(y);
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        int byElement = compare(x.get(i), y.get(i));
        if (byElement != 0) {
          return byElement;
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    return Integer.compare(((Map<?, ?>) a).size(), ((Map<?, ?>) b).size());
  }

  private static int rank(Object value) {
    if (value instanceof Boolean) {
      return 0;
    }
    if (value instanceof Number) {
      return 1;
    }
    if (value instanceof Instant) {
      return 2;
    }
    if (value instanceof String) {
      return 3;
    }
    if (value instanceof List) {
      return 4;
    }
    return 5;
  }
}
