package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.services.bigquery.model.Dataset;
import com.google.api.services.bigquery.model.DatasetReference;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small builders shared by the storage tests. */
final class StorageFixtures {
  static final String PROJECT = "test-proj";

  private StorageFixtures() {}

  static ServerSettings settings(Clock clock, @Nullable Path dir) {
    return new ServerSettings(PROJECT, "US", clock, Duration.ofMinutes(30), 1500, dir, 0, 0);
  }

  static Dataset dataset(String id) {
    return new Dataset().setDatasetReference(new DatasetReference().setDatasetId(id));
  }

  static TableReference ref(String dataset, String table) {
    return new TableReference().setProjectId(PROJECT).setDatasetId(dataset).setTableId(table);
  }

  static TableFieldSchema field(String name, String type) {
    return new TableFieldSchema().setName(name).setType(type).setMode("NULLABLE");
  }

  static TableFieldSchema field(String name, String type, String mode) {
    return new TableFieldSchema().setName(name).setType(type).setMode(mode);
  }

  static TableFieldSchema record(String name, String mode, TableFieldSchema... fields) {
    return new TableFieldSchema()
        .setName(name)
        .setType("RECORD")
        .setMode(mode)
        .setFields(Arrays.asList(fields));
  }

  static Table table(String dataset, String table, TableFieldSchema... fields) {
    return new Table()
        .setTableReference(ref(dataset, table))
        .setSchema(new TableSchema().setFields(List.of(fields)));
  }
}
