package io.github.courtside.bigquery.sink;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TableResult;
import io.github.courtside.bigquery.BigQuerySchemas;
import io.github.courtside.bigquery.local.LocalBigQuery;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tables on the local server, created and read through the BigQuery client only. */
final class LocalTables {
  private LocalTables() {}

  static com.google.cloud.bigquery.TableId cloud(LocalBigQuery server, TableId table) {
    return com.google.cloud.bigquery.TableId.of(server.projectId(), table.dataset(), table.table());
  }

  /** Drops the table if it exists and creates it empty with {@code schema}. */
  static void recreate(LocalBigQuery server, TableId table, TableSchema schema) {
    recreate(server.client(), server.projectId(), table, schema);
  }

  /** {@link #recreate(LocalBigQuery, TableId, TableSchema)} through any client (live suites). */
  static void recreate(BigQuery client, String project, TableId table, TableSchema schema) {
    DatasetId dataset = DatasetId.of(project, table.dataset());
    if (client.getDataset(dataset) == null) {
      client.create(DatasetInfo.of(dataset));
    }
    com.google.cloud.bigquery.TableId id =
        com.google.cloud.bigquery.TableId.of(project, table.dataset(), table.table());
    client.delete(id);
    client.create(TableInfo.of(id, BigQuerySchemas.toTableDefinition(schema)));
  }

  /** Every row of the table, read with tabledata.list (no query job). */
  static List<Row> read(LocalBigQuery server, TableId table, TableSchema schema) {
    return read(server.client(), server.projectId(), table, schema);
  }

  /** {@link #read(LocalBigQuery, TableId, TableSchema)} through any client (live suites). */
  static List<Row> read(BigQuery client, String project, TableId table, TableSchema schema) {
    Schema bigQuerySchema = BigQuerySchemas.toSchema(schema);
    TableResult result =
        client.listTableData(
            com.google.cloud.bigquery.TableId.of(project, table.dataset(), table.table()),
            bigQuerySchema,
            BigQuery.TableDataListOption.pageSize(5_000));
    List<Row> rows = new ArrayList<>();
    for (FieldValueList values : result.iterateAll()) {
      Row.Builder row = Row.builder();
      for (Column column : schema.columns()) {
        row.set(column.name(), value(column, values.get(column.name())));
      }
      rows.add(row.build());
    }
    return rows;
  }

  /** How often each value of {@code column} occurs in the table. */
  static Map<String, Integer> counts(
      LocalBigQuery server, TableId table, TableSchema schema, String column) {
    Map<String, Integer> counts = new HashMap<>();
    for (Row row : read(server, table, schema)) {
      counts.merge(String.valueOf(row.get(column)), 1, Integer::sum);
    }
    return counts;
  }

  private static Object value(Column column, FieldValue value) {
    if (value.isNull()) {
      return null;
    }
    return switch (column.type()) {
      case STRING, JSON -> value.getStringValue();
      case INT64 -> value.getLongValue();
      case FLOAT64 -> value.getDoubleValue();
      case NUMERIC -> value.getNumericValue();
      case BOOL -> value.getBooleanValue();
      case DATE -> LocalDate.parse(value.getStringValue());
      case TIMESTAMP -> value.getTimestampInstant();
    };
  }
}
