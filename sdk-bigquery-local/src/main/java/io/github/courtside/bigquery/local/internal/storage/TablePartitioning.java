package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A table's time partitioning as the storage applies it: by a DATE/TIMESTAMP/DATETIME column, or by
 * ingestion time (the hidden column {@value #PARTITIONTIME}), with a granularity.
 */
record TablePartitioning(
    @Nullable TableFieldSchema field, String granularity, boolean ingestionTime) {

  /** The hidden TIMESTAMPTZ column of ingestion-time partitioned tables. */
  static final String PARTITIONTIME = "_PARTITIONTIME";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  /** The partitioning of a table, or null when it is not time-partitioned. */
  static @Nullable TablePartitioning of(Table table) {
    TimePartitioning tp = table.getTimePartitioning();
    if (tp == null) {
      return null;
    }
    String granularity = tp.getType() == null ? "DAY" : tp.getType().toUpperCase(Locale.ROOT);
    if (tp.getField() == null) {
      return new TablePartitioning(null, granularity, true);
    }
    TableFieldSchema field = null;
    if (table.getSchema() != null && table.getSchema().getFields() != null) {
      for (TableFieldSchema f : table.getSchema().getFields()) {
        if (f.getName().equalsIgnoreCase(tp.getField())) {
          field = f;
        }
      }
    }
    if (field == null) {
      throw ApiException.invalid(
          "The field specified for time partitioning can only be of type TIMESTAMP, DATE or"
              + " DATETIME. The type found is: NULL (no field "
              + tp.getField()
              + " in the schema)");
    }
    return new TablePartitioning(field, granularity, false);
  }

  /** Checks the partitioning when a table is created. */
  void validate() {
    if (!(granularity.equals("DAY")
        || granularity.equals("HOUR")
        || granularity.equals("MONTH")
        || granularity.equals("YEAR"))) {
      throw ApiException.invalid("Invalid time partitioning type " + granularity);
    }
    if (field != null) {
      BigQueryType type = BigQueryType.of(field);
      if (BigQueryType.isRepeated(field)
          || !(type == BigQueryType.DATE
              || type == BigQueryType.TIMESTAMP
              || type == BigQueryType.DATETIME)) {
        throw ApiException.invalid(
            "The field specified for time partitioning can only be of type TIMESTAMP, DATE or"
                + " DATETIME. The type found is: "
                + type);
      }
    }
  }

  /** The column the partition predicate tests. */
  String column() {
    return field == null ? PARTITIONTIME : field.getName();
  }

  /** Checks that a decorator's day is a partition start of this granularity. */
  void checkDecorator(LocalDate partition, String tableName) {
    if (partition.equals(TableAppend.NULL_PARTITION)) {
      if (ingestionTime) {
        throw ApiException.invalid(
            "Invalid partition decorator $__NULL__ for ingestion-time partitioned table "
                + tableName);
      }
      return;
    }
    boolean aligned =
        switch (granularity) {
          case "MONTH" -> partition.getDayOfMonth() == 1;
          case "YEAR" -> partition.getDayOfYear() == 1;
          case "DAY" -> true;
          default -> false;
        };
    if (!aligned) {
      throw ApiException.invalid(
          "Invalid partition decorator for table "
              + tableName
              + " partitioned by "
              + granularity
              + ": "
              + partition);
    }
  }

  /** The first day of the partition a day belongs to. */
  LocalDate start(LocalDate day) {
    return switch (granularity) {
      case "MONTH" -> day.withDayOfMonth(1);
      case "YEAR" -> day.withDayOfYear(1);
      default -> day;
    };
  }

  /** The partition (first day) a checked row belongs to, or NULL_PARTITION. */
  LocalDate partitionOf(Map<String, @Nullable Object> row) {
    Object value = row.get(column());
    if (value == null) {
      return TableAppend.NULL_PARTITION;
    }
    LocalDate day;
    if (value instanceof LocalDate d) {
      day = d;
    } else if (value instanceof LocalDateTime d) {
      day = d.toLocalDate();
    } else {
      day = LocalDate.ofInstant((Instant) value, ZoneOffset.UTC);
    }
    return start(day);
  }

  /** The {@code _PARTITIONTIME} of rows ingested now, or into the decorated partition. */
  Instant ingestionTime(Instant now, @Nullable LocalDate partition) {
    if (partition != null) {
      return partition.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (granularity.equals("HOUR")) {
      return now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    }
    return start(LocalDate.ofInstant(now, ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** A DuckDB predicate selecting the rows of one partition. */
  String predicate(LocalDate partition) {
    String column = DuckDbTypes.quote(column());
    if (partition.equals(TableAppend.NULL_PARTITION)) {
      return column + " IS NULL";
    }
    LocalDate end =
        switch (granularity) {
          case "MONTH" -> partition.plusMonths(1);
          case "YEAR" -> partition.plusYears(1);
          default -> partition.plusDays(1);
        };
    String type =
        field == null
            ? "TIMESTAMPTZ"
            : switch (BigQueryType.of(field)) {
              case DATE -> "DATE";
              case DATETIME -> "TIMESTAMP";
              default -> "TIMESTAMPTZ";
            };
    String suffix =
        type.equals("TIMESTAMPTZ") ? " 00:00:00+00" : type.equals("TIMESTAMP") ? " 00:00:00" : "";
    return column + " >= " + type + " '" + partition + suffix + "' AND " + column + " < " + type
        + " '" + end + suffix + "'";
  }

  /** The decorator text of a partition, as BigQuery prints it ({@code 20240410}). */
  static String decorator(LocalDate partition) {
    return partition.equals(TableAppend.NULL_PARTITION) ? "__NULL__" : DAY.format(partition);
  }
}
