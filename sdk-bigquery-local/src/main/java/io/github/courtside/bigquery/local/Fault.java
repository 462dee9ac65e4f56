package io.github.courtside.bigquery.local;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One injected fault: what a call of a method does instead of (or besides) its normal work.
 *
 * <pre>{@code
 * bigQuery.faults().failNext("tabledata.insertAll", Fault.rateLimitExceeded(), 2);
 * bigQuery.faults().failNext("AppendRows", Fault.ambiguous(), 1);   // the rows land, the client sees UNAVAILABLE
 * bigQuery.faults().always("jobs.query", Fault.delay(Duration.ofMillis(300)));
 * }</pre>
 */
public sealed interface Fault {

  /** The call fails with this HTTP status and BigQuery error reason; nothing is done. */
  record Error(int httpStatus, String reason, String message) implements Fault {
    public Error {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The call waits this long, then runs normally. */
  record Delay(Duration delay) implements Fault {
    public Delay {
      Objects.requireNonNull(delay, "delay");
    }
  }

  /**
   * The listed rows of an {@code insertAll} or {@code AppendRows} call are rejected with the given
   * reason, as if BigQuery had found them invalid; the other rows are treated as BigQuery treats
   * them (insertAll: {@code stopped} unless {@code skipInvalidRows}; AppendRows: none appended).
   */
  record RowErrors(Map<Integer, String> reasonsByRowIndex) implements Fault {
    public RowErrors {
      reasonsByRowIndex = Map.copyOf(new TreeMap<>(reasonsByRowIndex));
    }
  }

  /**
   * The call does its work (the write lands), then the client gets a 500 {@code backendError} (gRPC
   * {@code UNAVAILABLE}): the failure after success that idempotent writers must survive.
   */
  record Ambiguous() implements Fault {}

  /** 429 {@code rateLimitExceeded}. */
  static Fault rateLimitExceeded() {
    return new Error(
        429, "rateLimitExceeded", "Exceeded rate limits: too many requests (injected)");
  }

  /** 500 {@code backendError}. */
  static Fault backendError() {
    return new Error(500, "backendError", "Backend error (injected)");
  }

  /** 503 {@code backendError} (service unavailable). */
  static Fault unavailable() {
    return new Error(503, "backendError", "Service unavailable (injected)");
  }

  /** 403 {@code quotaExceeded}. */
  static Fault quotaExceeded() {
    return new Error(403, "quotaExceeded", "Quota exceeded (injected)");
  }

  /** An error of any status and reason. */
  static Fault error(int httpStatus, String reason, String message) {
    return new Error(httpStatus, reason, message);
  }

  /** A slow response. */
  static Fault delay(Duration delay) {
    return new Delay(delay);
  }

  /** Per-row rejections (row index to reason, e.g. {@code invalid}). */
  static Fault rowErrors(Map<Integer, String> reasonsByRowIndex) {
    return new RowErrors(reasonsByRowIndex);
  }

  /** The write lands and the client is told it failed. */
  static Fault ambiguous() {
    return new Ambiguous();
  }
}
