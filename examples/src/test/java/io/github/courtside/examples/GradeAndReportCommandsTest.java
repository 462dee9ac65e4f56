package io.github.courtside.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.examples.report.GradedRow;
import io.github.courtside.examples.report.GradedRowFiles;
import io.github.courtside.models.grading.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code courtside grade} and {@code courtside report}: their work and their one-line errors. */
class GradeAndReportCommandsTest {
  private static final String PREDICTIONS =
      """
      [
        {"player_lookup": "a", "game_id": "20240301_AAA_BBB", "game_date": "2024-03-01",
         "predicted_points": 24.0, "line": 20.5, "recommendation": "OVER", "model_id": "m",
         "quality_tier": "GOLD"},
        {"player_lookup": "b", "game_id": "20240301_AAA_BBB", "game_date": "2024-03-01",
         "predicted_points": 10.0, "line": 14.5, "recommendation": "UNDER", "model_id": "m",
         "quality_tier": "SILVER"},
        {"player_lookup": "c", "game_id": "20240301_AAA_BBB", "game_date": "2024-03-01",
         "predicted_points": 12.0, "line": 12.5, "recommendation": "PASS", "model_id": "m",
         "model_type": "weighted_average_fallback", "fallback_reason": "QUALITY_GATE_BLOCKED",
         "quality_tier": "POOR"},
        {"player_lookup": "d", "game_id": "20240302_BBB_AAA", "game_date": "2024-03-02",
         "predicted_points": 18.0, "line": 16.5, "model_id": "m"}
      ]
      """;
  private static final String RESULTS =
      """
      [
        {"player_lookup": "a", "game_id": "20240301_AAA_BBB", "points": 27, "minutes": 34},
        {"player_lookup": "b", "game_id": "20240301_AAA_BBB", "points": 17, "minutes": 22},
        {"player_lookup": "c", "game_id": "20240301_AAA_BBB", "points": 9, "minutes": 20},
        {"player_lookup": "d", "game_id": "20240302_BBB_AAA", "dnp": true}
      ]
      """;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CourtsideCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** {@code grade --predictions P --results R --out O}; paths or strings. */
  private static List<String> gradeArgs(Object predictions, Object results, Object graded) {
    return List.of(
        "grade",
        "--predictions",
        predictions.toString(),
        "--results",
        results.toString(),
        "--out",
        graded.toString());
  }

