package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.json.GenericJson;
import com.google.api.services.bigquery.model.ErrorProto;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.util.List;

/**
 * BigQuery's error shape: {@code {"error":{"code","message","errors":[{"message","domain",
 * "reason","location","locationType"}],"status"}}}, and the {@link ErrorProto} of job statuses.
 */
final class ErrorBody {
  private ErrorBody() {}

  static GenericJson of(ApiException e) {
    GoogleJsonError.ErrorInfo info = new GoogleJsonError.ErrorInfo();
    info.setMessage(e.getMessage());
    info.setDomain("global");
    info.setReason(e.reason());
    if (e.location() != null) {
      info.setLocation(e.location());
      info.setLocationType(e.reason().equals("invalidQuery") ? "parameter" : "other");
    }
    GoogleJsonError error = new GoogleJsonError();
    error.setCode(e.httpStatus());
    error.setMessage(e.getMessage());
    error.setErrors(List.of(info));
    error.set("status", status(e.httpStatus()));
    GenericJson body = new GenericJson();
    body.set("error", error);
    return body;
  }

  /** The job-status form of the same failure. */
  static ErrorProto proto(ApiException e) {
    ErrorProto proto = new ErrorProto().setReason(e.reason()).setMessage(e.getMessage());
    if (e.location() != null) {
      proto.setLocation(e.location());
    }
    return proto;
  }

  /** The exception a failed job answers with when its results are asked for. */
  static ApiException exception(ErrorProto proto, int httpStatus) {
    return new ApiException(
        httpStatus,
        proto.getReason() == null ? "invalid" : proto.getReason(),
        proto.getMessage() == null ? "" : proto.getMessage(),
        proto.getLocation());
  }

  /** The google.rpc status name of an HTTP status, as BigQuery reports it. */
  static String status(int httpStatus) {
    return switch (httpStatus) {
      case 400 -> "INVALID_ARGUMENT";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
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
