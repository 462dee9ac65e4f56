package io.github.courtside.core.completion;

/**
 * Why a batch closed. Whatever the reason, a batch closes once, and the one call that closes it is
 * told so.
 *
 * <pre>{@code
 * if (closure.reason() == CloseReason.STALLED) alerts.warn("batch forced complete " + closure);
 * }</pre>
 */
public enum CloseReason {
  /** Every expected item was recorded. */
  ALL_RECORDED,
  /** The batch was started without items. */
  NO_ITEMS,
  /** Enough items were recorded and no progress was seen for the stall threshold. */
  STALLED,
  /** The batch outlived the maximum batch age. */
  TIMED_OUT,
  /** An operator reset the scope so that a new batch can start (I-10). */
  RESET;

  /**
   * Whether a batch closed this way triggers what follows (consolidation): every reason but {@link
   * #RESET} (an abandoned batch) and {@link #NO_ITEMS} (nothing to consolidate). Only these are
   * retriggered when nobody marks them consumed.
   */
  public boolean triggers() {
    return this != RESET && this != NO_ITEMS;
  }
}
