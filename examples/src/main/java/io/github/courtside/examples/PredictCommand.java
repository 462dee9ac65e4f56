package io.github.courtside.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.courtside.core.CourtsideException;
import io.github.courtside.models.catboost.CatBoostPredictor;
import io.github.courtside.models.feature.FeatureCategory;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.PredictionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code courtside predict}: runs a CatBoost model (.cbm or CatBoost JSON) over feature objects and
 * prints one JSON result per input, in order.
 *
 * <p>Input: a JSON array of objects mapping feature name to number; null or absent means missing
 * and is imputed from the metadata's training medians when it has one. Names the model does not use
 * are ignored. A model feature that is missing in some input and has no median is an error naming
 * the features and input rows (exit code 1), as is a model that cannot be loaded.
 *
 * <pre>{@code
 * bin/courtside predict --model catboost_v9_exp_A1.cbm \
 *     --metadata catboost_v9_exp_A1.metadata.json --features vectors.json
 * cat vectors.json | bin/courtside predict --model booster.json --features -
 * }</pre>
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Predict points with a CatBoost model (.cbm or JSON) for feature vectors.")
public final class PredictCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, description = "Model file: .cbm or CatBoost .json.")
  Path model;

  @Option(names = "--metadata", description = "Training metadata JSON with feature_medians.")
  @Nullable Path metadata;

  @Option(
      names = "--features",
      required = true,
      description = "JSON array of feature objects, or - for standard input.")
  String features;

  /** Standard input, replaceable in tests. */
  InputStream stdin = System.in;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Map<String, Double>> inputs;
    try {
      inputs = readInputs();
    } catch (IOException | IllegalArgumentException e) {
      err.println("predict: cannot read features from " + features + ": " + e.getMessage());
      return 1;
    }
    CatBoostPredictor.Builder builder = CatBoostPredictor.builder(model);
    try {
      if (metadata != null) {
        builder.metadata(metadata);
      }
      try (CatBoostPredictor predictor = builder.build()) {
        String unsupplied = unsupplied(predictor, inputs);
        if (!unsupplied.isEmpty()) {
          err.println("predict: " + unsupplied);
          return 1;
        }
        FeatureSchema schema = schemaOf(predictor.featureNames());
        List<PredictionRequest> requests = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
          Map<String, Double> known = new LinkedHashMap<>(inputs.get(i));
          known.keySet().retainAll(schema.names());
          FeatureVector vector = FeatureVector.of(schema, known, FeatureSource.PHASE4);
          requests.add(PredictionRequest.of("row-" + i, "row-" + i, LocalDate.EPOCH, vector));
        }
        ArrayNode results = JSON.createArrayNode();
        for (Prediction prediction : predictor.predictAll(requests)) {
          ObjectNode result = results.addObject();
          result.put("predicted_points", prediction.predictedPoints());
          result.put("model_id", prediction.modelId());
          result.put("model_version", prediction.modelVersion());
          result.put(
              "model_type", prediction.modelType().name().toLowerCase(java.util.Locale.ROOT));
          ArrayNode imputed = result.putArray("imputed_features");
          prediction.imputedFeatures().forEach(imputed::add);
          if (prediction.line().isPresent()) {
            result.put("line", prediction.line().getAsDouble());
            result.put("edge", prediction.edge().orElseThrow());
            result.put("recommendation", prediction.recommendation().name());
          }
        }
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        return 0;
      }
    } catch (CourtsideException e) {
      err.println("predict: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("predict: cannot write results: " + e.getMessage());
      return 1;
    }
  }

  /** Describes the model features some input cannot supply, or "" when all can be supplied. */
  static String unsupplied(CatBoostPredictor predictor, List<Map<String, Double>> inputs) {
    Set<String> imputable = new LinkedHashSet<>(predictor.imputableFeatures());
    Set<String> names = new LinkedHashSet<>();
    Set<Integer> rows = new LinkedHashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      for (String name : predictor.featureNames()) {
        if (!inputs.get(i).containsKey(name) && !imputable.contains(name)) {
          names.add(name);
          rows.add(i);
        }
      }
    }
    if (names.isEmpty()) {
      return "";
    }
    return "model "
        + predictor.modelId()
        + " needs features the input cannot supply (absent or null, and no training median): "
        + names
        + " in input rows "
        + rows;
  }

  private static FeatureSchema schemaOf(List<String> names) {
    FeatureSchema.Builder schema = FeatureSchema.builder("predict-input");
    names.forEach(name -> schema.add(name, FeatureCategory.PLAYER_HISTORY));
    return schema.build();
  }

  private List<Map<String, Double>> readInputs() throws IOException {
    JsonNode root;
    if (features.equals("-")) {
      root = JSON.readTree(stdin);
    } else {
      root = JSON.readTree(Files.newBufferedReader(Path.of(features)));
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("expected a JSON array of objects");
    }
    List<Map<String, Double>> inputs = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root) {
      if (!node.isObject()) {
        throw new IllegalArgumentException("element " + index + " is not an object");
      }
      Map<String, Double> values = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        if (value.isNull()) {
          continue;
        }
        if (!value.isNumber()) {
          throw new IllegalArgumentException(
              "element " + index + ", feature " + field.getKey() + " is not a number: " + value);
        }
        values.put(field.getKey(), value.asDouble());
      }
      inputs.add(values);
      index++;
    }
    return inputs;
  }
}
