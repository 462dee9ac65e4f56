package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableList;
import com.google.api.services.bigquery.model.TableReference;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import java.util.List;

/** {@code tables.insert/get/list/patch/update/delete}. */
final class TablesResource {
  private final LocalStorage storage;

  TablesResource(LocalStorage storage) {
    this.storage = storage;
  }

  List<Route> routes() {
    String many = "projects/{projectId}/datasets/{datasetId}/tables";
    String one = many + "/{tableId}";
    return List.of(
        Route.of("POST", many, "tables.insert", this::insert),
        Route.of("GET", many, "tables.list", this::list),
        Route.of("GET", one, "tables.get", this::get),
        Route.of("PATCH", one, "tables.patch", this::patch),
        Route.of("PUT", one, "tables.update", this::patch),
        Route.of("DELETE", one, "tables.delete", this::delete));
  }

  static TableReference ref(RestRequest request) {
    return new TableReference()
        .setProjectId(request.path("projectId"))
        .setDatasetId(request.path("datasetId"))
        .setTableId(request.path("tableId"));
  }

  static String name(TableReference ref) {
    return ref.getProjectId() + ":" + ref.getDatasetId() + "." + ref.getTableId();
  }

  static ApiException notFound(TableReference ref) {
    return ApiException.notFound("Not found: Table " + name(ref));
  }

  private RestResponse insert(RestRequest request) {
    Table table = request.body(Table.class);
    TableReference ref = table.getTableReference();
    if (ref == null || ref.getTableId() == null || ref.getTableId().isEmpty()) {
      throw ApiException.invalid("Required parameter is missing: tableReference.tableId");
    }
    if (ref.getProjectId() == null) {
      ref.setProjectId(request.path("projectId"));
    }
    if (ref.getDatasetId() == null) {
      ref.setDatasetId(request.path("datasetId"));
    }
    if (table.getView() != null || table.getMaterializedView() != null) {
      throw ApiException.notSupported("views (tables.insert with a view definition)");
    }
    if (table.getExternalDataConfiguration() != null) {
      throw ApiException.notSupported("external tables");
    }
    return RestResponse.json(storage.createTable(table));
  }

  private RestResponse get(RestRequest request) {
    TableReference ref = ref(request);
    return RestResponse.json(storage.table(ref).orElseThrow(() -> notFound(ref)));
  }

  private RestResponse list(RestRequest request) {
    List<TableList.Tables> items =
        storage.tables(request.path("projectId"), request.path("datasetId")).stream()
            .map(
                t ->
                    new TableList.Tables()
                        .setKind("bigquery#table")
                        .setId(t.getId())
                        .setTableReference(t.getTableReference())
                        .setType(t.getType() == null ? "TABLE" : t.getType())
                        .setFriendlyName(t.getFriendlyName())
                        .setLabels(t.getLabels())
                        .setTimePartitioning(t.getTimePartitioning())
                        .setRangePartitioning(t.getRangePartitioning())
                        .setClustering(t.getClustering())
                        .setRequirePartitionFilter(t.getRequirePartitionFilter())
                        .setCreationTime(t.getCreationTime())
                        .setExpirationTime(t.getExpirationTime()))
            .toList();
    Paging<TableList.Tables> page = Paging.of(items, request, 10_000);
    TableList out = new TableList().setKind("bigquery#tableList").setTotalItems(items.size());
    if (!page.items().isEmpty()) {
      out.setTables(page.items());
    }
    out.setNextPageToken(page.nextPageToken());
    return RestResponse.json(out);
  }

  private RestResponse patch(RestRequest request) {
    TableReference ref = ref(request);
    Table patch = request.body(Table.class);
    patch.setTableReference(null);
    return RestResponse.json(storage.patchTable(ref, patch));
  }

  private RestResponse delete(RestRequest request) {
    TableReference ref = ref(request);
    if (!storage.deleteTable(ref)) {
      throw notFound(ref);
    }
    return RestResponse.noContent();
  }
}