  private int grade(Object predictions, Object results, Object graded) {
    return run(gradeArgs(predictions, results, graded).toArray(String[]::new));
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private void fails(int exitCode, List<String> args, String... fragments) {
    err.getBuffer().setLength(0);
    int code = run(args.toArray(String[]::new));
    String errors = err.toString();
    assertEquals(exitCode, code, "exit code of " + args + "; stderr: " + errors);
    List<String> lines = errors.lines().toList();
    assertEquals(1, lines.size(), "one line on stderr for " + args + ", was:\n" + errors);
    assertFalse(lines.get(0).contains("Exception"), lines.get(0));
    for (String fragment : fragments) {
      assertTrue(lines.get(0).contains(fragment), "'" + fragment + "' in: " + lines.get(0));
    }
  }

  @Test
  void gradeWritesOneRowPerPredictionWithItsOutcomeAndPrintsTheSummary() throws Exception {
    Path predictions = file("predictions.json", PREDICTIONS);
    Path results = file("results.json", RESULTS);
    Path graded = dir.resolve("out").resolve("graded.csv");

    int code = grade(predictions, results, graded);

    assertEquals(0, code, err.toString());
    List<GradedRow> rows = GradedRowFiles.read(graded);
    assertEquals(
        List.of(Outcome.WIN, Outcome.LOSS, Outcome.PASS, Outcome.VOID),
        rows.stream().map(GradedRow::outcome).toList());
    assertTrue(rows.get(2).isBlocked(), "the fallback's reason is kept");
    assertEquals("OVER", rows.get(3).recommendation(), "a missing pick follows the edge");
    String printed = out.toString();
    assertTrue(printed.contains("graded 4 of 4 predictions"), printed);
    assertTrue(printed.contains("1 wins, 1 losses, 0 pushes, 1 voids, 1 passes"), printed);
    assertTrue(printed.contains("hit rate 50.00%"), printed);
    assertTrue(printed.contains("fallbacks 1"), printed);
  }

  @Test
  void reportTurnsGradedRowsIntoAPageWhoseImagesAndLinksAllWork() throws Exception {
    Path predictions = file("predictions.json", PREDICTIONS);
    Path results = file("results.json", RESULTS);
    Path graded = dir.resolve("graded.json");
    assertEquals(0, grade(predictions, results, graded), err.toString());

    Path folder = dir.resolve("report");
    int code = run("report", "--graded", graded.toString(), "--out", folder.toString());

    assertEquals(0, code, err.toString());
    Path index = folder.resolve("index.html");
    assertTrue(out.toString().contains(index.toString()), out.toString());
    Document page = Jsoup.parse(index.toFile(), "UTF-8");
    assertFalse(page.select("img").isEmpty());
    for (Element image : page.select("img")) {
      assertNotNull(ImageIO.read(folder.resolve(image.attr("src")).toFile()), image.attr("src"));
    }
    for (Element link : page.select("a[href]")) {
      assertTrue(Files.isRegularFile(folder.resolve(link.attr("href"))), link.attr("href"));
    }
    assertEquals(GradedRowFiles.read(graded), GradedRowFiles.read(folder.resolve("graded.csv")));
  }

  @Test
  void missingEmptyAndMalformedInputsAreOneLineErrorsNamingTheFile() throws Exception {
    Path results = file("results.json", RESULTS);
    Path predictions = file("predictions.json", PREDICTIONS);
    String missing = dir.resolve("missing.json").toString();
    String graded = dir.resolve("graded.csv").toString();
    fails(1, gradeArgs(missing, results, graded), "courtside: grade: ", missing);
    Path empty = file("empty.json", "");
    fails(1, gradeArgs(empty, results, graded), empty.toString(), "empty");
    Path noRows = file("none.json", "[]");
    fails(1, gradeArgs(predictions, noRows, graded), noRows.toString(), "empty");
    Path text = file("text.json", "player,points\n");
    fails(1, gradeArgs(text, results, graded), text.toString(), "not valid JSON");
    Path bad = file("bad.json", "[{\"player_lookup\": \"a\", \"game_id\": \"g\"}]");
    fails(1, gradeArgs(bad, results, graded), bad.toString(), "prediction 0", "predicted_points");
    Path headerOnly = file("header.csv", String.join(",", GradedRowFiles.COLUMNS) + "\n");
    fails(
        1,
        List.of("report", "--graded", headerOnly.toString(), "--out", dir.resolve("r").toString()),
        "courtside: report: ",
        "no graded rows");
    fails(1, List.of("report", "--graded", missing, "--out", dir.resolve("r").toString()), missing);
  }

  @Test
  void badOptionsAndUnwritableFoldersAreOneLineErrors() throws Exception {
    Path predictions = file("predictions.json", PREDICTIONS);
    Path results = file("results.json", RESULTS);
    fails(2, List.of("grade", "--predictions", predictions.toString()), "--results", "--out");
    fails(
        2,
        List.of("report", "--graded", "g.csv", "--out", "r", "--bogus"),
        "courtside: report: ",
        "--bogus");
    Path plain = file("plain.txt", "x");
    fails(
        1, gradeArgs(predictions, results, plain.resolve("below").resolve("graded.csv")), "--out");
    Path graded = dir.resolve("graded.csv");
    assertEquals(0, grade(predictions, results, graded));
    fails(
        2,
        List.of("report", "--graded", graded.toString(), "--out", plain.toString()),
        "--out",
        "not a folder");
    fails(
        1,
        List.of("report", "--graded", graded.toString(), "--out", plain.resolve("r").toString()),
        "--out",
        plain.resolve("r").toString());
    fails(2, gradeArgs(predictions, results, dir), "--out", "is a folder");
  }
}
