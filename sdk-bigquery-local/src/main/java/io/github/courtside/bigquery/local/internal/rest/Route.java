package io.github.courtside.bigquery.local.internal.rest;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One REST method: the HTTP method, a path pattern relative to {@code /bigquery/v2/} (segments,
 * {@code {name}} for a parameter), the discovery name given to fault injection, and its handler.
 */
record Route(
    String httpMethod, boolean upload, List<String> pattern, String apiMethod, Handler handler) {

  /** Handles a matched request. */
  @FunctionalInterface
  interface Handler {
    RestResponse handle(RestRequest request) throws IOException;
  }

  static Route of(String httpMethod, String pattern, String apiMethod, Handler handler) {
    return new Route(httpMethod, false, List.of(pattern.split("/")), apiMethod, handler);
  }

  static Route upload(String httpMethod, String pattern, String apiMethod, Handler handler) {
    return new Route(httpMethod, true, List.of(pattern.split("/")), apiMethod, handler);
  }

  /** The path parameters when {@code segments} match the pattern. */
  Optional<Map<String, String>> match(boolean uploadPath, List<String> segments) {
    if (uploadPath != upload || segments.size() != pattern.size()) {
      return Optional.empty();
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      String expected = pattern.get(i);
      String actual = segments.get(i);
      if (expected.startsWith("{")) {
        params.put(expected.substring(1, expected.length() - 1), actual);
      } else if (!expected.equals(actual)) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }
}
