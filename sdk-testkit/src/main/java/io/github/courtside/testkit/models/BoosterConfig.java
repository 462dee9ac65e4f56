package io.github.courtside.testkit.models;

import io.github.courtside.core.ValueStyle;
import org.immutables.value.Value;

/**
 * Settings of the {@link ObliviousTreeBooster}.
 *
 * <pre>{@code
 * BoosterConfig config = BoosterConfig.builder().trees(50).depth(4).learningRate(0.1).build();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class BoosterConfig {
  BoosterConfig() {}

  /** A builder with the defaults: 100 trees, depth 4, learning rate 0.1, 32 borders, L2 3. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static BoosterConfig defaults() {
    return builder().build();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** The number of trees, at least 1. Default 100. */
  @Value.Default
  public int trees() {
    return 100;
  }

  /** The depth of every (oblivious) tree, 1-8. Default 4. */
  @Value.Default
  public int depth() {
    return 4;
  }

  /** The shrinkage applied to leaf values, within (0, 1]. Default 0.1. */
  @Value.Default
  public double learningRate() {
    return 0.1;
  }

  /** The largest number of candidate borders per feature, 1-254. Default 32. */
  @Value.Default
  public int borderCount() {
    return 32;
  }

  /** The L2 penalty added to leaf counts, at least 0. Default 3. */
  @Value.Default
  public double l2LeafRegularization() {
    return 3.0;
  }

  @Value.Check
  void check() {
    if (trees() < 1) {
      throw new IllegalArgumentException("trees must be at least 1: " + trees());
    }
    if (depth() < 1 || depth() > 8) {
      throw new IllegalArgumentException("depth must be within 1-8: " + depth());
    }
    if (!(learningRate() > 0 && learningRate() <= 1)) {
      throw new IllegalArgumentException("learning rate must be within (0, 1]: " + learningRate());
    }
    if (borderCount() < 1 || borderCount() > 254) {
      throw new IllegalArgumentException("border count must be within 1-254: " + borderCount());
    }
    if (!(l2LeafRegularization() >= 0)) {
      throw new IllegalArgumentException(
          "L2 regularization must be >= 0: " + l2LeafRegularization());
    }
  }

  /** Builds a {@link BoosterConfig}. */
  public static final class Builder extends ImmutableBoosterConfig.Builder {}
}
