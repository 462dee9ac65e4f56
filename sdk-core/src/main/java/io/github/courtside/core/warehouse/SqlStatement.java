package io.github.courtside.core.warehouse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An immutable SQL statement (or a fragment of one, such as a {@link WriteGuard} condition) whose
 * data values are parameters, never text: SQL with placeholders plus the {@link SqlValue typed
 * values} bound to them. The warehouse renders the placeholders as its engine expects ({@link
 * SqlDialect#parameter}: GoogleSQL named {@code @name} query parameters, DuckDB JDBC {@code ?}
 * bound in order of appearance) and binds the values, so a value with quotes, backslashes or {@code
 * '; DROP TABLE} is only ever a value. Identifiers are not parameters: quote them with {@link
 * SqlDialect#identifier} and {@link SqlDialect#table}.
 *
 * <p>A parameter may appear more than once. Appending a fragment keeps its parameters; one whose
 * name is already bound to another value is renamed, so fragments built apart compose safely.
 *
 * <pre>{@code
 * SqlDialect d = warehouse.dialect();
 * SqlStatement delete = SqlStatement.builder()
 *     .append("DELETE FROM " + d.table(games) + " WHERE " + d.identifier("game_date") + " = ")
 *     .value("day", LocalDate.parse("2024-04-10"), ColumnType.DATE)
 *     .append(" AND " + d.identifier("player_lookup") + " = ")
 *     .value("player", "o'neal\\shaq", ColumnType.STRING)
 *     .build();
 * long deleted = warehouse.execute(delete).deleted();
 * // toString(): DELETE FROM `nba.player_game` WHERE `game_date` = @day AND `player_lookup` = @player
 * }</pre>
 */
public final class SqlStatement {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Literal SQL text, or the name of a parameter. */
  private sealed interface Part permits Text, Placeholder {}

  private record Text(String sql) implements Part {}

  private record Placeholder(String name) implements Part {}

  private final List<Part> parts;
  private final Map<String, SqlValue> parameters;

  private SqlStatement(List<Part> parts, Map<String, SqlValue> parameters) {
    this.parts = List.copyOf(parts);
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** SQL without parameters, as written. */
  public static SqlStatement of(String sql) {
    Objects.requireNonNull(sql, "sql");
    return new SqlStatement(List.of(new Text(sql)), Map.of());
  }

  /** Each SQL text as a statement without parameters. */
  public static List<SqlStatement> ofAll(List<String> sql) {
    return sql.stream().map(SqlStatement::of).toList();
  }

  /** A builder of a statement. */
  public static Builder builder() {
    return new Builder();
  }

  /** The fragments joined with {@code delimiter} (e.g. {@code "\nUNION ALL\n"}). */
  public static SqlStatement join(String delimiter, List<SqlStatement> fragments) {
    Builder joined = builder();
    for (int i = 0; i < fragments.size(); i++) {
      if (i > 0) {
        joined.append(delimiter);
      }
      joined.append(fragments.get(i));
    }
    return joined.build();
  }

  /** The text with the dialect's placeholders, ready to prepare or to send with the parameters. */
  public String sql(SqlDialect dialect) {
    StringBuilder text = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Text t) {
        text.append(t.sql());
      } else {
        String name = ((Placeholder) part).name();
        text.append(dialect.parameter(name, valueOf(name).type()));
      }
    }
    return text.toString();
  }

  /** The named parameters, in order of first appearance. */
  public Map<String, SqlValue> parameters() {
    return parameters;
  }

  /** One value per placeholder, in order of appearance (a repeated parameter repeats). */
  public List<SqlValue> positionalValues() {
    List<SqlValue> values = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Placeholder p) {
        values.add(valueOf(p.name()));
      }
    }
    return values;
  }

  private SqlValue valueOf(String name) {
    return Objects.requireNonNull(parameters.get(name), name);
  }

  /** Whether the statement has parameters. */
  public boolean hasParameters() {
    return !parameters.isEmpty();
  }

  /** Whether the text, without its parameters, is blank. */
  public boolean isBlank() {
    return parameters.isEmpty() && parts.stream().allMatch(p -> ((Text) p).sql().isBlank());
  }

  /**
   * The statement without whitespace and semicolons at its end, e.g. to join it with others into a
   * script.
   */
  public SqlStatement withoutTrailingSemicolons() {
    List<Part> trimmed = new ArrayList<>(parts);
    while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1) instanceof Text last) {
      String text = last.sql().stripTrailing();
      while (text.endsWith(";")) {
        text = text.substring(0, text.length() - 1).stripTrailing();
      }
      if (!text.isEmpty() || trimmed.size() == 1) {
        trimmed.set(trimmed.size() - 1, new Text(text));
        break;
      }
      trimmed.remove(trimmed.size() - 1);
    }
    return new SqlStatement(trimmed, parameters);
  }

  /** The text with {@code @name} placeholders (GoogleSQL's form), for logs and messages. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (Part part : parts) {
      text.append(part instanceof Text t ? t.sql() : "@" + ((Placeholder) part).name());
    }
    return text.toString();
  }

  /**
   * The SQL and parameter values, as a description that names every value: for error messages, not
   * for running.
   */
  public String describe() {
    return parameters.isEmpty() ? toString() : toString() + "\n  parameters " + parameters;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof SqlStatement s
        && s.parts.equals(parts)
        && s.parameters.equals(parameters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parts, parameters);
  }

  /** Builds a {@link SqlStatement} from SQL text, parameter values and fragments, in order. */
  public static final class Builder {
    private final List<Part> parts = new ArrayList<>();
    private final Map<String, SqlValue> parameters = new LinkedHashMap<>();
    private final StringBuilder text = new StringBuilder();

    private Builder() {}

    /** Appends SQL text (identifiers, keywords; never data values). */
    public Builder append(String sql) {
      text.append(Objects.requireNonNull(sql, "sql"));
      return this;
    }

    /**
     * Appends a fragment with its parameters; a parameter whose name this statement already binds
     * to another value is renamed ({@code name_2}, ...), one bound to an equal value is shared.
     */
    public Builder append(SqlStatement fragment) {
      Map<String, String> renamed = new LinkedHashMap<>();
      for (Part part : fragment.parts) {
        if (part instanceof Text t) {
          text.append(t.sql());
        } else {
          String name = ((Placeholder) part).name();
          SqlValue value = fragment.valueOf(name);
          placeholder(renamed.computeIfAbsent(name, n -> freeName(n, value)), value);
        }
      }
      return this;
    }

    /**
     * Appends the placeholder of a named parameter bound to {@code value}. The same name may be
     * appended again with an equal value.
     *
     * @throws IllegalArgumentException when the name is not an identifier ({@code
     *     [A-Za-z_][A-Za-z0-9_]*}), is bound to another value, or the value is not of the type
     */
    public Builder value(String name, @Nullable Object value, ColumnType type) {
      return value(name, SqlValue.of(value, type));
    }

    /**
     * Appends the placeholder of a named parameter; see {@link #value(String, Object, ColumnType)}.
     */
    public Builder value(String name, SqlValue value) {
      Objects.requireNonNull(value, "value");
      if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
        throw new IllegalArgumentException(
            "a parameter name is a letter or underscore, then letters, digits or underscores: '"
                + name
                + "'");
      }
      SqlValue bound = parameters.get(name);
      if (bound != null && !bound.equals(value)) {
        throw new IllegalArgumentException(
            "parameter @" + name + " is already bound to " + bound + ", not " + value);
      }
      placeholder(name, value);
      return this;
    }

    /** Appends the placeholder of a parameter named {@code p1}, {@code p2}, ... */
    public Builder value(@Nullable Object value, ColumnType type) {
      SqlValue typed = SqlValue.of(value, type);
      return value(freeName("p" + (parameters.size() + 1), typed), typed);
    }

    /** The statement. */
    public SqlStatement build() {
      List<Part> all = new ArrayList<>(parts);
      if (text.length() > 0 || all.isEmpty()) {
        all.add(new Text(text.toString()));
      }
      return new SqlStatement(all, parameters);
    }

    private void placeholder(String name, SqlValue value) {
      if (text.length() > 0) {
        parts.add(new Text(text.toString()));
        text.setLength(0);
      }
      parts.add(new Placeholder(name));
      parameters.put(name, value);
    }

    /** {@code name}, or {@code name_2}, {@code name_3}, ... when it is bound to another value. */
    private String freeName(String name, SqlValue value) {
      String candidate = name;
      for (int i = 2;
          parameters.containsKey(candidate) && !value.equals(parameters.get(candidate));
          i++) {
        candidate = name + "_" + i;
      }
      return candidate;
    }
  }
}
