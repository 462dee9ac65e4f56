package io.github.courtside.bigquery.local.internal.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.cloud.bigquery.storage.v1.AnnotationsProto;
import com.google.cloud.bigquery.storage.v1.AppendRowsRequest.MissingValueInterpretation;
import com.google.cloud.bigquery.storage.v1.BigDecimalByteStringEncoder;
import com.google.cloud.bigquery.storage.v1.CivilTimeEncoder;
import com.google.cloud.bigquery.storage.v1.ProtoRows;
import com.google.cloud.bigquery.storage.v1.ProtoSchema;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The proto-to-cell conversions of the Storage Write API, without a server. */
class RowDecoderTest {
  private static final MissingValueInterpretation UNSPECIFIED =
      MissingValueInterpretation.MISSING_VALUE_INTERPRETATION_UNSPECIFIED;

  @Test
  void everyDocumentedAlternativeProtoTypeConverts() throws Exception {
    DescriptorProto proto =
        DescriptorProto.newBuilder()
            .setName("Row")
            .addField(field("d", 1, Type.TYPE_STRING))
            .addField(field("ts", 2, Type.TYPE_STRING))
            .addField(field("n", 3, Type.TYPE_STRING))
            .addField(field("dt", 4, Type.TYPE_INT64))
            .addField(field("t", 5, Type.TYPE_INT64))
            .addField(field("i", 6, Type.TYPE_UINT32))
            .addField(field("b", 7, Type.TYPE_INT64))
            .addField(field("by", 8, Type.TYPE_STRING))
            .addField(field("bn", 9, Type.TYPE_BYTES))
            .addField(field("d2", 10, Type.TYPE_INT32))
            .build();
    TableSchema table =
        schema(
            column("D", "DATE"),
            column("ts", "TIMESTAMP"),
            column("n", "NUMERIC"),
            column("dt", "DATETIME"),
            column("t", "TIME"),
            column("i", "INTEGER"),
            column("b", "BOOLEAN"),
            column("by", "BYTES"),
            column("bn", "BIGNUMERIC"),
            column("d2", "DATE"));
    Descriptor descriptor = build(proto);
    LocalDateTime dt = LocalDateTime.of(2024, 4, 10, 1, 2, 3, 4_000);
    DynamicMessage row =
        DynamicMessage.newBuilder(descriptor)
            .setField(descriptor.findFieldByName("d"), "2024-04-10")
            .setField(descriptor.findFieldByName("ts"), "2024-04-10 12:00:00.5+02:00")
            .setField(descriptor.findFieldByName("n"), "-1.25")
            .setField(
                descriptor.findFieldByName("dt"),
                CivilTimeEncoder.encodePacked64DatetimeMicrosLocalDateTime(dt))
            .setField(
                descriptor.findFieldByName("t"),
                CivilTimeEncoder.encodePacked64TimeMicrosLocalTime(LocalTime.of(23, 59, 58)))
            .setField(descriptor.findFieldByName("i"), -1)
            .setField(descriptor.findFieldByName("b"), 5L)
            .setField(descriptor.findFieldByName("by"), "raw")
            .setField(
                descriptor.findFieldByName("bn"),
                BigDecimalByteStringEncoder.encodeToBigNumericByteString(
                    new BigDecimal("-12345678901234567890.5")))
            .setField(descriptor.findFieldByName("d2"), 19_823)
            .build();

    DecodedRows decoded = decode(proto, table, row);

    assertEquals(Map.of(), decoded.errors());
    Map<String, Object> cells = decoded.rows().get(0);
    assertEquals(LocalDate.of(2024, 4, 10), cells.get("D"), "matched case-insensitively");
    assertEquals(Instant.parse("2024-04-10T10:00:00.5Z"), cells.get("ts"));
    assertEquals(new BigDecimal("-1.25"), cells.get("n"));
    assertEquals(dt, cells.get("dt"));
    assertEquals(LocalTime.of(23, 59, 58), cells.get("t"));
    assertEquals(4_294_967_295L, cells.get("i"), "uint32 is unsigned");
    assertEquals(true, cells.get("b"));
    assertEquals(
        "raw", new String((byte[]) cells.get("by"), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(
        0, new BigDecimal("-12345678901234567890.5").compareTo((BigDecimal) cells.get("bn")));
    assertEquals(LocalDate.ofEpochDay(19_823), cells.get("d2"));
  }

  @Test
  void theColumnNameAnnotationMapsAFieldToAColumnNameProtoCannotSpell() throws Exception {
    FieldOptions options =
        FieldOptions.newBuilder().setExtension(AnnotationsProto.columnName, "player-name").build();
    DescriptorProto proto =
        DescriptorProto.newBuilder()
            .setName("Row")
            .addField(field("placeholder_x", 1, Type.TYPE_STRING).toBuilder().setOptions(options))
            .build();
    Descriptor descriptor = build(proto);
    DynamicMessage row =
        DynamicMessage.newBuilder(descriptor)
            .setField(descriptor.findFieldByName("placeholder_x"), "LeBron")
            .build();
    // the wire form of the options, as the server receives them
    DescriptorProto received = DescriptorProto.parseFrom(proto.toByteString());

    DecodedRows decoded = decode(received, schema(column("player-name", "STRING")), row);

    assertEquals("LeBron", decoded.rows().get(0).get("player-name"));
  }

  @Test
  void aValueOutOfItsTypesRangeIsARowError() throws Exception {
    DescriptorProto proto =
        DescriptorProto.newBuilder()
            .setName("Row")
            .addField(field("n", 1, Type.TYPE_STRING))
            .addField(field("d", 2, Type.TYPE_STRING))
            .build();
    Descriptor descriptor = build(proto);
    DynamicMessage ok =
        DynamicMessage.newBuilder(descriptor)
            .setField(descriptor.findFieldByName("n"), "1.5")
            .setField(descriptor.findFieldByName("d"), "2024-01-01")
            .build();
    DynamicMessage tooPrecise =
        DynamicMessage.newBuilder(descriptor)
            .setField(descriptor.findFieldByName("n"), "0.0000000001")
            .build();
    DynamicMessage badDate =
        DynamicMessage.newBuilder(descriptor)
            .setField(descriptor.findFieldByName("d"), "2024-13-01")
            .build();

    DecodedRows decoded =
        decode(proto, schema(column("n", "NUMERIC"), column("d", "DATE")), ok, tooPrecise, badDate);

    assertEquals(List.of(1, 2), List.copyOf(decoded.errors().keySet()));
    assertTrue(decoded.errors().get(1).contains("field n"), decoded.errors().get(1));
    assertTrue(decoded.errors().get(2).contains("field d"), decoded.errors().get(2));
  }

  @Test
  void aProtoTypeTheColumnCannotTakeIsRefusedForTheWholeRequest() {
    DescriptorProto proto =
        DescriptorProto.newBuilder()
            .setName("Row")
            .addField(field("f", 1, Type.TYPE_STRING))
            .build();
    WriteError error =
        assertThrows(
            WriteError.class,
            () ->
                RowDecoder.compile(
                    ProtoSchema.newBuilder().setProtoDescriptor(proto).build(),
                    schema(column("f", "FLOAT64")),
                    "s"));
    assertEquals(Status.Code.INVALID_ARGUMENT, error.code());
    assertTrue(error.getMessage().contains("f"), error.getMessage());
  }

  @Test
  void aRepeatedFieldNeedsARepeatedColumn() {
    DescriptorProto proto =
        DescriptorProto.newBuilder()
            .setName("Row")
            .addField(field("tags", 1, Type.TYPE_STRING).toBuilder().setLabel(Label.LABEL_REPEATED))
            .build();
    assertThrows(
        WriteError.class,
        () ->
            RowDecoder.compile(
                ProtoSchema.newBuilder().setProtoDescriptor(proto).build(),
                schema(column("tags", "STRING")),
                "s"));
  }

  private static FieldDescriptorProto field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(type)
        .setLabel(Label.LABEL_OPTIONAL)
        .build();
  }

  private static TableFieldSchema column(String name, String type) {
    return new TableFieldSchema().setName(name).setType(type);
  }

  private static TableSchema schema(TableFieldSchema... columns) {
    return new TableSchema().setFields(List.of(columns));
  }

  private static Descriptor build(DescriptorProto proto) throws Exception {
    return FileDescriptor.buildFrom(
            FileDescriptorProto.newBuilder().setName("t.proto").addMessageType(proto).build(),
            new FileDescriptor[0])
        .findMessageTypeByName(proto.getName());
  }

  private static DecodedRows decode(
      DescriptorProto proto, TableSchema table, DynamicMessage... rows) {
    RowDecoder decoder =
        RowDecoder.compile(ProtoSchema.newBuilder().setProtoDescriptor(proto).build(), table, "s");
    ProtoRows.Builder serialized = ProtoRows.newBuilder();
    for (DynamicMessage row : rows) {
      serialized.addSerializedRows(row.toByteString());
    }
    return decoder.decode(serialized.build(), Map.of(), UNSPECIFIED);
  }
}
