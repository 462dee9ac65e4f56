package io.github.courtside.bigquery;

import com.google.cloud.bigquery.Clustering;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TimePartitioning;
import com.google.cloud.bigquery.storage.v1.TableFieldSchema;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts Courtside {@link TableSchema}s to BigQuery table definitions (and the Storage Write
 * API's schema) and back. Column defaults become {@code defaultValueExpression}s (GoogleSQL
 * literals) and are read back from them.
 *
 * <pre>{@code
 * StandardTableDefinition definition = BigQuerySchemas.toTableDefinition(schema);
 * bigquery.create(TableInfo.of(TableId.of("nba", "player_game"), definition));
 * }</pre>
 */
public final class BigQuerySchemas {
  private BigQuerySchemas() {}

  /** The BigQuery type of a column type. */
  public static StandardSQLTypeName toBigQuery(ColumnType type) {
    return switch (type) {
      case STRING -> StandardSQLTypeName.STRING;
      case INT64 -> StandardSQLTypeName.INT64;
      case FLOAT64 -> StandardSQLTypeName.FLOAT64;
      case NUMERIC -> StandardSQLTypeName.NUMERIC;
      case BOOL -> StandardSQLTypeName.BOOL;
      case DATE -> StandardSQLTypeName.DATE;
      case TIMESTAMP -> StandardSQLTypeName.TIMESTAMP;
      case JSON -> StandardSQLTypeName.JSON;
    };
  }

  /** The column type of a BigQuery type; fails on types Courtside does not model. */
  public static ColumnType fromBigQuery(StandardSQLTypeName type, String column) {
    return switch (type) {
      case STRING -> ColumnType.STRING;
      case INT64 -> ColumnType.INT64;
      case FLOAT64 -> ColumnType.FLOAT64;
      case NUMERIC -> ColumnType.NUMERIC;
      case BOOL -> ColumnType.BOOL;
      case DATE -> ColumnType.DATE;
      case TIMESTAMP -> ColumnType.TIMESTAMP;
      case JSON -> ColumnType.JSON;
      default ->
          throw new IllegalArgumentException(
              "column "
                  + column
                  + " has BigQuery type "
                  + type
                  + ", which Courtside does not model");
    };
  }

  /** The BigQuery schema: same names, order, types and modes. */
  public static Schema toSchema(TableSchema schema) {
    List<Field> fields = new ArrayList<>();
    for (Column column : schema.columns()) {
      Field.Builder field =
          Field.newBuilder(column.name(), toBigQuery(column.type()))
              .setMode(column.required() ? Field.Mode.REQUIRED : Field.Mode.NULLABLE);
      column
          .defaultValue()
          .ifPresent(
              value ->
                  field.setDefaultValueExpression(
                      DefaultValueExpressions.render(value, column.type())));
      fields.add(field.build());
    }
    return Schema.of(fields);
  }

  /** A table definition with daily partitioning on the partition column and clustering. */
  public static StandardTableDefinition toTableDefinition(TableSchema schema) {
    StandardTableDefinition.Builder definition =
        StandardTableDefinition.newBuilder().setSchema(toSchema(schema));
    schema
        .partitionColumn()
        .ifPresent(
            column ->
                definition.setTimePartitioning(
                    TimePartitioning.newBuilder(TimePartitioning.Type.DAY)
                        .setField(column)
                        .build()));
    if (!schema.clustering().isEmpty()) {
      definition.setClustering(Clustering.newBuilder().setFields(schema.clustering()).build());
    }
    return definition.build();
  }

  /**
   * The Courtside column of a BigQuery field; a {@code defaultValueExpression} that is a literal of
   * the column's type becomes its default (other expressions, e.g. {@code CURRENT_TIMESTAMP()},
   * have no Courtside value and are left to BigQuery).
   */
  public static Column fromField(Field field) {
    if (field.getMode() == Field.Mode.REPEATED) {
      throw new IllegalArgumentException(
          "column " + field.getName() + " is REPEATED, which Courtside does not model");
    }
    ColumnType type = fromBigQuery(field.getType().getStandardType(), field.getName());
    Column column =
        field.getMode() == Field.Mode.REQUIRED
            ? Column.required(field.getName(), type)
            : Column.nullable(field.getName(), type);
    String expression = field.getDefaultValueExpression();
    if (expression != null) {
      Optional<Object> value = DefaultValueExpressions.parse(expression, type);
      if (value.isPresent()) {
        column = column.withDefault(value.get());
      }
    }
    return column;
  }

  /** The Storage Write API's schema of a table: same names, order, types and modes. */
  public static com.google.cloud.bigquery.storage.v1.TableSchema toStorageSchema(
      TableSchema schema) {
    com.google.cloud.bigquery.storage.v1.TableSchema.Builder storage =
        com.google.cloud.bigquery.storage.v1.TableSchema.newBuilder();
    for (Column column : schema.columns()) {
      storage.addFields(
          TableFieldSchema.newBuilder()
              .setName(column.name())
              .setType(toStorageType(column.type()))
              .setMode(
                  column.required()
                      ? TableFieldSchema.Mode.REQUIRED
                      : TableFieldSchema.Mode.NULLABLE));
    }
    return storage.build();
  }

  /** The Storage Write API's type of a column type. */
  public static TableFieldSchema.Type toStorageType(ColumnType type) {
    return switch (type) {
      case STRING -> TableFieldSchema.Type.STRING;
      case INT64 -> TableFieldSchema.Type.INT64;
      case FLOAT64 -> TableFieldSchema.Type.DOUBLE;
      case NUMERIC -> TableFieldSchema.Type.NUMERIC;
      case BOOL -> TableFieldSchema.Type.BOOL;
      case DATE -> TableFieldSchema.Type.DATE;
      case TIMESTAMP -> TableFieldSchema.Type.TIMESTAMP;
      case JSON -> TableFieldSchema.Type.JSON;
    };
  }

  /** The Courtside schema of a BigQuery table definition. */
  public static TableSchema fromTableDefinition(StandardTableDefinition definition) {
    Schema bigQuerySchema = definition.getSchema();
    if (bigQuerySchema == null) {
      throw new IllegalArgumentException("table definition has no schema");
    }
    TableSchema.Builder schema = TableSchema.builder();
    FieldList fields = bigQuerySchema.getFields();
    for (Field field : fields) {
      schema.column(fromField(field));
    }
    TimePartitioning partitioning = definition.getTimePartitioning();
    if (partitioning != null && partitioning.getField() != null) {
      schema.partitionBy(partitioning.getField());
    }
    Clustering clustering = definition.getClustering();
    if (clustering != null && clustering.getFields() != null) {
      schema.clusterBy(clustering.getFields().toArray(String[]::new));
    }
    return schema.build();
  }
}
