package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.TableId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

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
public final class WriteModePolicy {
  private final Map<TableId, WriteMode> modes;
  private final WriteMode defaultMode;

  private WriteModePolicy(Builder builder) {
    this.modes = Map.copyOf(builder.modes);
    this.defaultMode = builder.defaultMode;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every table MUTABLE: only load-semantics sinks are allowed. */
  public static WriteModePolicy loadOnly() {
    return builder().build();
  }

  /** The mode of {@code table}. */
  public WriteMode modeOf(TableId table) {
    return modes.getOrDefault(table, defaultMode);
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
  public static final class Builder {
    private final Map<TableId, WriteMode> modes = new HashMap<>();
    private WriteMode defaultMode = WriteMode.MUTABLE;

    private Builder() {}

    /** Registers a table's mode. */
    public Builder register(TableId table, WriteMode mode) {
      modes.put(Objects.requireNonNull(table, "table"), Objects.requireNonNull(mode, "mode"));
      return this;
    }

    /** The mode of tables not registered (default {@link WriteMode#MUTABLE}). */
    public Builder defaultMode(WriteMode mode) {
      this.defaultMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** The policy. */
    public WriteModePolicy build() {
      return new WriteModePolicy(this);
    }
  }
}
