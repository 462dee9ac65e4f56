package io.github.courtside.bigquery.local.internal.write;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.cloud.bigquery.storage.v1.AnnotationsProto;
import com.google.cloud.bigquery.storage.v1.AppendRowsRequest.MissingValueInterpretation;
import com.google.cloud.bigquery.storage.v1.ProtoRows;
import com.google.cloud.bigquery.storage.v1.ProtoSchema;
import com.google.cloud.bigquery.storage.v1.StorageError.StorageErrorCode;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns the serialized proto rows of {@code AppendRows} into canonical cell values for one table:
 * the writer schema's {@code DescriptorProto} is built into a descriptor, every proto field is
 * matched to a column by name (case-insensitive, or by the {@code column_name} annotation), and
 * each value is converted as BigQuery documents for its column type.
 *
 * <p>A writer schema that does not fit the table (a field with no column, a proto type the column
 * cannot take, a repeated field for a non-repeated column) is refused for the whole request; a
 * value that does not convert, or a missing REQUIRED value, is a problem of its row.
 */
final class RowDecoder {
  private static final ExtensionRegistry ANNOTATIONS = annotations();

  private final MessagePlan root;
  private final String entity;

  private RowDecoder(MessagePlan root, String entity) {
    this.root = root;
    this.entity = entity;
  }

  /**
   * Compiles the plan for {@code writerSchema} into {@code table}; {@code entity} names the stream
   * in errors.
   */
  static RowDecoder compile(ProtoSchema writerSchema, TableSchema table, String entity) {
    DescriptorProto proto = writerSchema.getProtoDescriptor();
    Descriptor descriptor;
    try {
      FileDescriptor file =
          FileDescriptor.buildFrom(
              FileDescriptorProto.newBuilder()
                  .setName("writer_schema.proto")
                  .addMessageType(proto)
                  .build(),
              new FileDescriptor[0]);
      descriptor = file.findMessageTypeByName(proto.getName());
    } catch (DescriptorValidationException | IllegalArgumentException e) {
      throw WriteError.invalid("Invalid proto schema: " + e.getMessage() + " Entity: " + entity);
    }
    if (descriptor == null) {
      throw WriteError.invalid("Invalid proto schema: no root message. Entity: " + entity);
    }
    List<TableFieldSchema> columns = table.getFields() == null ? List.of() : table.getFields();
    return new RowDecoder(plan(descriptor, columns, "", entity), entity);
  }

  /** Decodes every row; rows that fail are reported by index, the others converted. */
  DecodedRows decode(
      ProtoRows rows,
      Map<String, MissingValueInterpretation> missingValues,
      MissingValueInterpretation defaultMissingValue) {
    List<Map<String, @Nullable Object>> decoded = new ArrayList<>();
    TreeMap<Integer, String> errors = new TreeMap<>();
    for (int i = 0; i < rows.getSerializedRowsCount(); i++) {
      ByteString bytes = rows.getSerializedRows(i);
      try {
        DynamicMessage message =
            DynamicMessage.newBuilder(root.descriptor).mergeFrom(bytes).buildPartial();
        decoded.add(root.decode(message, missingValues, defaultMissingValue, entity));
      } catch (InvalidProtocolBufferException e) {
        errors.put(i, "The row could not be parsed with the writer schema: " + e.getMessage());
        decoded.add(Map.of());
      } catch (RowProblem problem) {
        errors.put(i, problem.getMessage());
        decoded.add(Map.of());
      }
    }
    return new DecodedRows(decoded, errors);
  }

  // ---- compile ----

  private static MessagePlan plan(
      Descriptor descriptor, List<TableFieldSchema> columns, String prefix, String entity) {
    Map<String, TableFieldSchema> byName = new LinkedHashMap<>();
    for (TableFieldSchema column : columns) {
      byName.put(column.getName().toLowerCase(Locale.ROOT), column);
    }
    List<FieldPlan> fields = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    for (FieldDescriptor field : descriptor.getFields()) {
      String columnName = columnName(field);
      TableFieldSchema column = byName.get(columnName.toLowerCase(Locale.ROOT));
      if (column == null) {
        extra.add(prefix + columnName);
        continue;
      }
      fields.add(fieldPlan(field, column, prefix + column.getName(), entity));
    }
    if (!extra.isEmpty()) {
      throw new WriteError(
          Status.Code.INVALID_ARGUMENT,
          "Input schema has more fields than BigQuery schema, extra fields: '"
              + String.join(",", extra)
              + "' Entity: "
              + entity,
          StorageErrorCode.SCHEMA_MISMATCH_EXTRA_FIELDS,
          entity);
    }
    return new MessagePlan(descriptor, fields, columns, prefix);
  }

