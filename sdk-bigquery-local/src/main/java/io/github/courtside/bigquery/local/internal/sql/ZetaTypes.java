package io.github.courtside.bigquery.local.internal.sql;

import com.google.api.services.bigquery.model.QueryParameterType;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.zetasql.StructType;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLType.TypeKind;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.storage.DuckDbTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The three type systems side by side: BigQuery's schema fields and parameter types, ZetaSQL's
 * types, and the DuckDB column types the storage uses (TIMESTAMP is TIMESTAMPTZ in UTC, NUMERIC is
 * DECIMAL(38,9), DATETIME is TIMESTAMP, RECORD is STRUCT, REPEATED is a LIST).
 */
final class ZetaTypes {
  private ZetaTypes() {}

  static Type simple(TypeKind kind) {
    return TypeFactory.createSimpleType(kind);
  }

  /** The ZetaSQL type of a column of a table schema (REPEATED becomes an ARRAY). */
  static Type fromField(TableFieldSchema field) {
    Type element = fromFieldElement(field);
    return "REPEATED".equalsIgnoreCase(field.getMode())
        ? TypeFactory.createArrayType(element)
        : element;
  }

  private static Type fromFieldElement(TableFieldSchema field) {
    String type = field.getType() == null ? "STRING" : field.getType().toUpperCase(Locale.ROOT);
    if (type.equals("RECORD") || type.equals("STRUCT")) {
      List<StructType.StructField> fields = new ArrayList<>();
      for (TableFieldSchema child :
          field.getFields() == null ? List.<TableFieldSchema>of() : field.getFields()) {
        fields.add(new StructType.StructField(child.getName(), fromField(child)));
      }
      return TypeFactory.createStructType(fields);
    }
    return simple(kindOf(type, field.getName()));
  }

  /** A BigQuery type name (legacy or standard) as a ZetaSQL simple type kind. */
  static TypeKind kindOf(String bigQueryType, String what) {
    return switch (bigQueryType.toUpperCase(Locale.ROOT)) {
      case "INTEGER", "INT64" -> TypeKind.TYPE_INT64;
      case "FLOAT", "FLOAT64" -> TypeKind.TYPE_DOUBLE;
      case "NUMERIC" -> TypeKind.TYPE_NUMERIC;
      case "BIGNUMERIC" -> TypeKind.TYPE_BIGNUMERIC;
      case "BOOLEAN", "BOOL" -> TypeKind.TYPE_BOOL;
      case "STRING" -> TypeKind.TYPE_STRING;
      case "BYTES" -> TypeKind.TYPE_BYTES;
      case "DATE" -> TypeKind.TYPE_DATE;
      case "DATETIME" -> TypeKind.TYPE_DATETIME;
      case "TIME" -> TypeKind.TYPE_TIME;
      case "TIMESTAMP" -> TypeKind.TYPE_TIMESTAMP;
      case "JSON" -> TypeKind.TYPE_JSON;
      case "INTERVAL" -> TypeKind.TYPE_INTERVAL;
      default -> throw ApiException.notSupported("type " + bigQueryType + " (" + what + ")");
    };
  }

  /** The ZetaSQL type of a REST query parameter. */
  static Type fromParameterType(QueryParameterType type, String what) {
    String name = type.getType() == null ? "STRING" : type.getType().toUpperCase(Locale.ROOT);
    if (name.equals("ARRAY")) {
      if (type.getArrayType() == null) {
        throw ApiException.invalid("Query parameter " + what + " of type ARRAY has no arrayType");
      }
      return TypeFactory.createArrayType(fromParameterType(type.getArrayType(), what));
    }
    if (name.equals("STRUCT") || name.equals("RECORD")) {
      List<StructType.StructField> fields = new ArrayList<>();
      if (type.getStructTypes() != null) {
        for (QueryParameterType.StructTypes field : type.getStructTypes()) {
          fields.add(
              new StructType.StructField(
                  field.getName() == null ? "" : field.getName(),
                  fromParameterType(field.getType(), what + "." + field.getName())));
        }
      }
      return TypeFactory.createStructType(fields);
    }
    return simple(kindOf(name, "query parameter " + what));
  }

