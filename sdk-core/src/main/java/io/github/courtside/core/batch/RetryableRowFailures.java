package io.github.courtside.core.batch;

/** Signals to the retry that some rows of a request failed retryably and must be sent again. */
final class RetryableRowFailures extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RetryableRowFailures(int rows, String firstReason) {
    super(rows + " row(s) failed retryably, e.g. " + firstReason, null, false, false);
  }
}
