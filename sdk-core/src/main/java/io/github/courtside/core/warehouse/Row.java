package io.github.courtside.core.warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One immutable row: column names to values, in insertion order. Values use the Java types of
 * {@link ColumnType#javaType()}; a missing column and an explicit NULL are different things ({@link
 * #has(String)}).
 *
 * <pre>{@code
 * Row row = Row.builder()
 *     .set("player_lookup", "lebronjames")
 *     .set("points", 27L)
 *     .set("line_value", 25.5)
 *     .build();
 * long points = row.getLong("points").orElseThrow();
 * }</pre>
 */
public final class Row {
  private final Map<String, @Nullable Object> values;

  private Row(Map<String, @Nullable Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  /** A row with the given values (NULL values allowed), in the map's iteration order. */
  public static Row of(Map<String, ? extends @Nullable Object> values) {
    Builder builder = builder();
    values.forEach(builder::set);
    return builder.build();
  }

  /** A builder starting from this row's values. */
  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(values));
  }

  /** Column names present in this row, in order. */
  public Set<String> columns() {
    return values.keySet();
  }

  /** The values by column name; a present key may map to NULL. */
  public Map<String, @Nullable Object> asMap() {
    return values;
  }

  /** Whether the row carries this column (possibly NULL). */
  public boolean has(String column) {
    return values.containsKey(column);
  }

  /** The raw value, or null when the column is absent or NULL. */
  public @Nullable Object get(String column) {
    return values.get(column);
  }

  /** The value as a string, if present and not NULL. */
  public Optional<String> getString(String column) {
    return typed(column, String.class);
  }

  /** The value as a long, if present and not NULL. */
  public Optional<Long> getLong(String column) {
    return typed(column, Long.class);
  }

  /** The value as a double, if present and not NULL. */
  public Optional<Double> getDouble(String column) {
    return typed(column, Double.class);
  }

  /** The value as a boolean, if present and not NULL. */
  public Optional<Boolean> getBoolean(String column) {
    return typed(column, Boolean.class);
  }

  /** The value as a date, if present and not NULL. */
  public Optional<LocalDate> getDate(String column) {
    return typed(column, LocalDate.class);
  }

  /** The value as an instant, if present and not NULL. */
  public Optional<Instant> getTimestamp(String column) {
    return typed(column, Instant.class);
  }

  private <T> Optional<T> typed(String column, Class<T> type) {
    Object value = values.get(column);
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw new ClassCastException(
          "column "
              + column
              + " holds a "
              + value.getClass().getSimpleName()
              + ", not a "
              + type.getSimpleName());
    }
    return Optional.of(type.cast(value));
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Row that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Row" + values;
  }

  /** Builds a {@link Row}. */
  public static final class Builder {
    private final LinkedHashMap<String, @Nullable Object> values;

    private Builder(LinkedHashMap<String, @Nullable Object> values) {
      this.values = values;
    }

    /** Sets a column; {@code null} sets an explicit NULL. */
    public Builder set(String column, @Nullable Object value) {
      values.put(Objects.requireNonNull(column, "column"), value);
      return this;
    }

    /** Removes a column. */
    public Builder remove(String column) {
      values.remove(column);
      return this;
    }

    /** The row. The builder may be reused afterwards; later changes do not affect it. */
    public Row build() {
      return new Row(new LinkedHashMap<>(values));
    }
  }
}
