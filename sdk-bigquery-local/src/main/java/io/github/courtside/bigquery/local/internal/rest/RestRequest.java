package io.github.courtside.bigquery.local.internal.rest;

import com.sun.net.httpserver.Headers;
import io.github.courtside.bigquery.local.Fault;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as the handlers see it: the method (after {@code X-HTTP-Method-Override}), the
 * path parameters of the matched route, the query parameters, the headers and the (gunzipped) body.
 */
final class RestRequest {
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private final Headers headers;
  private final byte[] body;
  private final String baseUrl;
  private Map<String, String> pathParams = Map.of();
  private @Nullable Fault fault;

  RestRequest(
      String method,
      String path,
      Map<String, List<String>> query,
      Headers headers,
      byte[] body,
      String baseUrl) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.baseUrl = baseUrl;
  }

  String method() {
    return method;
  }

  /** The raw path, for messages. */
  String path() {
    return path;
  }

  /** {@code http://127.0.0.1:PORT}, for absolute URLs the server hands out (upload sessions). */
  String baseUrl() {
    return baseUrl;
  }

  byte[] body() {
    return body;
  }

  <T> T body(Class<T> type) {
    return JsonCodec.parse(body, type);
  }

  @Nullable String header(String name) {
    return headers.getFirst(name);
  }

  void pathParams(Map<String, String> params) {
    this.pathParams = Map.copyOf(params);
  }

  /** A path parameter of the matched route ({@code projectId}, {@code datasetId}...). */
  String path(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalStateException("route has no path parameter " + name);
    }
    return value;
  }

  @Nullable String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A repeated query parameter; comma-separated values are split too. */
  List<String> params(String name) {
    List<String> values = query.get(name);
    if (values == null) {
      return List.of();
    }
    return values.stream()
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  boolean flag(String name, boolean absent) {
    String value = param(name);
    return value == null ? absent : Boolean.parseBoolean(value);
  }

  @Nullable Long longParam(String name) {
    String value = param(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.invalid("Invalid value for " + name + ": " + value);
    }
  }

  /** The fault injected into this call, if it is one the handler acts on ({@code RowErrors}). */
  Optional<Fault> fault() {
    return Optional.ofNullable(fault);
  }

  void fault(@Nullable Fault fault) {
    this.fault = fault;
  }
}
