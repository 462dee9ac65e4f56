package io.github.courtside.bigquery.local.internal.write;

import com.google.cloud.bigquery.storage.v1.TableFieldSchema;
import com.google.cloud.bigquery.storage.v1.TableSchema;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The REST resource's schema ({@code com.google.api.services.bigquery.model.TableSchema}) as the
 * Storage Write API's {@link TableSchema}: the one {@code JsonStreamWriter} builds its proto
 * descriptor from.
 */
final class StorageTableSchema {
  private StorageTableSchema() {}

  static TableSchema of(com.google.api.services.bigquery.model.@Nullable TableSchema rest) {
    TableSchema.Builder schema = TableSchema.newBuilder();
    if (rest != null && rest.getFields() != null) {
      for (com.google.api.services.bigquery.model.TableFieldSchema field : rest.getFields()) {
        schema.addFields(field(field));
      }
    }
    return schema.build();
  }

  private static TableFieldSchema field(com.google.api.services.bigquery.model.TableFieldSchema f) {
    TableFieldSchema.Builder field =
        TableFieldSchema.newBuilder()
            .setName(f.getName())
            .setType(type(f.getType(), f.getName()))
            .setMode(mode(f.getMode()));
    if (f.getDescription() != null) {
      field.setDescription(f.getDescription());
    }
    if (f.getMaxLength() != null) {
      field.setMaxLength(f.getMaxLength());
    }
    if (f.getPrecision() != null) {
      field.setPrecision(f.getPrecision());
    }
    if (f.getScale() != null) {
      field.setScale(f.getScale());
    }
    if (f.getDefaultValueExpression() != null) {
      field.setDefaultValueExpression(f.getDefaultValueExpression());
    }
    List<com.google.api.services.bigquery.model.TableFieldSchema> children = f.getFields();
    if (children != null) {
      for (com.google.api.services.bigquery.model.TableFieldSchema child : children) {
        field.addFields(field(child));
      }
    }
    return field.build();
  }

  /** The storage type of a REST type name (legacy and standard names alike). */
  static TableFieldSchema.Type type(@Nullable String restType, String fieldName) {
    String type = restType == null ? "" : restType.toUpperCase(Locale.ROOT);
    return switch (type) {
      case "STRING" -> TableFieldSchema.Type.STRING;
      case "INTEGER", "INT64" -> TableFieldSchema.Type.INT64;
      case "FLOAT", "FLOAT64" -> TableFieldSchema.Type.DOUBLE;
      case "BOOLEAN", "BOOL" -> TableFieldSchema.Type.BOOL;
      case "RECORD", "STRUCT" -> TableFieldSchema.Type.STRUCT;
      case "BYTES" -> TableFieldSchema.Type.BYTES;
      case "NUMERIC" -> TableFieldSchema.Type.NUMERIC;
      case "BIGNUMERIC" -> TableFieldSchema.Type.BIGNUMERIC;
      case "DATE" -> TableFieldSchema.Type.DATE;
      case "DATETIME" -> TableFieldSchema.Type.DATETIME;
      case "TIME" -> TableFieldSchema.Type.TIME;
      case "TIMESTAMP" -> TableFieldSchema.Type.TIMESTAMP;
      case "JSON" -> TableFieldSchema.Type.JSON;
      case "GEOGRAPHY" -> TableFieldSchema.Type.GEOGRAPHY;
      case "INTERVAL" -> TableFieldSchema.Type.INTERVAL;
      default ->
          throw WriteError.notSupported("the column type " + restType + " of field " + fieldName);
    };
  }

  static TableFieldSchema.Mode mode(@Nullable String restMode) {
    if (restMode == null) {
      return TableFieldSchema.Mode.NULLABLE;
    }
    return switch (restMode.toUpperCase(Locale.ROOT)) {
      case "REQUIRED" -> TableFieldSchema.Mode.REQUIRED;
      case "REPEATED" -> TableFieldSchema.Mode.REPEATED;
      default -> TableFieldSchema.Mode.NULLABLE;
    };
  }
}
