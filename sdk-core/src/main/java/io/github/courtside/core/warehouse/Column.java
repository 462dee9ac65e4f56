package io.github.courtside.core.warehouse;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One column of a {@link TableSchema}.
 *
 * <pre>{@code
 * Column.required("player_lookup", ColumnType.STRING);
 * Column.nullable("line_value", ColumnType.FLOAT64);
 * Column.nullable("is_active", ColumnType.BOOL).withDefault(true);
 * }</pre>
 *
 * @param name column name (an identifier)
 * @param type value type
 * @param required whether NULL is refused
 * @param defaultValue value used on insert when a writer does not supply the column, if any
 */
public record Column(
    String name, ColumnType type, boolean required, Optional<Object> defaultValue) {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,299}");

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("column name '" + name + "' is not a valid identifier");
    }
    defaultValue.ifPresent(
        value -> {
          if (!type.accepts(value)) {
            throw new IllegalArgumentException(
                "default of column "
                    + name
                    + " is a "
                    + value.getClass().getSimpleName()
                    + ", expected "
                    + type.javaType().getSimpleName());
          }
        });
  }

  /** A column that refuses NULL. */
  public static Column required(String name, ColumnType type) {
    return new Column(name, type, true, Optional.empty());
  }

  /** A column that accepts NULL. */
  public static Column nullable(String name, ColumnType type) {
    return new Column(name, type, false, Optional.empty());
  }

  /** This column with a default used on insert when the value is not supplied. */
  public Column withDefault(@Nullable Object value) {
    return new Column(name, type, required, Optional.ofNullable(value));
  }
}
