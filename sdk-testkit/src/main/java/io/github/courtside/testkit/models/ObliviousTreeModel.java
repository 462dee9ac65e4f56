package io.github.courtside.testkit.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.courtside.core.CourtsideException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained ensemble of oblivious decision trees that writes itself in CatBoost's JSON model
 * format, loadable by {@code CatBoostModel.loadModel(path, "json")} and therefore by {@code
 * CatBoostPredictor}.
 *
 * <p>Semantics match CatBoost's: values and borders compare as 32-bit floats, split bit {@code i}
 * is {@code value > border}, the first split is the low bit of the leaf index, and the prediction
 * is {@code bias + Σ leaf values}. A NaN input is "not greater" than any border.
 *
 * <pre>{@code
 * ObliviousTreeModel model = new ObliviousTreeBooster(config).train(set);
 * model.writeTo(Path.of("demo.json"));
 * double p = model.predict(new double[] {1.0, 20.0});
 * }</pre>
 */
public final class ObliviousTreeModel {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<String> featureNames;
  private final double[][] borders;
  private final List<Tree> trees;
  private final double bias;

  /** One oblivious tree: split features and borders by level, and 2^depth leaf values. */
  record Tree(int[] features, int[] borderIndexes, double[] leafValues) {}

  ObliviousTreeModel(List<String> featureNames, double[][] borders, List<Tree> trees, double bias) {
    this.featureNames = List.copyOf(featureNames);
    this.borders = borders;
    this.trees = List.copyOf(trees);
    this.bias = bias;
  }

  /** The feature names, in input order. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The borders per feature, in input order (not copied). */
  double[][] borders() {
    return borders;
  }

  /** The number of trees. */
  public int treeCount() {
    return trees.size();
  }

  /** The bias (the mean target). */
  public double bias() {
    return bias;
  }

  /** The prediction for one row in feature order. */
  public double predict(double[] row) {
    if (row.length != featureNames.size()) {
      throw new IllegalArgumentException(
          "expected " + featureNames.size() + " values, got " + row.length);
    }
    double sum = bias;
    for (Tree tree : trees) {
      int leaf = 0;
      for (int level = 0; level < tree.features.length; level++) {
        int f = tree.features[level];
        float border = (float) borders[f][tree.borderIndexes[level]];
        if ((float) row[f] > border) {
          leaf |= 1 << level;
        }
      }
      sum += tree.leafValues[leaf];
    }
    return sum;
  }

  /** The model in CatBoost's JSON model format. */
  public String toCatBoostJson() {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("model_info");
    ArrayNode floats = root.putObject("features_info").putArray("float_features");
    int[] offsets = new int[borders.length];
    int offset = 0;
    for (int f = 0; f < borders.length; f++) {
      offsets[f] = offset;
      offset += borders[f].length;
      ObjectNode feature = floats.addObject();
      feature.put("feature_index", f);
      feature.put("flat_feature_index", f);
      feature.put("feature_id", featureNames.get(f));
      ArrayNode list = feature.putArray("borders");
      for (double border : borders[f]) {
        list.add(border);
      }
      feature.put("has_nans", false);
      feature.put("nan_value_treatment", "AsIs");
    }
    ArrayNode treeNodes = root.putArray("oblivious_trees");
    for (Tree tree : trees) {
      ObjectNode node = treeNodes.addObject();
      ArrayNode splits = node.putArray("splits");
      for (int level = 0; level < tree.features.length; level++) {
        int f = tree.features[level];
        ObjectNode split = splits.addObject();
        split.put("split_index", offsets[f] + tree.borderIndexes[level]);
        split.put("split_type", "FloatFeature");
        split.put("float_feature_index", f);
        split.put("border", borders[f][tree.borderIndexes[level]]);
      }
      ArrayNode leaves = node.putArray("leaf_values");
      for (double value : tree.leafValues) {
        leaves.add(value);
      }
    }
    ArrayNode scaleAndBias = root.putArray("scale_and_bias");
    scaleAndBias.add(1.0);
    scaleAndBias.addArray().add(bias);
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new CourtsideException("cannot render the model as JSON", e);
    }
  }

  /** Writes the CatBoost JSON model to a file (replacing it). */
  public void writeTo(Path file) {
    try {
      Files.writeString(file, toCatBoostJson());
    } catch (IOException e) {
      throw new CourtsideException("cannot write model to " + file + ": " + e.getMessage(), e);
    }
  }
}
