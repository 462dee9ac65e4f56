package io.github.courtside.core.warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The column types every warehouse backend supports, named as in GoogleSQL.
 *
 * <p>Each type has one Java representation that rows carry: {@link #javaType()}.
 */
public enum ColumnType {
  /** UTF-8 text; Java {@link String}. */
  STRING(String.class),
  /** 64-bit signed integer; Java {@link Long}. */
  INT64(Long.class),
  /**
   * IEEE-754 double; Java {@link Double}. Never a partition column. As a merge key it is compared
   * exactly and NULL-safely, and grouped through {@link SqlDialect#groupingKey} (BigQuery refuses
   * FLOAT64 in PARTITION BY).
   */
  FLOAT64(Double.class),
  /** Exact decimal with 38 digits and scale 9; Java {@link BigDecimal}. */
  NUMERIC(BigDecimal.class),
  /** Boolean; Java {@link Boolean}. */
  BOOL(Boolean.class),
  /** Calendar date; Java {@link LocalDate}. */
  DATE(LocalDate.class),
  /** Instant in UTC with microsecond precision; Java {@link Instant}. */
  TIMESTAMP(Instant.class),
  /** A JSON document kept as its text; Java {@link String}. */
  JSON(String.class);

  private final Class<?> javaType;

  ColumnType(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** The Java class that row values of this type have. */
  public Class<?> javaType() {
    return javaType;
  }

  /** Whether {@code value} is of this type's Java representation. */
  public boolean accepts(Object value) {
    return javaType.isInstance(value);
  }
}
