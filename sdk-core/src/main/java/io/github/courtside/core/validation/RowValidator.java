package io.github.courtside.core.validation;

import io.github.courtside.core.ValueStyle;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Checks rows bound for one table against its {@link TableSchema} before they are written: unknown
 * columns, missing required columns, NULL in required columns, NaN and infinities, values of the
 * wrong Java type, and strings longer than a limit. Each problem is either fixed by a declared
 * {@link Coercion} (and reported) or the row is rejected with the table, column and row index
 * named.
 *
 * <p>This fixes, rather than reproduces, the old platform's behaviour: its sanitiser turned NaN
 * into NULL silently and found the first non-serialisable value only while serialising the whole
 * batch, failing every row (I-18); and it sent columns the table lacked, so every load failed for
 * two days (I-9). Here each row is judged on its own and the good rows still go through.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * RowValidator validator = RowValidator.builder(table, schema)
 *     .coerce(Coercion.NON_FINITE_TO_NULL, Coercion.WIDEN_NUMBERS)
 *     .maxStringBytes(1024)
 *     .build();
 * ValidationResult result = validator.validate(rows);
 * warehouse.append(table, result.accepted());
 * result.rejections().forEach(r -> log.error("{}", r.reason()));
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class RowValidator {
  /** BigQuery's limit for one STRING value: 10 MiB. */
  public static final int DEFAULT_MAX_STRING_BYTES = 10 * 1024 * 1024;

  private static final long MAX_EXACT_DOUBLE_INTEGER = 1L << 53;

  RowValidator() {}

  /**
   * A builder for rows bound for {@code table} with {@code schema}. By default it applies {@link
   * Coercion#NON_FINITE_TO_NULL} and {@link Coercion#WIDEN_NUMBERS} and limits strings to {@link
   * #DEFAULT_MAX_STRING_BYTES}.
   */
  public static Builder builder(TableId table, TableSchema schema) {
    return new Builder().table(table).schema(schema);
  }

  /** A builder starting from this validator. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The target table. */
  public abstract TableId table();

  /** The target schema(). */
  public abstract TableSchema schema();

  /**
   * The declared coercions; {@link Coercion#NON_FINITE_TO_NULL} and {@link Coercion#WIDEN_NUMBERS}
   * unless set.
   */
  @Value.Default
  public Set<Coercion> coercions() {
    return EnumSet.of(Coercion.NON_FINITE_TO_NULL, Coercion.WIDEN_NUMBERS);
  }

  /** The UTF-8 byte limit of every STRING and JSON value; {@link #DEFAULT_MAX_STRING_BYTES}. */
  @Value.Default
  public int maxStringBytes() {
    return DEFAULT_MAX_STRING_BYTES;
  }

  /** Per-column byte limits, by lower-case column name, overriding {@link #maxStringBytes()}. */
  public abstract Map<String, Integer> columnMaxStringBytes();

  /** Who hears each rejected row (e.g. {@link MicrometerValidationMetrics}); nobody unless set. */
  @Value.Default
  @Value.Auxiliary
  public ValidationListener listener() {
    return ValidationListener.NONE;
  }

  @Value.Check
  void check() {
    if (maxStringBytes() < 0) {
      throw new IllegalArgumentException("maxStringBytes must be >= 0, was " + maxStringBytes());
    }
    columnMaxStringBytes()
        .forEach(
            (column, bytes) -> {
              if (!schema().hasColumn(column)) {
                throw new IllegalArgumentException(
                    "column " + column + " is not in the schema of " + table());
              }
              if (bytes < 0) {
                throw new IllegalArgumentException(
                    "maxStringBytes of column " + column + " must be >= 0, was " + bytes);
              }
            });
  }

  /** Validates {@code rows}; row indices in the result are positions in this list. */
  public ValidationResult validate(List<Row> rows) {
    List<Row> accepted = new ArrayList<>(rows.size());
    List<Integer> acceptedIndices = new ArrayList<>(rows.size());
    List<RowRejection> rejections = new ArrayList<>();
    List<AppliedCoercion> applied = new ArrayList<>();
    for (int index = 0; index < rows.size(); index++) {
      Row row = Objects.requireNonNull(rows.get(index), "row " + index);
      List<AppliedCoercion> rowCoercions = new ArrayList<>();
      List<Violation> violations = new ArrayList<>();
      Row checked = check(index, row, violations, rowCoercions);
      if (violations.isEmpty()) {
        accepted.add(checked);
        acceptedIndices.add(index);
        applied.addAll(rowCoercions);
      } else {
        RowRejection rejection = new RowRejection(table(), index, row, violations);
        rejections.add(rejection);
        listener().rejected(rejection);
      }
    }
    return new ValidationResult(table(), accepted, acceptedIndices, rejections, applied);
  }

  /** Validates one row; its index in the result is {@code rowIndex}. */
  public ValidationResult validate(Row row, int rowIndex) {
    TableId table = table();
    ValidationResult one = validate(List.of(row));
    List<RowRejection> rejections = new ArrayList<>();
    for (RowRejection r : one.rejections()) {
      rejections.add(new RowRejection(table, rowIndex, r.row(), r.violations()));
    }
    List<AppliedCoercion> applied = new ArrayList<>();
    for (AppliedCoercion c : one.coercions()) {
      applied.add(new AppliedCoercion(rowIndex, c.column(), c.rule()));
    }
    return new ValidationResult(
        table,
        one.accepted(),
        one.accepted().isEmpty() ? List.of() : List.of(rowIndex),
        rejections,
        applied);
  }

  private Row check(int index, Row row, List<Violation> violations, List<AppliedCoercion> applied) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    Map<String, String> seen = new HashMap<>();
    for (Map.Entry<String, @Nullable Object> entry : row.asMap().entrySet()) {
      String name = entry.getKey();
      Optional<Column> found = schema().column(name);
      if (found.isEmpty()) {
        if (coercions().contains(Coercion.DROP_UNKNOWN_COLUMNS)) {
          applied.add(new AppliedCoercion(index, name, Coercion.DROP_UNKNOWN_COLUMNS));
        } else {
          violations.add(
              new Violation(
                  name,
                  ViolationKind.UNKNOWN_COLUMN,
                  "the table has no such column; known: " + schema().columnNames()));
        }
        continue;
      }
      Column column = found.get();
      String previous = seen.put(lower(column.name()), name);
      if (previous != null) {
        violations.add(
            new Violation(
                name,
                ViolationKind.UNKNOWN_COLUMN,
                "duplicates column " + previous + " (names are compared ignoring case)"));
        continue;
      }
      Object value = entry.getValue();
      out.put(column.name(), checkValue(index, column, name, value, violations, applied));
    }
    for (Column column : schema().columns()) {
      if (column.required()
          && !seen.containsKey(lower(column.name()))
          && column.defaultValue().isEmpty()) {
        violations.add(
            new Violation(
                column.name(),
                ViolationKind.MISSING_REQUIRED,
                "required " + column.type() + " column is absent and has no default"));
      }
    }
    return Row.of(out);
  }

  private @Nullable Object checkValue(
      int index,
      Column column,
      String given,
      @Nullable Object value,
      List<Violation> violations,
      List<AppliedCoercion> applied) {
    if (value == null) {
      if (column.required()) {
        violations.add(
            new Violation(given, ViolationKind.NULL_IN_REQUIRED, "required column holds NULL"));
      }
      return null;
    }
    if (isNonFinite(value)) {
      boolean numericColumn =
          column.type() == ColumnType.FLOAT64 || column.type() == ColumnType.NUMERIC;
      if (numericColumn
          && !column.required()
          && coercions().contains(Coercion.NON_FINITE_TO_NULL)) {
        applied.add(new AppliedCoercion(index, column.name(), Coercion.NON_FINITE_TO_NULL));
        return null;
      }
      violations.add(
          new Violation(
              given,
              ViolationKind.NON_FINITE,
              value
                  + " in "
                  + (column.required() ? "required " : "")
                  + column.type()
                  + " column"
                  + (coercions().contains(Coercion.NON_FINITE_TO_NULL) || column.required()
                      ? ""
                      : "; declare NON_FINITE_TO_NULL to store NULL")));
      return value;
    }
    Object typed = value;
    if (!column.type().accepts(value)) {
      typed = coerce(column.type(), value, index, column.name(), applied);
      if (typed == null) {
        violations.add(
            new Violation(
                given,
                ViolationKind.WRONG_TYPE,
                "a "
                    + value.getClass().getName()
                    + " cannot be stored in a "
                    + column.type()
                    + " column (expected "
                    + column.type().javaType().getSimpleName()
                    + ")"));
        return value;
      }
    }
    if (typed instanceof String text) {
      int limit = columnMaxStringBytes().getOrDefault(lower(column.name()), maxStringBytes());
      long bytes = utf8Length(text);
      if (bytes > limit) {
        violations.add(
            new Violation(
                given,
                ViolationKind.STRING_TOO_LONG,
                "value has " + bytes + " UTF-8 bytes, the limit is " + limit));
      }
    }
    return typed;
  }

  private @Nullable Object coerce(
      ColumnType type, Object value, int index, String column, List<AppliedCoercion> applied) {
    Object result = null;
    Coercion rule = null;
    if (coercions().contains(Coercion.WIDEN_NUMBERS) && value instanceof Number number) {
      result = widen(type, number);
      rule = Coercion.WIDEN_NUMBERS;
    } else if (coercions().contains(Coercion.NUMERIC_STRINGS) && value instanceof String text) {
      result = parseNumber(type, text.strip());
      rule = Coercion.NUMERIC_STRINGS;
    }
    if (result == null && coercions().contains(Coercion.ISO_TEXT_TO_TEMPORAL)) {
      if (value instanceof String text) {
        result = parseTemporal(type, text.strip());
        rule = Coercion.ISO_TEXT_TO_TEMPORAL;
      }
    }
    if (result != null && rule != null) {
      applied.add(new AppliedCoercion(index, column, rule));
    }
    return result;
  }

  private static @Nullable Object widen(ColumnType type, Number number) {
    boolean integral =
        number instanceof Integer || number instanceof Short || number instanceof Byte;
    switch (type) {
      case INT64:
        return integral ? Long.valueOf(number.longValue()) : null;
      case FLOAT64:
        if (number instanceof Float f) {
          return (double) f;
        }
        if (integral || number instanceof Long) {
          long whole = number.longValue();
          return Math.abs(whole) <= MAX_EXACT_DOUBLE_INTEGER ? Double.valueOf(whole) : null;
        }
        return null;
      case NUMERIC:
        if (integral || number instanceof Long) {
          return BigDecimal.valueOf(number.longValue());
        }
        if (number instanceof Double || number instanceof Float) {
          return new BigDecimal(number.toString());
        }
        return null;
      default:
        return null;
    }
  }

  private static @Nullable Object parseNumber(ColumnType type, String text) {
    try {
      switch (type) {
        case INT64:
          return Long.parseLong(text);
        case FLOAT64:
          double parsed = Double.parseDouble(text);
          return Double.isFinite(parsed) && !text.isEmpty() ? parsed : null;
        case NUMERIC:
          return new BigDecimal(text);
        default:
          return null;
      }
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable Object parseTemporal(ColumnType type, String text) {
    try {
      switch (type) {
        case DATE:
          return LocalDate.parse(text);
        case TIMESTAMP:
          return Instant.parse(text);
        default:
          return null;
      }
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean isNonFinite(Object value) {
    return (value instanceof Double d && !Double.isFinite(d))
        || (value instanceof Float f && !Float.isFinite(f));
  }

  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Builds a {@link RowValidator}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableRowValidator.Builder {
    Builder() {}

    /** Replaces the declared coercions with exactly these (none: reject every mismatch). */
    public Builder coerce(Coercion... rules) {
      Set<Coercion> set = EnumSet.noneOf(Coercion.class);
      set.addAll(List.of(rules));
      return coercions(set);
    }

    /** Limits one column's values to {@code bytes} UTF-8 bytes. */
    public Builder maxStringBytes(String column, int bytes) {
      return putColumnMaxStringBytes(lower(column), bytes);
    }
  }
}
