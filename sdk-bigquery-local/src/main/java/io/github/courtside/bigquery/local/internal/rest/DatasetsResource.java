package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.Dataset;
import com.google.api.services.bigquery.model.DatasetList;
import com.google.api.services.bigquery.model.DatasetReference;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code datasets.insert/get/list/patch/update/delete}. */
final class DatasetsResource {
  private final LocalStorage storage;
  private final ServerSettings settings;

  DatasetsResource(LocalStorage storage, ServerSettings settings) {
    this.storage = storage;
    this.settings = settings;
  }

  List<Route> routes() {
    String one = "projects/{projectId}/datasets/{datasetId}";
    return List.of(
        Route.of("POST", "projects/{projectId}/datasets", "datasets.insert", this::insert),
        Route.of("GET", "projects/{projectId}/datasets", "datasets.list", this::list),
        Route.of("GET", one, "datasets.get", this::get),
        Route.of("PATCH", one, "datasets.patch", this::patch),
        Route.of("PUT", one, "datasets.update", this::patch),
        Route.of("DELETE", one, "datasets.delete", this::delete));
  }

  private RestResponse insert(RestRequest request) {
    String project = request.path("projectId");
    Dataset dataset = request.body(Dataset.class);
    DatasetReference ref = dataset.getDatasetReference();
    if (ref == null || ref.getDatasetId() == null || ref.getDatasetId().isEmpty()) {
      throw ApiException.invalid("Required parameter is missing: datasetReference.datasetId");
    }
    if (ref.getProjectId() == null) {
      ref.setProjectId(project);
    }
    if (dataset.getLocation() == null) {
      dataset.setLocation(settings.location());
    }
    return RestResponse.json(storage.createDataset(project, dataset));
  }

  private RestResponse get(RestRequest request) {
    String project = request.path("projectId");
    String datasetId = request.path("datasetId");
    return RestResponse.json(
        storage.dataset(project, datasetId).orElseThrow(() -> notFound(project, datasetId)));
  }

  private RestResponse list(RestRequest request) {
    String project = request.path("projectId");
    boolean all = request.flag("all", false);
    @Nullable String filter = request.param("filter");
    List<DatasetList.Datasets> items =
        storage.datasets(project).stream()
            .filter(d -> all || !d.getDatasetReference().getDatasetId().startsWith("_"))
            .filter(d -> matchesLabels(d.getLabels(), filter))
            .map(
                d ->
                    new DatasetList.Datasets()
                        .setKind("bigquery#dataset")
                        .setId(d.getId())
                        .setDatasetReference(d.getDatasetReference())
                        .setFriendlyName(d.getFriendlyName())
                        .setLabels(d.getLabels())
                        .setLocation(d.getLocation()))
            .toList();
    Paging<DatasetList.Datasets> page = Paging.of(items, request, 10_000);
    DatasetList out = new DatasetList().setKind("bigquery#datasetList");
    if (!page.items().isEmpty()) {
      out.setDatasets(page.items());
    }
    out.setNextPageToken(page.nextPageToken());
    return RestResponse.json(out);
  }

  /**
   * The {@code filter} of datasets.list: {@code labels.key[:value]} terms, all of which must hold.
   */
  static boolean matchesLabels(@Nullable Map<String, String> labels, @Nullable String filter) {
    if (filter == null || filter.isBlank()) {
      return true;
    }
    for (String term : filter.trim().split("\\s+(?:AND\\s+)?")) {
      if (!term.startsWith("labels.")) {
        throw ApiException.invalid(
            "Invalid filter (only labels.key[:value] is supported): " + filter);
      }
      String spec = term.substring("labels.".length());
      int colon = spec.indexOf(':');
      String key = colon < 0 ? spec : spec.substring(0, colon);
      if (labels == null || !labels.containsKey(key)) {
        return false;
      }
      if (colon >= 0 && !spec.substring(colon + 1).equals(labels.get(key))) {
        return false;
      }
    }
    return true;
  }

  private RestResponse patch(RestRequest request) {
    String project = request.path("projectId");
    String datasetId = request.path("datasetId");
    Dataset patch = request.body(Dataset.class);
    patch.setDatasetReference(null);
    return RestResponse.json(storage.patchDataset(project, datasetId, patch));
  }

  private RestResponse delete(RestRequest request) {
    storage.deleteDataset(
        request.path("projectId"),
        request.path("datasetId"),
        request.flag("deleteContents", false));
    return RestResponse.noContent();
  }

  static ApiException notFound(String project, String datasetId) {
    return ApiException.notFound("Not found: Dataset " + project + ":" + datasetId);
  }
}
