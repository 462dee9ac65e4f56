package io.github.courtside.bigquery.local.internal;

import org.jspecify.annotations.Nullable;

/**
 * A failure that the server reports to its client in BigQuery's own shape: an HTTP status, a {@code
 * reason} ({@code invalidQuery}, {@code notFound}, {@code duplicate}, {@code invalid}, {@code
 * quotaExceeded}, {@code rateLimitExceeded}, {@code backendError}, ...), a message and, where there
 * is one, a {@code location} (a field name, or {@code line:column} in a query).
 *
 * <p>Every layer throws it; the REST layer writes it as {@code {"error":{"code","message","errors":
 * [{"reason","message","location"}],"status"}}}, the gRPC layer maps the status to a gRPC code.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String reason;
  private final @Nullable String location;

  public ApiException(int httpStatus, String reason, String message, @Nullable String location) {
    super(message);
    this.httpStatus = httpStatus;
    this.reason = reason;
    this.location = location;
  }

  public ApiException(int httpStatus, String reason, String message) {
    this(httpStatus, reason, message, null);
  }

  /** 400 {@code invalidQuery}: a statement ZetaSQL or the compiler refused. */
  public static ApiException invalidQuery(String message, @Nullable String location) {
    return new ApiException(400, "invalidQuery", message, location);
  }

  /** 400 {@code invalid}: a request or a value that is not acceptable. */
  public static ApiException invalid(String message) {
    return new ApiException(400, "invalid", message);
  }

  /** 404 {@code notFound}, with BigQuery's message ("Not found: Table p:d.t"). */
  public static ApiException notFound(String message) {
    return new ApiException(404, "notFound", message);
  }

  /** 409 {@code duplicate} ("Already Exists: Table p:d.t"). */
  public static ApiException duplicate(String message) {
    return new ApiException(409, "duplicate", message);
  }

  /** 400 {@code invalidQuery} naming a construct the local server does not support yet. */
  public static ApiException notSupported(String construct) {
    return invalidQuery("not supported by the local server: " + construct, null);
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String reason() {
    return reason;
  }

  public @Nullable String location() {
    return location;
  }

  /** The gRPC status name of the same failure (NOT_FOUND, ALREADY_EXISTS, INVALID_ARGUMENT...). */
  public String grpcCode() {
    return switch (httpStatus) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> reason.equals("quotaExceeded") ? "RESOURCE_EXHAUSTED" : "PERMISSION_DENIED";
      case 404 -> "NOT_FOUND";
      case 409 -> "ALREADY_EXISTS";
      case 412 -> "FAILED_PRECONDITION";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 501 -> "UNIMPLEMENTED";
      case 503 -> "UNAVAILABLE";
      case 504 -> "DEADLINE_EXCEEDED";
      default -> "INTERNAL";
    };
  }
}
