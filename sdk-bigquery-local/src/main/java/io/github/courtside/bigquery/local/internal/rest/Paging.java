package io.github.courtside.bigquery.local.internal.rest;

import io.github.courtside.bigquery.local.internal.ApiException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a list: the items from a token's offset, at most {@code maxResults} of them. */
record Paging<T>(List<T> items, @Nullable String nextPageToken) {

  static <T> Paging<T> of(List<T> all, RestRequest request, int defaultMax) {
    long offset = PageToken.offset(request.param("pageToken"), 0);
    Long max = request.longParam("maxResults");
    long size = max == null || max <= 0 ? defaultMax : Math.min(max, defaultMax);
    if (offset < 0) {
      throw ApiException.invalid("Invalid page token: " + request.param("pageToken"));
    }
    int from = (int) Math.min(offset, all.size());
    int to = (int) Math.min(all.size(), from + size);
    return new Paging<>(
        List.copyOf(all.subList(from, to)), PageToken.next(from, to - from, all.size()));
  }
}
