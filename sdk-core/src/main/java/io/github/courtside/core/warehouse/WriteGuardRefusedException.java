package io.github.courtside.core.warehouse;

/**
 * The {@link WriteGuard} of a transaction was not TRUE, so the transaction was rolled back and
 * nothing was written. Not retryable as such: the condition (e.g. a newer fencing token) has to
 * change first.
 *
 * <pre>{@code
 * try {
 *   warehouse.transaction(fence, statements);
 * } catch (WriteGuardRefusedException e) {
 *   log.warn("fenced off: {}", e.guard().description());
 * }
 * }</pre>
 */
public class WriteGuardRefusedException extends WarehouseException {
  private static final long serialVersionUID = 1L;

  private final WriteGuard guard;

  public WriteGuardRefusedException(WriteGuard guard, String detail) {
    super(null, "write refused by its guard: " + guard.description() + " (" + detail + ")");
    this.guard = guard;
  }

  /** The guard that refused the write. */
  public WriteGuard guard() {
    return guard;
  }
}
