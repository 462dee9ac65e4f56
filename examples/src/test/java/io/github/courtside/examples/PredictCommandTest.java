package io.github.courtside.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.courtside.core.testkit.Fixtures;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.testkit.models.BoosterConfig;
import io.github.courtside.testkit.models.ObliviousTreeBooster;
import io.github.courtside.testkit.models.TrainingSet;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PredictCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double[] ROLE = {
    12, 11.5, 11, 5, 3, 95, 0, 0, 0, 1, 0, 0, 0, 112, 100, 1, 0, 0, 0.35, 0.15, 0.38, 0.15, 100,
    112, 0.5, 11.5, 11.5, 0, 1, 11, 3, 26, 0.42
  };
  private static final double[] STAR = {
    28, 27, 26.5, 7, 3, 95, 2, 1, 0, 2, 0, 1, 0, 116, 102, 0, 0, 0, 0.45, 0.12, 0.30, 0.22, 101,
    118, 0.6, 27.5, 26.5, 1, 1, 29, 6, 36, 0.75
  };

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CourtsideCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private static String object(double[] values, int... nulls) {
    StringBuilder json = new StringBuilder("{\"player\": 7");
    List<Integer> nullList = new ArrayList<>();
    for (int n : nulls) {
      nullList.add(n);
    }
    for (int i = 0; i < values.length; i++) {
      json.append(", \"").append(FeatureSchema.V9_33.feature(i).name()).append("\": ");
      json.append(nullList.contains(i) ? "null" : Double.toString(values[i]));
    }
    return json.append('}').toString();
  }

  @Test
  void predictsTheGoldenValuesInInputOrderWithImputation() throws Exception {
    Path input =
        Files.writeString(
            dir.resolve("vectors.json"),
            "[" + object(ROLE) + ", " + object(STAR) + ", " + object(ROLE, 25, 26, 27) + "]");
    int code =
        run(
            "predict",
            "--model",
            Fixtures.require("models/catboost_v9_exp_A1.cbm").toString(),
            "--metadata",
            Fixtures.require("models/catboost_v9_exp_A1.metadata.json").toString(),
            "--features",
            input.toString());
    assertEquals(0, code, err.toString());
    JsonNode results = JSON.readTree(out.toString());
    assertEquals(3, results.size());
    assertEquals(11.650167, results.get(0).get("predicted_points").asDouble(), 1e-4);
    assertEquals(30.017073, results.get(1).get("predicted_points").asDouble(), 1e-4);
    assertEquals("catboost_v9_exp_A1_20260129_210936", results.get(0).get("model_id").asText());
    assertEquals("catboost", results.get(0).get("model_type").asText());
    assertEquals(0, results.get(0).get("imputed_features").size());
    assertEquals(
        "[\"vegas_points_line\",\"vegas_opening_line\",\"vegas_line_move\"]",
        results.get(2).get("imputed_features").toString());
    assertEquals("OVER", results.get(1).get("recommendation").asText());
  }

  @Test
  void featuresTheInputCannotSupplyAreAnErrorNamingThem() throws Exception {
    Path input = Files.writeString(dir.resolve("vectors.json"), "[" + object(ROLE, 25, 31) + "]");
    int code =
        run(
            "predict",
            "--model",
            Fixtures.require("models/catboost_v9_exp_A1.cbm").toString(),
            "--features",
            input.toString());
    assertEquals(1, code);
    assertTrue(err.toString().contains("[vegas_points_line, minutes_avg_last_10]"), err.toString());
    assertTrue(err.toString().contains("input rows [0]"), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void readsJsonModelsAndStandardInput() throws Exception {
    double[][] rows = {{1, 2}, {2, 1}, {3, 5}, {4, 4}, {5, 0}};
    double[] y = {3, 3, 8, 8, 5};
    Path modelFile = dir.resolve("booster.json");
    new ObliviousTreeBooster(BoosterConfig.builder().trees(5).depth(2).build())
        .train(new TrainingSet(List.of("a", "b"), rows, y))
        .writeTo(modelFile);
    PredictCommand command = new PredictCommand();
    command.stdin =
        new ByteArrayInputStream(
            "[{\"a\": 1, \"b\": 2}, {\"a\": 3, \"b\": 5}]".getBytes(StandardCharsets.UTF_8));
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute("--model", modelFile.toString(), "--features", "-");
    assertEquals(0, code, err.toString());
    JsonNode results = JSON.readTree(out.toString());
    assertEquals(2, results.size());
    assertEquals("booster", results.get(0).get("model_id").asText());
    assertTrue(
        results.get(1).get("predicted_points").asDouble()
            > results.get(0).get("predicted_points").asDouble());
  }

  @Test
  void aMissingModelFileFailsLoudly() throws Exception {
    Path input = Files.writeString(dir.resolve("vectors.json"), "[]");
    assertEquals(
        1,
        run(
            "predict",
            "--model",
            dir.resolve("absent.cbm").toString(),
            "--features",
            input.toString()));
    assertTrue(err.toString().contains("cannot load model"), err.toString());
  }
}
