package io.github.courtside.bigquery.local.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a handler answers: a status, extra headers and a JSON body (a model object, written with
 * {@link JsonCodec}), or no body.
 */
final class RestResponse {
  private final int status;
  private final @Nullable Object body;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private RestResponse(int status, @Nullable Object body) {
    this.status = status;
    this.body = body;
  }

  /** 200 with a JSON body. */
  static RestResponse json(Object body) {
    return new RestResponse(200, body);
  }

  /** 204 No Content (deletes). */
  static RestResponse noContent() {
    return new RestResponse(204, null);
  }

  /** Any status without a body (308 Resume Incomplete, 200 for an upload session...). */
  static RestResponse empty(int status) {
    return new RestResponse(status, null);
  }

  RestResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  int status() {
    return status;
  }

  @Nullable Object body() {
    return body;
  }

  Map<String, String> headers() {
    return headers;
  }
}
