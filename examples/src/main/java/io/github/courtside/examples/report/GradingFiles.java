package io.github.courtside.examples.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.courtside.models.grading.ActualResult;
import io.github.courtside.models.prediction.FallbackReason;
import io.github.courtside.models.prediction.ModelType;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.Recommendation;
import io.github.courtside.models.quality.QualityTier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The inputs of grading as JSON files: predictions ({@code player_lookup, game_id, game_date,
 * predicted_points, line, recommendation, model_id, model_type, fallback_reason, quality_tier,
 * imputed_features}) and results ({@code player_lookup, game_id, points, minutes, dnp}). The demo
 * writes both; {@code courtside grade} reads them. Reading names the file, element and field at
 * fault.
 *
 * <pre>{@code
 * List<Prediction> predictions = GradingFiles.readPredictions(Path.of("predictions.json"));
 * List<ActualResult> results = GradingFiles.readResults(Path.of("results.json"));
 * GradingResult graded = new Grader().grade(predictions, results);
 * }</pre>
 */
public final class GradingFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GradingFiles() {}

  /** Writes predictions as a JSON array. */
  public static void writePredictions(Path file, List<Prediction> predictions) {
    ArrayNode array = JSON.createArrayNode();
    for (Prediction p : predictions) {
      ObjectNode node = array.addObject();
      node.put("player_lookup", p.playerLookup());
      node.put("game_id", p.gameId());
      node.put("game_date", p.gameDate().toString());
      node.put("predicted_points", GradedRow.round(p.predictedPoints()));
      if (p.line().isPresent()) {
        node.put("line", p.line().getAsDouble());
      } else {
        node.putNull("line");
      }
      node.put("recommendation", p.recommendation().name());
      node.put("confidence", GradedRow.round(p.confidence()));
      node.put("model_id", p.modelId());
      node.put("model_version", p.modelVersion());
      node.put("model_type", p.modelType().name().toLowerCase(Locale.ROOT));
      node.put("fallback_reason", p.fallbackReason().map(Enum::name).orElse(null));
      node.put("quality_tier", p.qualityTier().map(Enum::name).orElse(null));
      ArrayNode imputed = node.putArray("imputed_features");
      p.imputedFeatures().forEach(imputed::add);
    }
    write(file, array);
  }

  /** Writes results as a JSON array. */
  public static void writeResults(Path file, List<ActualResult> results) {
    ArrayNode array = JSON.createArrayNode();
    for (ActualResult r : results) {
      ObjectNode node = array.addObject();
      node.put("player_lookup", r.playerLookup());
      node.put("game_id", r.gameId());
      if (r.points().isPresent()) {
        node.put("points", r.points().getAsDouble());
      } else {
        node.putNull("points");
      }
      if (r.minutes().isPresent()) {
        node.put("minutes", GradedRow.round(r.minutes().getAsDouble()));
      } else {
        node.putNull("minutes");
      }
      node.put("dnp", r.dnp());
    }
    write(file, array);
  }

  /**
   * Reads predictions. {@code player_lookup}, {@code game_id}, {@code game_date} and {@code
   * predicted_points} are required; without a {@code recommendation}, a line gives OVER or UNDER by
   * the sign of the edge (PASS within one point) and no line gives PASS.
   *
   * @throws IllegalArgumentException naming the file, element and field when the content is wrong
   */
  public static List<Prediction> readPredictions(Path file) {
    List<Prediction> predictions = new ArrayList<>();
    int index = 0;
    for (JsonNode node : array(file, "predictions")) {
      String where = file + ": prediction " + index++;
      requireObject(where, node);
      OptionalDouble line = number(where, node, "line", false);
      if (line.isPresent() && !(line.getAsDouble() > 0)) {
        throw new IllegalArgumentException(where + ": line must be positive, was " + line);
      }
      double predicted = number(where, node, "predicted_points", true).orElseThrow();
      OptionalDouble edge =
          line.isPresent()
              ? OptionalDouble.of(predicted - line.getAsDouble())
              : OptionalDouble.empty();
      Recommendation recommendation = recommendation(where, node, edge);
      Optional<FallbackReason> reason =
          enumValue(where, node, "fallback_reason", FallbackReason.class);
      ModelType type =
          enumValue(where, node, "model_type", ModelType.class)
              .orElse(
                  reason.isPresent() ? ModelType.WEIGHTED_AVERAGE_FALLBACK : ModelType.CATBOOST);
      List<String> imputed = new ArrayList<>();
      node.path("imputed_features").forEach(name -> imputed.add(name.asText()));
      Optional<QualityTier> tier = enumValue(where, node, "quality_tier", QualityTier.class);
      double confidence = number(where, node, "confidence", false).orElse(0.5);
      try {
        predictions.add(
            Prediction.builder()
                .playerLookup(text(where, node, "player_lookup"))
                .gameId(text(where, node, "game_id"))
                .gameDate(date(where, node))
                .predictedPoints(predicted)
                .line(line)
                .edge(edge)
                .recommendation(recommendation)
                .confidence(confidence)
                .modelId(optionalText(node, "model_id", "unknown"))
                .modelVersion(optionalText(node, "model_version", "unknown"))
                .modelType(type)
                .fallbackReason(reason)
                .imputedFeatures(imputed)
                .qualityTier(tier)
                .createdAt(Instant.EPOCH)
                .build());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return predictions;
  }

  /** Reads results; {@code player_lookup} and {@code game_id} are required. */
  public static List<ActualResult> readResults(Path file) {
    List<ActualResult> results = new ArrayList<>();
    int index = 0;
    for (JsonNode node : array(file, "results")) {
      String where = file + ": result " + index++;
      requireObject(where, node);
      JsonNode dnp = node.path("dnp");
      if (!dnp.isMissingNode() && !dnp.isNull() && !dnp.isBoolean()) {
        throw new IllegalArgumentException(where + ": dnp is not true or false: " + dnp);
      }
      results.add(
          new ActualResult(
              text(where, node, "player_lookup"),
              text(where, node, "game_id"),
              number(where, node, "points", false),
              number(where, node, "minutes", false),
              dnp.asBoolean(false)));
    }
    return results;
  }

  private static Iterable<JsonNode> array(Path file, String what) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          what + " in " + file + " are not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || root.isMissingNode()) {
      throw new IllegalArgumentException(
          "no " + what + " in " + file + ": it is empty (expected a JSON array of objects)");
    }
    if (!root.isArray()) {
      throw new IllegalArgumentException(
          what + " in " + file + " are not a JSON array of objects: " + root.getNodeType());
    }
    if (root.isEmpty()) {
      throw new IllegalArgumentException("no " + what + " in " + file + ": the array is empty");
    }
    return root;
  }

  private static void requireObject(String where, JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + " is not an object");
    }
  }

  private static String text(String where, JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(where + ": " + field + " is missing or not a string");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode node, String field, String fallback) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : fallback;
  }

  private static LocalDate date(String where, JsonNode node) {
    String value = text(where, node, "game_date");
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + ": game_date '" + value + "' is not a date", e);
    }
  }

  private static OptionalDouble number(
      String where, JsonNode node, String field, boolean required) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      if (required) {
        throw new IllegalArgumentException(where + ": " + field + " is missing");
      }
      return OptionalDouble.empty();
    }
    if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
      throw new IllegalArgumentException(where + ": " + field + " is not a number: " + value);
    }
    return OptionalDouble.of(value.asDouble());
  }

  private static Recommendation recommendation(String where, JsonNode node, OptionalDouble edge) {
    JsonNode value = node.path("recommendation");
    if (value.isMissingNode() || value.isNull()) {
      if (edge.isEmpty()) {
        return Recommendation.PASS;
      }
      return Recommendation.of(edge.getAsDouble(), 1.0);
    }
    try {
      return Recommendation.valueOf(value.asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          where + ": recommendation '" + value.asText() + "' is not OVER, UNDER or PASS", e);
    }
  }

  private static <E extends Enum<E>> Optional<E> enumValue(
      String where, JsonNode node, String field, Class<E> type) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, value.asText().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          where
              + ": "
              + field
              + " '"
              + value.asText()
              + "' is not one of "
              + List.of(type.getEnumConstants()),
          e);
    }
  }

  private static void write(Path file, ArrayNode array) {
    try {
      Files.writeString(
          file,
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
