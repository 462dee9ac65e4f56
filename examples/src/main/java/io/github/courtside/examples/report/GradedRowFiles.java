package io.github.courtside.examples.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.courtside.models.grading.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Graded rows and step timings as files: {@code graded.csv} and {@code graded.json} hold the same
 * rows in the same order, {@code consolidation.json} the timings. Reading checks every field and
 * names the file, row and field at fault.
 *
 * <pre>{@code
 * GradedRowFiles.writeJson(folder.resolve("graded.json"), rows);
 * List<GradedRow> again = GradedRowFiles.readJson(folder.resolve("graded.json"));
 * }</pre>
 */
public final class GradedRowFiles {
  /** The CSV header, also the JSON field names. */
  public static final List<String> COLUMNS =
      List.of(
          "game_date",
          "game_id",
          "player_lookup",
          "model_id",
          "model_type",
          "fallback_reason",
          "quality_tier",
          "imputed_features",
          "predicted_points",
          "line",
          "edge",
          "recommendation",
          "actual_points",
          "outcome");

  private static final ObjectMapper JSON = new ObjectMapper();

  private GradedRowFiles() {}

  /** Writes the rows as CSV with a header; absent numbers are empty cells. */
  public static void writeCsv(Path file, List<GradedRow> rows) {
    StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (GradedRow row : rows) {
      csv.append(row.gameDate())
          .append(',')
          .append(row.gameId())
          .append(',')
          .append(row.playerLookup())
          .append(',')
          .append(row.modelId())
          .append(',')
          .append(row.modelType())
          .append(',')
          .append(row.fallbackReason())
          .append(',')
          .append(row.qualityTier())
          .append(',')
          .append(row.imputedFeatures())
          .append(',')
          .append(number(row.predictedPoints()))
          .append(',')
          .append(optional(row.line()))
          .append(',')
          .append(optional(row.edge()))
          .append(',')
          .append(row.recommendation())
          .append(',')
          .append(optional(row.actualPoints()))
          .append(',')
          .append(row.outcome().name())
          .append('\n');
    }
    write(file, csv.toString());
  }

  /** Writes the rows as a JSON array of objects; absent numbers are null. */
  public static void writeJson(Path file, List<GradedRow> rows) {
    ArrayNode array = JSON.createArrayNode();
    for (GradedRow row : rows) {
      ObjectNode node = array.addObject();
      node.put("game_date", row.gameDate().toString());
      node.put("game_id", row.gameId());
      node.put("player_lookup", row.playerLookup());
      node.put("model_id", row.modelId());
      node.put("model_type", row.modelType());
      node.put("fallback_reason", row.fallbackReason());
      node.put("quality_tier", row.qualityTier());
      node.put("imputed_features", row.imputedFeatures());
      node.put("predicted_points", round(row.predictedPoints()));
      putOptional(node, "line", row.line());
      putOptional(node, "edge", row.edge());
      node.put("recommendation", row.recommendation());
      putOptional(node, "actual_points", row.actualPoints());
      node.put("outcome", row.outcome().name());
    }
    try {
      write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot render " + file, e);
    }
  }

  /** Writes the step timings as a JSON array. */
  public static void writeTimings(Path file, List<StepTiming> timings) {
    ArrayNode array = JSON.createArrayNode();
    for (StepTiming timing : timings) {
      array
          .addObject()
          .put("game_date", timing.gameDate().toString())
          .put("step", timing.step())
          .put("millis", timing.millis());
    }
    try {
      write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot render " + file, e);
    }
  }

