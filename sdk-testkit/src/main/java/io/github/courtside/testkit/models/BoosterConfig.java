package io.github.courtside.testkit.models;

/**
 * Settings of the {@link ObliviousTreeBooster}.
 *
 * <pre>{@code
 * BoosterConfig config = BoosterConfig.builder().trees(50).depth(4).learningRate(0.1).build();
 * }</pre>
 *
 * @param trees the number of trees
 * @param depth the depth of every (oblivious) tree, 1-8
 * @param learningRate the shrinkage applied to leaf values
 * @param borderCount the largest number of candidate borders per feature
 * @param l2LeafRegularization the L2 penalty added to leaf counts
 */
public record BoosterConfig(
    int trees, int depth, double learningRate, int borderCount, double l2LeafRegularization) {

  public BoosterConfig {
    if (trees < 1) {
      throw new IllegalArgumentException("trees must be at least 1: " + trees);
    }
    if (depth < 1 || depth > 8) {
      throw new IllegalArgumentException("depth must be within 1-8: " + depth);
    }
    if (!(learningRate > 0 && learningRate <= 1)) {
      throw new IllegalArgumentException("learning rate must be within (0, 1]: " + learningRate);
    }
    if (borderCount < 1 || borderCount > 254) {
      throw new IllegalArgumentException("border count must be within 1-254: " + borderCount);
    }
    if (!(l2LeafRegularization >= 0)) {
      throw new IllegalArgumentException("L2 regularization must be >= 0");
    }
  }

  /** A builder with defaults: 100 trees, depth 4, learning rate 0.1, 32 borders, L2 3. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BoosterConfig}. */
  public static final class Builder {
    private int trees = 100;
    private int depth = 4;
    private double learningRate = 0.1;
    private int borderCount = 32;
    private double l2 = 3.0;

    private Builder() {}

    /** The number of trees. */
    public Builder trees(int value) {
      trees = value;
      return this;
    }

    /** The tree depth. */
    public Builder depth(int value) {
      depth = value;
      return this;
    }

    /** The learning rate. */
    public Builder learningRate(double value) {
      learningRate = value;
      return this;
    }

    /** The maximum number of borders per feature. */
    public Builder borderCount(int value) {
      borderCount = value;
      return this;
    }

    /** The L2 leaf regularization. */
    public Builder l2LeafRegularization(double value) {
      l2 = value;
      return this;
    }

    /** The config. */
    public BoosterConfig build() {
      return new BoosterConfig(trees, depth, learningRate, borderCount, l2);
    }
  }
}
