package io.github.courtside.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TimePartitioning;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.TableSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BigQuerySchemasTest {

  @Test
  void everyColumnTypeRoundTrips() {
    TableSchema.Builder builder = TableSchema.builder();
    for (ColumnType type : ColumnType.values()) {
      builder.column(Column.nullable("c_" + type.name().toLowerCase(java.util.Locale.ROOT), type));
    }
    builder.column(Column.required("game_date", ColumnType.DATE));
    TableSchema schema = builder.partitionBy("game_date").clusterBy("c_string").build();

    StandardTableDefinition definition = BigQuerySchemas.toTableDefinition(schema);
    assertEquals(TimePartitioning.Type.DAY, definition.getTimePartitioning().getType());
    assertEquals("game_date", definition.getTimePartitioning().getField());
    assertEquals(List.of("c_string"), definition.getClustering().getFields());
    assertEquals(
        Field.Mode.REQUIRED, definition.getSchema().getFields().get("game_date").getMode());
    assertEquals(schema, BigQuerySchemas.fromTableDefinition(definition));
  }

  @Test
  void defaultsOfEveryTypeRoundTripThroughDefaultValueExpressions() {
    TableSchema schema =
        TableSchema.builder()
            .column(Column.nullable("s", ColumnType.STRING).withDefault("it's\na \\ 'test'"))
            .column(Column.nullable("i", ColumnType.INT64).withDefault(-42L))
            .column(Column.nullable("f", ColumnType.FLOAT64).withDefault(22.5))
            .column(Column.nullable("n", ColumnType.NUMERIC).withDefault(new BigDecimal("24.1")))
            .column(Column.nullable("b", ColumnType.BOOL).withDefault(true))
            .column(
                Column.nullable("d", ColumnType.DATE).withDefault(LocalDate.parse("2024-04-10")))
            .column(
                Column.nullable("t", ColumnType.TIMESTAMP)
                    .withDefault(Instant.parse("2024-04-10T18:30:00.123456Z")))
            .column(Column.nullable("j", ColumnType.JSON).withDefault("{\"a\":1}"))
            .build();
    StandardTableDefinition definition = BigQuerySchemas.toTableDefinition(schema);
    assertEquals("TRUE", definition.getSchema().getFields().get("b").getDefaultValueExpression());
    assertEquals(schema, BigQuerySchemas.fromTableDefinition(definition));
  }

  @Test
  void aNonLiteralDefaultExpressionIsLeftToBigQuery() {
    Field field =
        Field.newBuilder("created_at", StandardSQLTypeName.TIMESTAMP)
            .setDefaultValueExpression("CURRENT_TIMESTAMP()")
            .build();
    assertEquals(
        Column.nullable("created_at", ColumnType.TIMESTAMP), BigQuerySchemas.fromField(field));
  }

  @Test
  void unmodelledBigQueryTypesAreNamedInTheError() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> BigQuerySchemas.fromBigQuery(StandardSQLTypeName.GEOGRAPHY, "arena_location"));
    assertEquals(
        "column arena_location has BigQuery type GEOGRAPHY, which Courtside does not model",
        error.getMessage());
  }
}