  private static FieldPlan fieldPlan(
      FieldDescriptor field, TableFieldSchema column, String path, String entity) {
    boolean repeatedColumn = "REPEATED".equalsIgnoreCase(column.getMode());
    if (field.isRepeated() != repeatedColumn) {
      throw WriteError.invalid(
          "The proto field "
              + field.getName()
              + (field.isRepeated() ? " is repeated" : " is not repeated")
              + " but the column "
              + path
              + " has mode "
              + (column.getMode() == null ? "NULLABLE" : column.getMode())
              + ". Entity: "
              + entity);
    }
    ColumnType type = ColumnType.of(column);
    if (type == ColumnType.RECORD) {
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        throw incompatible(field, column, path, entity);
      }
      List<TableFieldSchema> children = column.getFields() == null ? List.of() : column.getFields();
      return new FieldPlan(
          field, column, path, type, plan(field.getMessageType(), children, path + ".", entity));
    }
    if (!type.accepts(field)) {
      throw incompatible(field, column, path, entity);
    }
    return new FieldPlan(field, column, path, type, null);
  }

  private static WriteError incompatible(
      FieldDescriptor field, TableFieldSchema column, String path, String entity) {
    return WriteError.invalid(
        "The proto field "
            + field.getName()
            + " of type "
            + field.getType()
            + " cannot be written to the column "
            + path
            + " of type "
            + column.getType()
            + ". Entity: "
            + entity);
  }

  private static String columnName(FieldDescriptor field) {
    FieldOptions options = field.getOptions();
    if (options.getUnknownFields().asMap().isEmpty()
        && !options.hasExtension(AnnotationsProto.columnName)) {
      return field.getName();
    }
    try {
      FieldOptions parsed = FieldOptions.parseFrom(options.toByteString(), ANNOTATIONS);
      if (parsed.hasExtension(AnnotationsProto.columnName)) {
        return parsed.getExtension(AnnotationsProto.columnName);
      }
    } catch (InvalidProtocolBufferException e) {
      // not an annotation we know: the field's own name applies
    }
    return field.getName();
  }

  private static ExtensionRegistry annotations() {
    ExtensionRegistry registry = ExtensionRegistry.newInstance();
    AnnotationsProto.registerAllExtensions(registry);
    return registry;
  }

  // ---- plans ----

  /** How the fields of one message (the row, or a RECORD) become a map of column values. */
  private record MessagePlan(
      Descriptor descriptor,
      List<FieldPlan> fields,
      List<TableFieldSchema> columns,
      String prefix) {

    Map<String, @Nullable Object> decode(
        DynamicMessage message,
        Map<String, MissingValueInterpretation> missingValues,
        MissingValueInterpretation defaultMissingValue,
        String entity) {
      if (!message.getUnknownFields().asMap().isEmpty()) {
        throw new RowProblem(
            "The row"
                + (prefix.isEmpty() ? "" : " field " + prefix.substring(0, prefix.length() - 1))
                + " has fields unknown to the writer schema (field numbers "
                + message.getUnknownFields().asMap().keySet()
                + ")");
      }
      Map<String, @Nullable Object> values = new LinkedHashMap<>();
      for (FieldPlan field : fields) {
        values.put(
            field.column.getName(),
            field.decode(message, missingValues, defaultMissingValue, entity));
      }
      for (TableFieldSchema column : columns) {
        if (values.get(column.getName()) != null) {
          continue;
        }
        String path = prefix + column.getName();
        String mode =
            column.getMode() == null ? "NULLABLE" : column.getMode().toUpperCase(Locale.ROOT);
        if (mode.equals("REPEATED")) {
          values.put(column.getName(), List.of());
          continue;
        }
        MissingValueInterpretation interpretation =
            missingValues.getOrDefault(path, defaultMissingValue);
        if (interpretation == MissingValueInterpretation.DEFAULT_VALUE
            && column.getDefaultValueExpression() != null) {
          throw WriteError.notSupported(
              "DEFAULT_VALUE for the column " + path + " (default value expressions)");
        }
        if (mode.equals("REQUIRED")) {
          throw new RowProblem("Required field " + path + " is missing");
        }
        values.put(column.getName(), null);
      }
      return values;
    }
  }

  /** One proto field into one column. */
  private record FieldPlan(
      FieldDescriptor proto,
      TableFieldSchema column,
      String path,
      ColumnType type,
      @Nullable MessagePlan nested) {

    @Nullable Object decode(
        DynamicMessage message,
        Map<String, MissingValueInterpretation> missingValues,
        MissingValueInterpretation defaultMissingValue,
        String entity) {
      if (proto.isRepeated()) {
        int count = message.getRepeatedFieldCount(proto);
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          values.add(
              value(
                  message.getRepeatedField(proto, i), missingValues, defaultMissingValue, entity));
        }
        return values;
      }
      if (proto.hasPresence() && !message.hasField(proto)) {
        return null;
      }
      return value(message.getField(proto), missingValues, defaultMissingValue, entity);
    }

    private Object value(
        Object raw,
        Map<String, MissingValueInterpretation> missingValues,
        MissingValueInterpretation defaultMissingValue,
        String entity) {
      if (nested != null) {
        return nested.decode((DynamicMessage) raw, missingValues, defaultMissingValue, entity);
      }
      try {
        return type.convert(proto, raw);
      } catch (RuntimeException e) {
        throw new RowProblem(
            "Invalid value for field "
                + path
                + " of type "
                + column.getType()
                + ": "
                + e.getMessage());
      }
    }
  }

  /** A row that cannot be written, with the message naming the field. */
  static final class RowProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RowProblem(String message) {
      super(message);
    }
  }
}
