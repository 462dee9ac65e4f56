package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import io.github.courtside.bigquery.local.internal.storage.RowPage;
import io.github.courtside.bigquery.local.internal.storage.TableAppend;
import io.github.courtside.bigquery.local.internal.storage.WriteOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes rows of one table into another with BigQuery's create and write dispositions (query
 * results into a destination table, copy jobs).
 */
final class TableWriter {
  private static final int READ_PAGE = 50_000;

  private final LocalStorage storage;

  TableWriter(LocalStorage storage) {
    this.storage = storage;
  }

  LocalStorage storage() {
    return storage;
  }

  /**
   * The destination's resource, created from {@code template} (schema, partitioning, clustering)
   * when missing and {@code createDisposition} allows it.
   */
  Table ensure(TableReference destination, String createDisposition, Table template) {
    TableReference base = Decorators.base(destination);
    var existing = storage.table(base);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (createDisposition.equals("CREATE_NEVER")) {
      throw TablesResource.notFound(base);
    }
    if (template.getSchema() == null) {
      throw ApiException.invalid("No schema specified on job or table.");
    }
    Table table =
        new Table()
            .setTableReference(base)
            .setSchema(template.getSchema())
            .setTimePartitioning(template.getTimePartitioning())
            .setRangePartitioning(template.getRangePartitioning())
            .setClustering(template.getClustering());
    try {
      return storage.createTable(table);
    } catch (ApiException e) {
      if (e.httpStatus() == 409) {
        return storage.table(base).orElseThrow(() -> e);
      }
      throw e;
    }
  }

  /** Every row of a table, in table order. */
  List<Map<String, @Nullable Object>> readAll(TableReference table) {
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    long start = 0;
    while (true) {
      RowPage page = storage.read(table, start, READ_PAGE, null);
      rows.addAll(page.rows());
      start += page.rows().size();
      if (page.rows().isEmpty() || start >= page.totalRows()) {
        return rows;
      }
    }
  }

  static @Nullable TableSchema schemaOf(Table table) {
    return table.getSchema();
  }

  /**
   * Writes the rows of {@code sources} into {@code destination} in one transaction: the first
   * append with {@code writeDisposition}, the others appended. Returns the rows written.
   */
  long write(
      TableReference destination,
      String writeDisposition,
      WriteOrigin origin,
      List<List<Map<String, @Nullable Object>>> sources) {
    List<TableAppend> appends = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      appends.add(
          TableAppend.of(
              destination, i == 0 ? writeDisposition : "WRITE_APPEND", origin, sources.get(i)));
    }
    long written = 0;
    for (Long count : storage.append(appends)) {
      written += count;
    }
    return written;
  }
}
