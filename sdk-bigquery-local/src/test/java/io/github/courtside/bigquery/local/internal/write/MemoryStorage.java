package io.github.courtside.bigquery.local.internal.write;

import com.google.api.services.bigquery.model.Dataset;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import io.github.courtside.bigquery.local.internal.storage.RowPage;
import io.github.courtside.bigquery.local.internal.storage.TableAppend;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/** TEMPORARY stand-in until DuckDbLocalStorage lands. */
final class MemoryStorage implements LocalStorage {
  private final Map<String, Dataset> datasets = new HashMap<>();
  private final Map<String, Table> tables = new HashMap<>();
  private final Map<String, List<Map<String, @Nullable Object>>> rows = new HashMap<>();
  private final ReentrantLock lock = new ReentrantLock();

  private static String key(TableReference r) {
    return r.getProjectId() + ":" + r.getDatasetId() + "." + r.getTableId();
  }

  @Override
  public synchronized Dataset createDataset(String project, Dataset dataset) {
    datasets.put(project + ":" + dataset.getDatasetReference().getDatasetId(), dataset);
    return dataset;
  }

  @Override
  public synchronized Optional<Dataset> dataset(String project, String datasetId) {
    return Optional.ofNullable(datasets.get(project + ":" + datasetId));
  }

  @Override
  public List<Dataset> datasets(String project) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Dataset patchDataset(String project, String datasetId, Dataset patch) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void deleteDataset(String project, String datasetId, boolean deleteContents) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized Table createTable(Table table) {
    table.setCreationTime(Instant.now().toEpochMilli());
    tables.put(key(table.getTableReference()), table);
    rows.put(key(table.getTableReference()), new ArrayList<>());
    return table;
  }

  @Override
  public synchronized Optional<Table> table(TableReference ref) {
    return Optional.ofNullable(tables.get(key(ref)));
  }

  @Override
  public List<Table> tables(String project, String datasetId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized Table patchTable(TableReference ref, Table patch) {
    Table t = tables.get(key(ref));
    t.setSchema(patch.getSchema());
    return t;
  }

  @Override
  public synchronized boolean deleteTable(TableReference ref) {
    rows.remove(key(ref));
    return tables.remove(key(ref)) != null;
  }

  @Override
  public synchronized List<Long> append(List<TableAppend> appends) {
    for (TableAppend a : appends) {
      if (!tables.containsKey(key(a.table()))) {
        throw ApiException.notFound("Not found: Table " + key(a.table()));
      }
    }
    List<Long> out = new ArrayList<>();
    for (TableAppend a : appends) {
      rows.get(key(a.table())).addAll(a.rows());
      out.add((long) a.rows().size());
    }
    return out;
  }

  @Override
  public synchronized RowPage read(
      TableReference ref, long startIndex, long maxRows, @Nullable List<String> selectedFields) {
    List<Map<String, @Nullable Object>> all = rows.get(key(ref));
    return new RowPage(tables.get(key(ref)).getSchema(), List.copyOf(all), all.size());
  }

  @Override
  public Optional<Instant> streamingBufferOldestEntry(TableReference ref) {
    return Optional.empty();
  }

  @Override
  public Connection connect() {
    throw new UnsupportedOperationException();
  }

  @Override
  public String physicalName(TableReference ref) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void touched(TableReference ref) {}

  @Override
  public Lock writeLock() {
    return lock;
  }

  @Override
  public void close() {}
}
