package io.github.courtside.bigquery.local.internal.rest;

import java.util.List;

/**
 * Serves the {@link DiscoveryDocument} where BigQuery does: {@code GET /$discovery/rest?version=v2}
 * (what the {@code bq} tool asks a custom {@code --api} endpoint for) and {@code GET
 * /discovery/v1/apis/bigquery/v2/rest}. The document is built on the first request.
 */
final class DiscoveryResource {
  private static final class Holder {
    static final DiscoveryDocument DOCUMENT = DiscoveryDocument.load();
  }

  private DiscoveryResource() {}

  static List<Route> routes() {
    Route.Handler serve =
        request -> RestResponse.json(Holder.DOCUMENT.forBaseUrl(request.baseUrl()));
    return List.of(
        Route.of("GET", "$discovery/rest", "discovery.getRest", serve),
        Route.of("GET", "discovery/v1/apis/bigquery/v2/rest", "discovery.getRest", serve));
  }
}
