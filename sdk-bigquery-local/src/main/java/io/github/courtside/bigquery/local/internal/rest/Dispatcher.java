package io.github.courtside.bigquery.local.internal.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.courtside.bigquery.local.Fault;
import io.github.courtside.bigquery.local.Faults;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each HTTP exchange, finds its {@link Route}, applies the injected fault, runs the handler
 * and writes the answer (or BigQuery's error shape).
 *
 * <p>Paths are accepted under {@code /bigquery/v2/} (what the Java, Node.js and Python clients
 * send), under {@code /upload/bigquery/v2/} for media uploads, and without the prefix.
 */
final class Dispatcher implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final String API_PREFIX = "/bigquery/v2/";
  private static final String UPLOAD_PREFIX = "/upload/bigquery/v2/";

  private final List<Route> routes;
  private final Faults faults;

  Dispatcher(List<Route> routes, Faults faults) {
    this.routes = List.copyOf(routes);
    this.faults = faults;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      boolean pretty = true;
      try {
        URI uri = exchange.getRequestURI();
        Map<String, List<String>> query = parseQuery(uri.getRawQuery());
        pretty = !"false".equalsIgnoreCase(first(query, "prettyPrint"));
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
        if (override != null && method.equals("POST")) {
          method = override.toUpperCase(Locale.ROOT);
        }
        String rawPath = uri.getRawPath();
        boolean upload = rawPath.startsWith(UPLOAD_PREFIX);
        String relative =
            upload
                ? rawPath.substring(UPLOAD_PREFIX.length())
                : rawPath.startsWith(API_PREFIX)
                    ? rawPath.substring(API_PREFIX.length())
                    : rawPath.replaceFirst("^/+", "");
        List<String> segments = segments(relative);
        String host = exchange.getRequestHeaders().getFirst("Host");
        String baseUrl =
            "http://" + (host != null ? host : "127.0.0.1:" + exchange.getLocalAddress().getPort());
        RestRequest request =
            new RestRequest(
                method, rawPath, query, exchange.getRequestHeaders(), readBody(exchange), baseUrl);
        Route route = find(method, upload, segments, request);
        LOG.debug("{} {} -> {}", method, rawPath, route.apiMethod());
        RestResponse response = run(route, request);
        write(exchange, response, pretty);
      } catch (ApiException e) {
        LOG.debug(
            "{} {}: {} {}",
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            e.httpStatus(),
            e.getMessage());
        writeError(exchange, e, pretty);
      } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
        LOG.warn(
            "internal error on {} {}",
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            e);
        writeError(
            exchange,
            new ApiException(500, "internalError", "Internal error in the local server: " + e),
            pretty);
      }
    }
  }

  private RestResponse run(Route route, RestRequest request) throws IOException {
    Optional<Fault> fault = faults.onCall(route.apiMethod());
    if (fault.isPresent()) {
      Fault f = fault.get();
      if (f instanceof Fault.Error error) {
        throw new ApiException(error.httpStatus(), error.reason(), error.message());
      } else if (f instanceof Fault.Delay delay) {
        sleep(delay);
      } else if (f instanceof Fault.RowErrors) {
        request.fault(f);
      } else if (f instanceof Fault.Ambiguous) {
        route.handler().handle(request);
        throw new ApiException(
            500, "backendError", "Backend error (injected after the call took effect)");
      }
    }
    return route.handler().handle(request);
  }

  private static void sleep(Fault.Delay delay) {
    try {
      Thread.sleep(delay.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Route find(String method, boolean upload, List<String> segments, RestRequest request) {
    boolean pathKnown = false;
    for (Route route : routes) {
      Optional<Map<String, String>> params = route.match(upload, segments);
      if (params.isPresent()) {
        pathKnown = true;
        if (route.httpMethod().equals(method)) {
          request.pathParams(params.get());
          return route;
        }
      }
    }
    if (pathKnown) {
      throw new ApiException(
          405, "httpMethodNotAllowed", "Method " + method + " is not allowed on " + request.path());
    }
    throw new ApiException(404, "notFound", "Not found: unknown path " + request.path());
  }

  private static void write(HttpExchange exchange, RestResponse response, boolean pretty)
      throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    Object body = response.body();
    if (body == null) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    byte[] bytes = JsonCodec.write(body, pretty).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void writeError(HttpExchange exchange, ApiException e, boolean pretty)
      throws IOException {
    byte[] bytes = JsonCodec.write(ErrorBody.of(e), pretty).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(e.httpStatus(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
      in = new GZIPInputStream(in);
    }
    try (InputStream body = in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      body.transferTo(out);
      return out.toByteArray();
    }
  }

  private static List<String> segments(String relative) {
    List<String> out = new ArrayList<>();
    for (String segment : relative.split("/", -1)) {
      if (!segment.isEmpty()) {
        out.add(decode(segment));
      }
    }
    return out;
  }

  static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decodeForm(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decodeForm(pair.substring(eq + 1));
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  private static String decodeForm(String text) {
    return decode(text.replace('+', ' '));
  }

  /** Percent-decoding of a path segment ({@code +} stays a plus, unlike form decoding). */
  private static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%'
          && i + 2 < text.length()
          && isHex(text.charAt(i + 1))
          && isHex(text.charAt(i + 2))) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
