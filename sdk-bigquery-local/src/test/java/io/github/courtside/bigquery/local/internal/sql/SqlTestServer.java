package io.github.courtside.bigquery.local.internal.sql;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.api.services.bigquery.model.Dataset;
import com.google.api.services.bigquery.model.DatasetReference;
import com.google.api.services.bigquery.model.QueryParameter;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import io.github.courtside.bigquery.local.internal.storage.DuckDbLocalStorage;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import io.github.courtside.bigquery.local.internal.storage.RowPage;
import io.github.courtside.bigquery.local.internal.storage.TableAppend;
import io.github.courtside.bigquery.local.internal.storage.WriteOrigin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.function.Executable;

/** The real storage (in memory) and a runner over it, one per test class. */
final class SqlTestServer implements AutoCloseable {
  static final String PROJECT = "test-proj";
  static final Instant START = Instant.parse("2026-02-01T10:00:00Z");

  final TestClock clock = new TestClock(START);
  final ServerSettings settings =
      new ServerSettings(PROJECT, "US", clock, Duration.ofMinutes(30), 1500, null, 0, 0);
  final LocalStorage storage = DuckDbLocalStorage.open(settings);
  final ZetaSqlRunner runner = new ZetaSqlRunner(storage, settings);
  private final AtomicInteger results = new AtomicInteger();

  SqlTestServer(String... datasets) {
    storage.createDataset(
        PROJECT,
        new Dataset().setDatasetReference(new DatasetReference().setDatasetId("_results")));
    for (String d : datasets) {
      storage.createDataset(
          PROJECT, new Dataset().setDatasetReference(new DatasetReference().setDatasetId(d)));
    }
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

  void table(String dataset, String table, TableFieldSchema... fields) {
    storage.createTable(
        new Table()
            .setTableReference(ref(dataset, table))
            .setSchema(new TableSchema().setFields(List.of(fields))));
  }

  void append(
      String dataset, String table, WriteOrigin origin, List<Map<String, @Nullable Object>> rows) {
    storage.append(List.of(TableAppend.of(ref(dataset, table), "WRITE_APPEND", origin, rows)));
  }

  void append(String dataset, String table, List<Map<String, @Nullable Object>> rows) {
    append(dataset, table, WriteOrigin.LOAD, rows);
  }

  /** A run and the rows of its result table (empty when it returned none). */
  record Result(ScriptOutcome outcome, List<List<@Nullable Object>> rows) {}

  Result run(String sql, QueryParameter... parameters) {
    return runIn(null, sql, parameters);
  }

  Result runIn(@Nullable String defaultDataset, String sql, QueryParameter... parameters) {
    TableReference result = ref("_results", "r" + results.incrementAndGet());
    ScriptOutcome outcome =
        runner.run(
            new ScriptRequest(
                sql,
                PROJECT,
                defaultDataset == null
                    ? null
                    : new DatasetReference().setProjectId(PROJECT).setDatasetId(defaultDataset),
                List.of(parameters),
                result));
    List<List<@Nullable Object>> rows = new ArrayList<>();
    if (outcome.resultSchema() != null) {
      RowPage page = storage.read(result, 0, 100_000, null);
      for (Map<String, @Nullable Object> row : page.rows()) {
        List<@Nullable Object> values = new ArrayList<>();
        for (TableFieldSchema f : page.schema().getFields()) {
          values.add(row.get(f.getName()));
        }
        rows.add(values);
      }
    }
    return new Result(outcome, rows);
  }

  /** The rows of a query. */
  List<List<@Nullable Object>> rows(String sql, QueryParameter... parameters) {
    return run(sql, parameters).rows();
  }

  /** The single value of a one-row, one-column query. */
  @Nullable Object value(String sql, QueryParameter... parameters) {
    List<List<@Nullable Object>> rows = rows(sql, parameters);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new AssertionError("expected one value from " + sql + " but got " + rows);
    }
    return rows.get(0).get(0);
  }

  static ApiException fails(Executable e) {
    return assertThrows(ApiException.class, e);
  }

  @Override
  public void close() {
    storage.close();
  }

  /** A clock the test moves by hand. */
  static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant start) {
      now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
