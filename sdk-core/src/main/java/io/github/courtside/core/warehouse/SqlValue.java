package io.github.courtside.core.warehouse;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A typed value bound to a parameter of a {@link SqlStatement}: the value in its column type's Java
 * representation ({@link ColumnType#javaType()}), or {@code null} for a typed NULL.
 *
 * <pre>{@code
 * SqlValue day = SqlValue.of(LocalDate.parse("2024-04-10"), ColumnType.DATE);
 * SqlValue none = SqlValue.nullOf(ColumnType.NUMERIC);
 * }</pre>
 *
 * @param value the value, or {@code null}
 * @param type the parameter's type
 */
public record SqlValue(@Nullable Object value, ColumnType type) {
  public SqlValue {
    Objects.requireNonNull(type, "type");
    if (value != null && !type.accepts(value)) {
      throw new IllegalArgumentException(
          "a "
              + value.getClass().getSimpleName()
              + " is not a "
              + type
              + " value (expected "
              + type.javaType().getSimpleName()
              + ")");
    }
  }

  /**
   * A value of the type; {@code null} is a typed NULL.
   *
   * @throws IllegalArgumentException when the value is not of the type's Java representation
   */
  public static SqlValue of(@Nullable Object value, ColumnType type) {
    return new SqlValue(value, type);
  }

  /** A NULL of the type. */
  public static SqlValue nullOf(ColumnType type) {
    return new SqlValue(null, type);
  }

  /** Whether this is a NULL. */
  public boolean isNull() {
    return value == null;
  }
}
