package io.github.courtside.bigquery.local.internal.write;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one {@code AppendRows} request in canonical cell values, and the problems found in
 * them by row index (a request with any problem appends nothing).
 */
record DecodedRows(List<Map<String, @Nullable Object>> rows, SortedMap<Integer, String> errors) {
  DecodedRows {
    rows = List.copyOf(rows);
    errors = new TreeMap<>(errors);
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** These rows with more problems added (existing messages for the same row win). */
  DecodedRows withErrors(Map<Integer, String> more) {
    TreeMap<Integer, String> all = new TreeMap<>(more);
    all.putAll(errors);
    all.keySet().removeIf(i -> i < 0 || i >= rows.size());
    return new DecodedRows(rows, all);
  }
}
