package io.github.courtside.core.coordination;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable document: its path and typed fields.
 *
 * <p>Field values are {@link String}, {@link Long}, {@link Double}, {@link Boolean}, {@link
 * Instant}, a nested {@code Map<String, Object>} of the same, or a {@code List} of the scalar kinds
 * (an array field: no nulls, no nested lists or maps). {@link Integer} values are widened to {@link
 * Long}; anything else is refused with the field named. Top-level names starting with {@value
 * CoordinationStore#RESERVED_FIELD_PREFIX} are reserved for the stores and refused. Stores keep
 * timestamps to the microsecond ({@link #truncatedToMicros()}).
 *
 * <pre>{@code
 * Document done = Document.of("batches/2024-04-10/b1/items/player-42",
 *     Map.of("rows", 3L, "staging_table", "_staging_b1_w7", "at", clock.instant()));
 * long rows = done.getLong("rows").orElse(0L);
 * }</pre>
 *
 * @param path the document's path (collection/id[/collection/id...])
 * @param fields the typed field values, in insertion order
 */
public record Document(String path, Map<String, Object> fields) {

  public Document {
    DocumentPaths.requireDocumentPath(Objects.requireNonNull(path, "path"));
    fields = normalise(path, "", Objects.requireNonNull(fields, "fields"));
    for (String name : fields.keySet()) {
      if (name.startsWith(CoordinationStore.RESERVED_FIELD_PREFIX)) {
        throw new IllegalArgumentException(
            "field "
                + name
                + " of document "
                + path
                + " uses the prefix "
                + CoordinationStore.RESERVED_FIELD_PREFIX
                + ", which is reserved for the coordination stores");
      }
    }
  }

  /** A document at {@code path} with {@code fields}. */
  public static Document of(String path, Map<String, ?> fields) {
    return new Document(path, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
  }

  /**
   * This document with every timestamp (nested ones too) truncated to microseconds: what a {@link
   * CoordinationStore} keeps and reads back. Returns this document when nothing needs truncating.
   */
  public Document truncatedToMicros() {
    Map<String, Object> truncated = truncate(fields);
    return truncated == fields ? this : new Document(path, truncated);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> truncate(Map<String, Object> fields) {
    Map<String, Object> copy = null;
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      Object value = field.getValue();
      Object kept = value;
      if (value instanceof Instant instant) {
        kept = instant.truncatedTo(ChronoUnit.MICROS);
      } else if (value instanceof Map<?, ?> map) {
        kept = truncate((Map<String, Object>) map);
      } else if (value instanceof List<?> list) {
        kept =
            list.stream()
                .map(
                    element ->
                        element instanceof Instant instant
                            ? instant.truncatedTo(ChronoUnit.MICROS)
                            : element)
                .toList();
      }
      if (!kept.equals(value)) {
        if (copy == null) {
          copy = new LinkedHashMap<>(fields);
        }
        copy.put(field.getKey(), kept);
      }
    }
    return copy == null ? fields : Collections.unmodifiableMap(copy);
  }

  /** The id: the last segment of the path. */
  public String id() {
    return DocumentPaths.idOf(path);
  }

  /** The collection the document lies in. */
  public String collection() {
    return DocumentPaths.collectionOf(path);
  }

  /** A string field, if present. */
  public Optional<String> getString(String field) {
    return typed(field, String.class);
  }

  /** A long field, if present. */
  public Optional<Long> getLong(String field) {
    return typed(field, Long.class);
  }

  /** A double field, if present. */
  public Optional<Double> getDouble(String field) {
    return typed(field, Double.class);
  }

  /** A boolean field, if present. */
  public Optional<Boolean> getBoolean(String field) {
    return typed(field, Boolean.class);
  }

  /** A timestamp field, if present. */
  public Optional<Instant> getTimestamp(String field) {
    return typed(field, Instant.class);
  }

  /** An array field's values, if present. */
  @SuppressWarnings("unchecked")
  public Optional<List<Object>> getList(String field) {
    return typed(field, List.class).map(list -> (List<Object>) list);
  }

  /** A map field, if present. */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> getMap(String field) {
    return typed(field, Map.class).map(map -> (Map<String, Object>) map);
  }

  private <T> Optional<T> typed(String field, Class<T> type) {
    Object value = fields.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw new CoordinationStoreException(
          path,
          "field "
              + field
              + " holds a "
              + value.getClass().getSimpleName()
              + ", not a "
              + type.getSimpleName());
    }
    return Optional.of(type.cast(value));
  }

  private static Map<String, Object> normalise(String path, String prefix, Map<String, ?> fields) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : fields.entrySet()) {
      String name = Objects.requireNonNull(entry.getKey(), "field name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("document " + path + " has an empty field name");
      }
      Object value = entry.getValue();
      String qualified = prefix + name;
      if (value == null) {
        throw new IllegalArgumentException(
            "field " + qualified + " of document " + path + " is null; omit it instead");
      }
      copy.put(name, normaliseValue(path, qualified, value));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object normaliseValue(String path, String field, Object value) {
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof String
        || value instanceof Long
        || value instanceof Double
        || value instanceof Boolean
        || value instanceof Instant) {
      return value;
    }
    if (value instanceof List<?> list) {
      List<Object> elements = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        Object element = list.get(i);
        if (element == null || element instanceof List<?> || element instanceof Map<?, ?>) {
          throw new IllegalArgumentException(
              "field "
                  + field
                  + " of document "
                  + path
                  + " holds "
                  + (element == null ? "null" : "a nested list or map")
                  + " at index "
                  + i
                  + "; array fields hold String, Long, Double, Boolean or Instant values");
        }
        elements.add(normaliseValue(path, field + "[" + i + "]", element));
      }
      return Collections.unmodifiableList(elements);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> nested = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException(
              "field " + field + " of document " + path + " has a non-string key");
        }
        nested.put(key, entry.getValue());
      }
      return normalise(path, field + ".", nested);
    }
    throw new IllegalArgumentException(
        "field "
            + field
            + " of document "
            + path
            + " is a "
            + value.getClass().getName()
            + "; supported: String, Long, Double, Boolean, Instant, Map, List");
  }
}