  /** The DuckDB type text of a ZetaSQL type. */
  static String duckDb(Type type) {
    return switch (type.getKind()) {
      case TYPE_INT64, TYPE_INT32, TYPE_UINT32 -> "BIGINT";
      case TYPE_UINT64 -> "UBIGINT";
      case TYPE_DOUBLE, TYPE_FLOAT -> "DOUBLE";
      case TYPE_NUMERIC -> "DECIMAL(38," + DuckDbTypes.NUMERIC_SCALE + ")";
      case TYPE_BIGNUMERIC -> "DECIMAL(38," + DuckDbTypes.BIGNUMERIC_SCALE + ")";
      case TYPE_BOOL -> "BOOLEAN";
      case TYPE_STRING -> "VARCHAR";
      case TYPE_BYTES -> "BLOB";
      case TYPE_DATE -> "DATE";
      case TYPE_DATETIME -> "TIMESTAMP";
      case TYPE_TIME -> "TIME";
      case TYPE_TIMESTAMP -> "TIMESTAMPTZ";
      case TYPE_JSON -> "JSON";
      case TYPE_INTERVAL -> "INTERVAL";
      case TYPE_ARRAY -> duckDb(type.asArray().getElementType()) + "[]";
      case TYPE_STRUCT -> {
        StringBuilder b = new StringBuilder("STRUCT(");
        List<StructType.StructField> fields = type.asStruct().getFieldList();
        for (int i = 0; i < fields.size(); i++) {
          if (i > 0) {
            b.append(", ");
          }
          b.append(DuckDbText.identifier(fieldName(fields.get(i), i)))
              .append(' ')
              .append(duckDb(fields.get(i).getType()));
        }
        yield b.append(')').toString();
      }
      default -> throw ApiException.notSupported("type " + typeName(type));
    };
  }

  /** A struct field's name; anonymous fields are named {@code _field_N} as BigQuery does. */
  static String fieldName(StructType.StructField field, int index) {
    return field.getName() == null || field.getName().isEmpty()
        ? "_field_" + (index + 1)
        : field.getName();
  }

  /** The GoogleSQL name of a type, for messages (never Type.toString's debug form). */
  static String typeName(Type type) {
    return switch (type.getKind()) {
      case TYPE_INT64 -> "INT64";
      case TYPE_DOUBLE -> "FLOAT64";
      case TYPE_NUMERIC -> "NUMERIC";
      case TYPE_BIGNUMERIC -> "BIGNUMERIC";
      case TYPE_BOOL -> "BOOL";
      case TYPE_STRING -> "STRING";
      case TYPE_BYTES -> "BYTES";
      case TYPE_DATE -> "DATE";
      case TYPE_DATETIME -> "DATETIME";
      case TYPE_TIME -> "TIME";
      case TYPE_TIMESTAMP -> "TIMESTAMP";
      case TYPE_JSON -> "JSON";
      case TYPE_INTERVAL -> "INTERVAL";
      case TYPE_ARRAY -> "ARRAY<" + typeName(type.asArray().getElementType()) + ">";
      case TYPE_STRUCT -> {
        StringBuilder b = new StringBuilder("STRUCT<");
        List<StructType.StructField> fields = type.asStruct().getFieldList();
        for (int i = 0; i < fields.size(); i++) {
          if (i > 0) {
            b.append(", ");
          }
          if (!fields.get(i).getName().isEmpty()) {
            b.append(fields.get(i).getName()).append(' ');
          }
          b.append(typeName(fields.get(i).getType()));
        }
        yield b.append('>').toString();
      }
      default -> type.getKind().name().replace("TYPE_", "");
    };
  }

  /** The schema field of a result column of this type (ARRAY becomes mode REPEATED). */
  static TableFieldSchema toField(String name, Type type) {
    TableFieldSchema field = new TableFieldSchema().setName(name).setMode("NULLABLE");
    Type element = type;
    if (type.isArray()) {
      field.setMode("REPEATED");
      element = type.asArray().getElementType();
      if (element.isArray()) {
        throw ApiException.invalidQuery(
            "Cannot write an ARRAY of ARRAY to column " + name + "; BigQuery does not support it",
            null);
      }
    }
    if (element.isStruct()) {
      List<TableFieldSchema> children = new ArrayList<>();
      List<StructType.StructField> fields = element.asStruct().getFieldList();
      for (int i = 0; i < fields.size(); i++) {
        children.add(toField(fieldName(fields.get(i), i), fields.get(i).getType()));
      }
      return field.setType("RECORD").setFields(children);
    }
    return field.setType(schemaTypeName(element));
  }

  private static String schemaTypeName(Type type) {
    return switch (type.getKind()) {
      case TYPE_INT64 -> "INTEGER";
      case TYPE_DOUBLE -> "FLOAT";
      case TYPE_BOOL -> "BOOLEAN";
      case TYPE_NUMERIC,
          TYPE_BIGNUMERIC,
          TYPE_STRING,
          TYPE_BYTES,
          TYPE_DATE,
          TYPE_DATETIME,
          TYPE_TIME,
          TYPE_TIMESTAMP,
          TYPE_JSON,
          TYPE_INTERVAL ->
          typeName(type);
      default -> throw ApiException.notSupported("result column type " + typeName(type));
    };
  }
}
