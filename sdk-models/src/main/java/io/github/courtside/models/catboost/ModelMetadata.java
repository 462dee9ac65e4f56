package io.github.courtside.models.catboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.courtside.models.prediction.ModelLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The training metadata saved beside a model ({@code *_metadata.json}, spec-ml §3): the model name,
 * the feature list, and the per-feature training medians that missing values are imputed with when
 * the model was trained on median-imputed data (feeding NaN to such a model moved predictions by up
 * to 3.6 points, spec §6 #32).
 *
 * <pre>{@code
 * ModelMetadata metadata = ModelMetadata.read(Path.of("catboost_v9_exp_A1.metadata.json"));
 * double fatigueMedian = metadata.median("fatigue_score").orElseThrow(); // 95.0
 * }</pre>
 *
 * @param modelName the {@code model_name} field, "" when absent
 * @param features the {@code features} list, empty when absent
 * @param featureMedians the {@code feature_medians} map, empty when absent
 * @param imputedFeatures the features whose missing values training filled with the median: the
 *     {@code imputed_features} list, or, when the file has none, every feature with a median (the
 *     walk-forward trainer of spec-ml §3 filled every NaN with the saved medians). Only these are
 *     imputed at prediction time; each must have a median (checked at load).
 */
public record ModelMetadata(
    String modelName,
    List<String> features,
    Map<String, Double> featureMedians,
    List<String> imputedFeatures) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** No metadata: no medians, nothing imputed. */
  public static final ModelMetadata NONE = new ModelMetadata("", List.of(), Map.of(), List.of());

  public ModelMetadata {
    features = List.copyOf(features);
    featureMedians = Collections.unmodifiableMap(new LinkedHashMap<>(featureMedians));
    imputedFeatures = List.copyOf(imputedFeatures);
  }

  /** Metadata whose imputed features are every feature with a median (in the map's order). */
  public ModelMetadata(
      String modelName, List<String> features, Map<String, Double> featureMedians) {
    this(modelName, features, featureMedians, List.copyOf(featureMedians.keySet()));
  }

  /** The imputed features that have no finite median, in {@link #imputedFeatures()} order. */
  public List<String> imputedWithoutMedian() {
    List<String> uncovered = new ArrayList<>(0);
    for (String name : imputedFeatures) {
      Double median = featureMedians.get(name);
      if (median == null || !Double.isFinite(median)) {
        uncovered.add(name);
      }
    }
    return uncovered;
  }

  /** Reads a metadata file. */
  public static ModelMetadata read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new ModelLoadException(file.toString(), "cannot read metadata: " + e.getMessage(), e);
    }
  }

  /** Reads metadata JSON from a stream; {@code location} names it in errors. */
  public static ModelMetadata read(InputStream in, String location) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new ModelLoadException(location, "metadata is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ModelLoadException(location, "metadata must be a JSON object");
    }
    List<String> features = new ArrayList<>();
    for (JsonNode name : root.path("features")) {
      features.add(name.asText());
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    JsonNode node = root.path("feature_medians");
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isNumber()) {
        throw new ModelLoadException(
            location, "median of " + field.getKey() + " is not a number: " + field.getValue());
      }
      medians.put(field.getKey(), field.getValue().asDouble());
    }
    String name = root.path("model_name").asText("");
    JsonNode imputed = root.path("imputed_features");
    if (imputed.isMissingNode() || imputed.isNull()) {
      return new ModelMetadata(name, features, medians);
    }
    if (!imputed.isArray()) {
      throw new ModelLoadException(location, "imputed_features must be a list of feature names");
    }
    List<String> imputedNames = new ArrayList<>();
    for (JsonNode feature : imputed) {
      imputedNames.add(feature.asText());
    }
    return new ModelMetadata(name, features, medians, imputedNames);
  }

  /** The training median of a feature, if recorded. */
  public Optional<Double> median(String feature) {
    return Optional.ofNullable(featureMedians.get(feature));
  }
}
