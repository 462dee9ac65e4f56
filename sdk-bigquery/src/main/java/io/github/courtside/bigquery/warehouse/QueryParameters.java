package io.github.courtside.bigquery.warehouse;

import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.github.courtside.core.warehouse.SqlValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Statement parameters as the client's typed query parameters. */
final class QueryParameters {
  /** BigQuery's canonical timestamp text, to the microsecond, in UTC. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private QueryParameters() {}

  static QueryParameterValue of(SqlValue parameter) {
    Object value = parameter.value();
    StandardSQLTypeName type =
        switch (parameter.type()) {
          case STRING -> StandardSQLTypeName.STRING;
          case INT64 -> StandardSQLTypeName.INT64;
          case FLOAT64 -> StandardSQLTypeName.FLOAT64;
          case NUMERIC -> StandardSQLTypeName.NUMERIC;
          case BOOL -> StandardSQLTypeName.BOOL;
          case DATE -> StandardSQLTypeName.DATE;
          case TIMESTAMP -> StandardSQLTypeName.TIMESTAMP;
          case JSON -> StandardSQLTypeName.JSON;
        };
    if (value == null) {
      return QueryParameterValue.newBuilder().setType(type).build();
    }
    return switch (parameter.type()) {
      case STRING -> QueryParameterValue.string((String) value);
      case INT64 -> QueryParameterValue.int64((Long) value);
      case FLOAT64 -> QueryParameterValue.float64((Double) value);
      case NUMERIC -> QueryParameterValue.numeric((BigDecimal) value);
      case BOOL -> QueryParameterValue.bool((Boolean) value);
      case DATE -> QueryParameterValue.date(value.toString());
      case TIMESTAMP -> QueryParameterValue.timestamp(TIMESTAMP.format((Instant) value));
      case JSON -> QueryParameterValue.json((String) value);
    };
  }
}
