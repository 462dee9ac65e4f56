package io.github.courtside.testkit.models;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A feature table with targets for the {@link ObliviousTreeBooster}: one row per example, columns
 * in {@link #featureNames()} order. Values must be finite (impute before training).
 *
 * <pre>{@code
 * TrainingSet set = new TrainingSet(List.of("x", "y"), new double[][] {{0, 1}, {1, 0}},
 *     new double[] {3.0, 5.0});
 * }</pre>
 *
 * @param featureNames the column names, unique
 * @param rows the feature rows (not copied; do not mutate while training)
 * @param targets one target per row
 */
public record TrainingSet(List<String> featureNames, double[][] rows, double[] targets) {
  public TrainingSet {
    featureNames = List.copyOf(featureNames);
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(targets, "targets");
    if (featureNames.isEmpty()) {
      throw new IllegalArgumentException("a training set needs at least one feature");
    }
    if (new HashSet<>(featureNames).size() != featureNames.size()) {
      throw new IllegalArgumentException("feature names repeat: " + featureNames);
    }
    if (rows.length != targets.length) {
      throw new IllegalArgumentException(rows.length + " rows but " + targets.length + " targets");
    }
    if (rows.length == 0) {
      throw new IllegalArgumentException("a training set needs at least one row");
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != featureNames.size()) {
        throw new IllegalArgumentException(
            "row " + i + " has " + rows[i].length + " values, expected " + featureNames.size());
      }
      for (int j = 0; j < rows[i].length; j++) {
        if (!Double.isFinite(rows[i][j])) {
          throw new IllegalArgumentException(
              "row " + i + ", feature " + featureNames.get(j) + " is not finite: " + rows[i][j]);
        }
      }
      if (!Double.isFinite(targets[i])) {
        throw new IllegalArgumentException("target of row " + i + " is not finite");
      }
    }
  }

  /** The number of rows. */
  public int size() {
    return rows.length;
  }
}