  /**
   * Reads graded rows from a JSON array ({@code .json}) or a CSV with the header of {@link
   * #COLUMNS} (any other name).
   *
   * @throws IllegalArgumentException naming the file, row and field when the content is wrong
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<GradedRow> read(Path file) {
    return file.getFileName() != null
            && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
        ? readJson(file)
        : readCsv(file);
  }

  /** Reads graded rows from a JSON array of objects with the fields of {@link #COLUMNS}. */
  public static List<GradedRow> readJson(Path file) {
    JsonNode root = tree(file);
    if (!root.isArray()) {
      throw new IllegalArgumentException(
          file + " is not a JSON array of graded rows: " + root.getNodeType());
    }
    List<GradedRow> rows = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root) {
      String where = file + ": row " + index;
      if (!node.isObject()) {
        throw new IllegalArgumentException(where + " is not an object");
      }
      List<String> cells = new ArrayList<>();
      for (String column : COLUMNS) {
        JsonNode value = node.get(column);
        if (value == null) {
          throw new IllegalArgumentException(where + " has no field " + column);
        }
        cells.add(value.isNull() ? "" : value.asText());
      }
      rows.add(row(where, cells));
      index++;
    }
    return rows;
  }

  /** Reads graded rows from a CSV whose header is {@link #COLUMNS}. */
  public static List<GradedRow> readCsv(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      throw new IllegalArgumentException(file + " is empty: expected a CSV of graded rows");
    }
    String header = lines.get(0).strip();
    if (!header.equals(String.join(",", COLUMNS))) {
      throw new IllegalArgumentException(
          file + ": the header is not that of graded rows; expected " + String.join(",", COLUMNS));
    }
    List<GradedRow> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String where = file + ": line " + (i + 1);
      String[] cells = lines.get(i).split(",", -1);
      if (cells.length != COLUMNS.size()) {
        throw new IllegalArgumentException(
            where + " has " + cells.length + " cells, expected " + COLUMNS.size());
      }
      rows.add(row(where, List.of(cells)));
    }
    return rows;
  }

  /** Reads step timings written by {@link #writeTimings}. */
  public static List<StepTiming> readTimings(Path file) {
    JsonNode root = tree(file);
    if (!root.isArray()) {
      throw new IllegalArgumentException(file + " is not a JSON array of step timings");
    }
    List<StepTiming> timings = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root) {
      String where = file + ": timing " + index++;
      JsonNode millis = node.path("millis");
      if (!millis.canConvertToLong()) {
        throw new IllegalArgumentException(where + ": millis is not a whole number");
      }
      timings.add(
          new StepTiming(
              date(where, node.path("game_date").asText()),
              text(where, "step", node.path("step").asText()),
              millis.asLong()));
    }
    return timings;
  }

  private static JsonNode tree(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      JsonNode root = JSON.readTree(bytes);
      if (root == null || root.isMissingNode()) {
        throw new IllegalArgumentException(file + " is empty: expected a JSON array");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GradedRow row(String where, List<String> cells) {
    return new GradedRow(
        date(where, cells.get(0)),
        text(where, "game_id", cells.get(1)),
        text(where, "player_lookup", cells.get(2)),
        text(where, "model_id", cells.get(3)),
        text(where, "model_type", cells.get(4)),
        cells.get(5),
        cells.get(6),
        (int) required(where, "imputed_features", cells.get(7)),
        required(where, "predicted_points", cells.get(8)),
        optional(where, "line", cells.get(9)),
        optional(where, "edge", cells.get(10)),
        text(where, "recommendation", cells.get(11)),
        optional(where, "actual_points", cells.get(12)),
        outcome(where, cells.get(13)));
  }

  private static LocalDate date(String where, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(where + ": game_date '" + value + "' is not a date", e);
    }
  }

  private static String text(String where, String field, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(where + ": " + field + " is empty");
    }
    return value;
  }

  private static double required(String where, String field, String value) {
    OptionalDouble number = optional(where, field, value);
    if (number.isEmpty()) {
      throw new IllegalArgumentException(where + ": " + field + " is empty");
    }
    return number.getAsDouble();
  }

  private static OptionalDouble optional(String where, String field, String value) {
    if (value.isBlank()) {
      return OptionalDouble.empty();
    }
    try {
      double number = Double.parseDouble(value);
      if (!Double.isFinite(number)) {
        throw new NumberFormatException("not finite");
      }
      return OptionalDouble.of(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where + ": " + field + " '" + value + "' is not a number", e);
    }
  }

  private static Outcome outcome(String where, String value) {
    try {
      return Outcome.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          where
              + ": outcome '"
              + value
              + "' is not one of WIN, LOSS,"
              + " PUSH, VOID, PASS, NO_LINE",
          e);
    }
  }

  private static void putOptional(ObjectNode node, String field, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(field, round(value.getAsDouble()));
    } else {
      node.putNull(field);
    }
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private static String number(double value) {
    return Double.toString(round(value));
  }

  private static String optional(OptionalDouble value) {
    return value.isPresent() ? number(value.getAsDouble()) : "";
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
