package io.github.courtside.bigquery.local.internal.sql;

import com.google.api.services.bigquery.model.DatasetReference;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleTable;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server tables one statement references, as ZetaSQL tables: each name path is registered as
 * written, so {@code `p.d.t`} (one identifier, in the root catalog), {@code d.t}, {@code p.d.t} and
 * {@code `p`.d.t} (nested catalogs) all resolve. Missing tables are left out; ZetaSQL then reports
 * them and {@link #notFound} turns that into BigQuery's 404.
 */
final class StatementTables {
  private final LocalStorage storage;
  private final String project;
  private final @Nullable DatasetReference defaultDataset;
  private final String location;
  private final Map<String, TableReference> byZetaName = new HashMap<>();
  private final Map<String, Table> resources = new LinkedHashMap<>();
  private final List<TableReference> missing = new ArrayList<>();

  StatementTables(
      LocalStorage storage,
      String project,
      @Nullable DatasetReference defaultDataset,
      String location) {
    this.storage = storage;
    this.project = project;
    this.defaultDataset = defaultDataset;
    this.location = location;
  }

  /** A table name path as a reference: {@code p.d.t}, {@code d.t} (job project), {@code t}. */
  TableReference resolve(List<String> path) {
    List<String> parts = new ArrayList<>();
    for (String p : path) {
      for (String piece : p.split("\\.", -1)) {
        parts.add(piece);
      }
    }
    String joined = String.join(".", path);
    return switch (parts.size()) {
      case 1 -> {
        if (defaultDataset == null) {
          throw ApiException.invalidQuery(
              "Table \"" + joined + "\" must be qualified with a dataset (e.g. dataset.table).",
              null);
        }
        yield new TableReference()
            .setProjectId(
                defaultDataset.getProjectId() == null ? project : defaultDataset.getProjectId())
            .setDatasetId(defaultDataset.getDatasetId())
            .setTableId(parts.get(0));
      }
      case 2 ->
          new TableReference()
              .setProjectId(project)
              .setDatasetId(parts.get(0))
              .setTableId(parts.get(1));
      case 3 ->
          new TableReference()
              .setProjectId(parts.get(0))
              .setDatasetId(parts.get(1))
              .setTableId(parts.get(2));
      default -> throw ApiException.invalidQuery("Invalid table name: " + joined, null);
    };
  }

  /**
   * Adds the tables under their paths to {@code catalog} (the statement's {@link
   * GoogleSqlAnalyzer.CatalogTables}); returns their signature: each path as written with its
   * table's columns and types.
   */
  String register(SimpleCatalog catalog, List<List<String>> paths) {
    StringBuilder signature = new StringBuilder();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (List<String> path : paths) {
      if (!seen.add(String.join("\u0001", path).toLowerCase(Locale.ROOT))) {
        continue;
      }
      TableReference ref = resolve(path);
      Optional<Table> table = lookup(ref);
      if (table.isEmpty()) {
        missing.add(ref);
        continue;
      }
      String name = String.join(".", path);
      SimpleTable zeta = new SimpleTable(name);
      List<TableFieldSchema> fields =
          table.get().getSchema() == null || table.get().getSchema().getFields() == null
              ? List.of()
              : table.get().getSchema().getFields();
      signature.append(String.join("\u0001", path).toLowerCase(Locale.ROOT)).append('\u0002');
      for (TableFieldSchema field : fields) {
        zeta.addSimpleColumn(field.getName(), ZetaTypes.fromField(field));
        signature.append(field.getName()).append('\u0003').append(field).append('\u0002');
      }
      signature.append('\u0004');
      byZetaName.put(name.toLowerCase(Locale.ROOT), ref);
      if (path.size() == 1) {
        catalog.addSimpleTable(path.get(0), zeta);
        continue;
      }
      SimpleCatalog parent = catalog;
      for (int i = 0; i < path.size() - 1; i++) {
        SimpleCatalog child = parent.getCatalog(path.get(i));
        if (child == null) {
          child = parent.addNewSimpleCatalog(path.get(i));
        }
        parent = child;
      }
      parent.addSimpleTable(path.get(path.size() - 1), zeta);
    }
    return signature.toString();
  }

  private Optional<Table> lookup(TableReference ref) {
    String key = key(ref);
    Table cached = resources.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Table> table = storage.table(ref);
    table.ifPresent(t -> resources.put(key, t));
    return table;
  }

  private static String key(TableReference ref) {
    return ref.getProjectId() + ":" + ref.getDatasetId() + "." + ref.getTableId();
  }

  /** The reference of a table of the resolved tree. */
  TableReference reference(com.google.zetasql.Table table) {
    TableReference ref = byZetaName.get(table.getName().toLowerCase(Locale.ROOT));
    if (ref == null) {
      ref = resolve(List.of(table.getFullName()));
    }
    return ref;
  }

  Optional<Table> resource(TableReference ref) {
    return lookup(ref);
  }

  /** The tables the statement read or wrote. */
  List<TableReference> referenced() {
    List<TableReference> refs = new ArrayList<>();
    for (Table t : resources.values()) {
      refs.add(t.getTableReference());
    }
    return refs;
  }

  /** Forgets cached resources (after DDL changed them). */
  void forget() {
    resources.clear();
  }

  /** BigQuery's 404 for a table ZetaSQL did not find, or null when none was missing. */
  @Nullable ApiException notFound() {
    if (missing.isEmpty()) {
      return null;
    }
    return notFound(missing.get(0));
  }

  ApiException notFound(TableReference ref) {
    return ApiException.notFound(
        "Not found: Table "
            + ref.getProjectId()
            + ":"
            + ref.getDatasetId()
            + "."
            + ref.getTableId()
            + " was not found in location "
            + location);
  }
}
