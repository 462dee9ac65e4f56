package io.github.courtside.core.warehouse;

import io.github.courtside.core.ValueStyle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
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
@ValueStyle
@Value.Immutable
public abstract class Row {
  Row() {}

  /** The values, in insertion order; a present key may map to NULL. */
  @AllowNulls
  abstract Map<String, Object> values();

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A row with the given values (NULL values allowed), in the map's iteration order. */
  public static Row of(Map<String, ? extends @Nullable Object> values) {
    return builder().putAllValues(values).build();
  }

  /** A builder starting from this row's values. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Column names present in this row, in order. */
  public Set<String> columns() {
    return values().keySet();
  }

  /** The values by column name; a present key may map to NULL. */
  public Map<String, @Nullable Object> asMap() {
    return values();
  }

  /** Whether the row carries this column (possibly NULL). */
  public boolean has(String column) {
    return values().containsKey(column);
  }

  /** The raw value, or null when the column is absent or NULL. */
  public @Nullable Object get(String column) {
    return values().get(column);
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
    Object value = values().get(column);
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
    return other instanceof Row that && values().equals(that.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  @Override
  public String toString() {
    return "Row" + values();
  }

  /** Builds a {@link Row}; it may be reused, later changes do not affect a built row. */
  public static final class Builder extends ImmutableRow.Builder {
    Builder() {}

    /**
     * Sets a column; {@code null} sets an explicit NULL; a column set again takes the new value.
     */
    public Builder set(String column, @Nullable Object value) {
      return putValues(Objects.requireNonNull(column, "column"), value);
    }

    /** Removes a column. */
    public Builder remove(String column) {
      Map<String, @Nullable Object> rest = new LinkedHashMap<>(build().values());
      rest.remove(column);
      return values(rest);
    }
  }
}
