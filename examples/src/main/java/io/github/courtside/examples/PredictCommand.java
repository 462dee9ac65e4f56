package io.github.courtside.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.courtside.models.catboost.CatBoostPredictor;
import io.github.courtside.models.catboost.CatBoostPredictorSetup;
import io.github.courtside.models.catboost.ModelMetadata;
import io.github.courtside.models.feature.FeatureCategory;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.prediction.ModelLoadException;
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
import java.util.Optional;
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
    description = "Predict points with a CatBoost model (.cbm or JSON) for feature vectors.",
    footer = {
      "%nExamples:",
      "  courtside predict --model catboost_v9.cbm --metadata catboost_v9.metadata.json"
          + " --features vectors.json",
      "  cat vectors.json | courtside predict --model booster.json --features -"
    })
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
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (model.toString().isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--model needs the path of a model file; it was empty");
    }
    List<Map<String, Double>> inputs = readInputs();
    ModelMetadata trained = metadata == null ? ModelMetadata.NONE : ModelMetadata.read(metadata);
    CatBoostPredictorSetup.Builder builder = CatBoostPredictor.builder(model).metadata(trained);
    Optional<FeatureSchema> inputSchema = schemaOf(inputs, trained.imputedFeatures());
    inputSchema.ifPresent(builder::schema);
    CatBoostPredictor built;
    try {
      built = builder.build();
    } catch (ModelLoadException e) {
      if (inputSchema.isEmpty() && String.valueOf(e.getMessage()).contains("no feature schema")) {
        throw new CommandFailure("the input supplies no feature values: nothing to predict");
      }
      if (e.missingFeatures().isEmpty()) {
        throw e;
      }
      throw new CommandFailure(describeUnsupplied(model.toString(), e.missingFeatures(), inputs));
    }
    try (CatBoostPredictor predictor = built) {
      String unsupplied = unsupplied(predictor, inputs);
      if (!unsupplied.isEmpty()) {
        throw new CommandFailure(unsupplied);
      }
      FeatureSchema schema = predictor.schema();
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
        result.put("model_type", prediction.modelType().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode imputed = result.putArray("imputed_features");
        prediction.imputedFeatures().forEach(imputed::add);
        if (prediction.line().isPresent()) {
          result.put("line", prediction.line().getAsDouble());
          result.put("edge", prediction.edge().orElseThrow());
          result.put("recommendation", prediction.recommendation().name());
        }
      }
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
      out.flush();
      return 0;
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
    return describe(predictor.modelId(), names, rows);
  }

  /** Describes model features no input supplies (found when the predictor is built). */
  private static String describeUnsupplied(
      String model, List<String> missing, List<Map<String, Double>> inputs) {
    Set<Integer> rows = new LinkedHashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      rows.add(i);
    }
    return describe(model, missing, rows);
  }

  private static String describe(String model, Iterable<String> names, Set<Integer> rows) {
    return "model "
        + model
        + " needs features the input cannot supply (absent or null, and no training median): "
        + names
        + " in input rows "
        + rows;
  }

  /**
   * The schema of the input: every name some input row supplies, then the features the metadata
   * imputes; the predictor refuses it at build when it lacks a model feature.
   */
  private static Optional<FeatureSchema> schemaOf(
      List<Map<String, Double>> inputs, List<String> imputed) {
    Set<String> names = new LinkedHashSet<>();
    inputs.forEach(row -> names.addAll(row.keySet()));
    names.addAll(imputed);
    if (names.isEmpty()) {
      return Optional.empty();
    }
    FeatureSchema.Builder schema = FeatureSchema.builder("predict-input");
    names.forEach(name -> schema.add(name, FeatureCategory.PLAYER_HISTORY));
    return Optional.of(schema.build());
  }

  private List<Map<String, Double>> readInputs() throws IOException {
    String source = features.equals("-") ? "standard input" : features;
    JsonNode root;
    if (features.equals("-")) {
      root = parse(stdin, source);
    } else {
      Path file = Path.of(features);
      if (Files.isDirectory(file)) {
        throw new CommandFailure("--features " + features + " is a folder, not a JSON file");
      }
      try (InputStream in = Files.newInputStream(file)) {
        root = parse(in, source);
      }
    }
    if (root == null || root.isMissingNode()) {
      throw new CommandFailure(
          "no features in " + source + ": it is empty (expected a JSON array of objects)");
    }
    if (!root.isArray()) {
      throw new CommandFailure(
          "features in " + source + " are not a JSON array of objects: " + root.getNodeType());
    }
    List<Map<String, Double>> inputs = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root) {
      if (!node.isObject()) {
        throw new CommandFailure(
            "features in " + source + ": element " + index + " is not an object");
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
          throw new CommandFailure(
              "features in "
                  + source
                  + ": element "
                  + index
                  + ", feature "
                  + field.getKey()
                  + " is not a number: "
                  + value);
        }
        values.put(field.getKey(), value.asDouble());
      }
      inputs.add(values);
      index++;
    }
    return inputs;
  }

  private static @Nullable JsonNode parse(InputStream in, String source) {
    try {
      return JSON.readTree(in);
    } catch (IOException e) {
      String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : null;
      throw new CommandFailure(
          "features in " + source + " are not valid JSON: " + (reason == null ? e : reason), e);
    }
  }
}
