package io.github.courtside.core.batch;

import io.github.courtside.core.ValueStyle;
import io.github.courtside.core.warehouse.TableId;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The write mode of each table, and the rule that streaming deliveries are refused for MUTABLE
 * tables. Tables not registered get the default mode, {@link WriteMode#MUTABLE} unless configured
 * otherwise: streaming must be opted into table by table, because streaming into a table that a
 * daily processor rewrites with DELETE+INSERT duplicates rows on the next re-run (§5.3).
 *
 * <pre>{@code
 * WriteModePolicy policy = WriteModePolicy.builder()
 *     .register(TableId.parse("nba_processing.analytics_data_issues"), WriteMode.APPEND_ONLY)
 *     .register(TableId.parse("nba_predictions.prediction_accuracy"), WriteMode.MUTABLE)
 *     .build();
 * policy.requireAllowed(table, Delivery.STREAMING); // throws for MUTABLE tables
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class WriteModePolicy {
  WriteModePolicy() {}

  /** A new builder: every table MUTABLE until registered. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every table MUTABLE: only load-semantics sinks are allowed. */
  public static WriteModePolicy loadOnly() {
    return builder().build();
  }

  /** A builder starting from this policy. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The registered tables and their modes. */
  public abstract Map<TableId, WriteMode> modes();

  /** The mode of tables not registered; {@link WriteMode#MUTABLE} unless set. */
  @Value.Default
  public WriteMode defaultMode() {
    return WriteMode.MUTABLE;
  }

  /** The mode of {@code table}. */
  public WriteMode modeOf(TableId table) {
    return modes().getOrDefault(table, defaultMode());
  }

  /** Whether {@code delivery} into {@code table} is allowed. */
  public boolean allows(TableId table, Delivery delivery) {
    return delivery == Delivery.LOAD || modeOf(table) == WriteMode.APPEND_ONLY;
  }

  /**
   * Throws a {@link WriteModeViolationException} when {@code delivery} into {@code table} is not
   * allowed.
   */
  public void requireAllowed(TableId table, Delivery delivery) {
    if (!allows(table, delivery)) {
      throw new WriteModeViolationException(table, modeOf(table), delivery);
    }
  }

  /** Builds a {@link WriteModePolicy}. */
  public static final class Builder extends ImmutableWriteModePolicy.Builder {
    Builder() {}

    /** Registers a table's mode (a later registration of the same table wins). */
    public Builder register(TableId table, WriteMode mode) {
      return putModes(table, mode);
    }
  }
}
