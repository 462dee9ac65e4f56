package io.github.courtside.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.models.grading.Outcome;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder as a person opens it: every image loads, every link resolves. */
class ReportFolderTest {

  static List<GradedRow> rows(long seed, int days, int perDay) {
    Random random = new Random(seed);
    List<GradedRow> rows = new ArrayList<>();
    String[] tiers = {"GOLD", "SILVER", "BRONZE", "POOR", ""};
    for (int d = 0; d < days; d++) {
      LocalDate date = LocalDate.of(2024, 3, 1).plusDays(d);
      for (int i = 0; i < perDay; i++) {
        double predicted = 5 + random.nextDouble() * 25;
        double line = Math.floor(predicted + random.nextGaussian() * 2) + 0.5;
        double edge = predicted - line;
        String pick = Math.abs(edge) < 1 ? "PASS" : edge > 0 ? "OVER" : "UNDER";
        boolean dnp = random.nextInt(30) == 0;
        double actual = Math.max(0, Math.round(predicted + random.nextGaussian() * 5));
        Outcome outcome;
        if (dnp) {
          outcome = Outcome.VOID;
        } else if (pick.equals("PASS")) {
          outcome = Outcome.PASS;
        } else {
          outcome = (actual > line) == pick.equals("OVER") ? Outcome.WIN : Outcome.LOSS;
        }
        boolean blocked = random.nextInt(20) == 0;
        rows.add(
            new GradedRow(
                date,
                date.toString().replace("-", "") + "_AAA_BBB",
                "player" + i,
                "demo",
                blocked ? "weighted_average_fallback" : "catboost",
                blocked ? "QUALITY_GATE_BLOCKED" : "",
                tiers[random.nextInt(tiers.length)],
                random.nextInt(10) == 0 ? 1 : 0,
                predicted,
                OptionalDouble.of(line),
                OptionalDouble.of(edge),
                pick,
                dnp ? OptionalDouble.empty() : OptionalDouble.of(actual),
                outcome));
      }
    }
    return rows;
  }

  @Test
  void everyImageOfTheIndexExistsAndDecodesAndEveryLinkResolves(@TempDir Path folder)
      throws Exception {
    List<GradedRow> rows = rows(3, 12, 40);
    Path index =
        ReportFolder.builder("Test report", rows)
            .timings(
                List.of(
                    new StepTiming(LocalDate.of(2024, 3, 1), "PLANNED", 12),
                    new StepTiming(LocalDate.of(2024, 3, 1), "MERGED", 40),
                    new StepTiming(LocalDate.of(2024, 3, 2), "MERGED", 55)))
            .putFacts("gamebooks parsed", "96")
            .build()
            .writeTo(folder.resolve("report"));

    assertEquals(folder.resolve("report").resolve("index.html"), index);
    Document page = Jsoup.parse(index.toFile(), "UTF-8");
    List<Element> images = page.select("img");
    assertEquals(ReportFolder.CHARTS.size(), images.size(), "one image per chart");
    Set<String> sources = new HashSet<>();
    for (Element image : images) {
      String source = image.attr("src");
      assertFalse(source.isBlank(), image.outerHtml());
      assertFalse(image.attr("alt").isBlank(), "every image says what it shows: " + image);
      Path file = index.getParent().resolve(source);
      assertTrue(Files.isRegularFile(file), source + " exists");
      BufferedImage decoded = ImageIO.read(file.toFile());
      assertNotNull(decoded, source + " decodes as an image");
      assertTrue(decoded.getWidth() > 100 && decoded.getHeight() > 100, source);
      assertTrue(Files.readAllBytes(file)[1] == 'P', source + " is a PNG");
      assertTrue(notBlank(decoded), source + " has something drawn on it");
      sources.add(source);
    }
    assertEquals(ReportFolder.CHARTS.keySet(), sources);
    List<Element> links = page.select("a[href]");
    assertTrue(links.size() >= 4, "links to the machine-readable results: " + links);
    for (Element link : links) {
      URI target = URI.create(link.attr("href"));
      assertFalse(target.isAbsolute(), "a link inside the folder: " + target);
      assertTrue(Files.isRegularFile(index.getParent().resolve(target.getPath())), "" + target);
    }
    assertTrue(page.select("a[href=graded.csv]").size() == 1);
    assertTrue(page.select("a[href=graded.json]").size() == 1);
  }

  @Test
  void theSummaryTableAndTheFilesHoldTheRowsNumbers(@TempDir Path folder) throws Exception {
    List<GradedRow> rows = rows(5, 6, 30);
    RowSummary summary = RowSummary.of(rows);
    Path index = ReportFolder.builder("Numbers", rows).build().writeTo(folder);

    Document page = Jsoup.parse(index.toFile(), "UTF-8");
    String table = page.select("table").text();
    assertTrue(table.contains("predictions graded " + rows.size()), table);
    assertTrue(
        table.contains(
            String.format(java.util.Locale.ROOT, "%.2f%%", 100 * summary.hitRate().orElseThrow())),
        table);
    assertTrue(table.contains("52.38%"), table);
    assertTrue(table.contains(summary.wilsonInterval()), table);
    assertTrue(table.contains(summary.fallbacks() + " (" + summary.blocked() + ")"), table);

    List<GradedRow> fromJson = GradedRowFiles.read(folder.resolve("graded.json"));
    List<GradedRow> fromCsv = GradedRowFiles.read(folder.resolve("graded.csv"));
    assertEquals(rows.size(), fromJson.size());
    assertEquals(fromJson, fromCsv, "the CSV and the JSON hold the same rows");
    assertEquals(summary.wins(), RowSummary.of(fromJson).wins());
    assertEquals(summary.blocked(), RowSummary.of(fromCsv).blocked());
    assertEquals(rows.get(7).playerLookup(), fromCsv.get(7).playerLookup());
    assertEquals(rows.get(7).outcome(), fromCsv.get(7).outcome());
  }

  @Test
  void wilsonIntervalsMatchKnownValues() {
    Wilson half = Wilson.of(50, 100);
    assertEquals(0.4038, half.low(), 1e-4);
    assertEquals(0.5962, half.high(), 1e-4);
    Wilson none = Wilson.of(0, 10);
    assertEquals(0.0, none.low(), 1e-9);
    assertEquals(0.2775, none.high(), 1e-4);
  }

  @Test
  void anEmptyReportStillDrawsEveryChart(@TempDir Path folder) throws Exception {
    Path index = ReportFolder.builder("Nothing graded", List.of()).build().writeTo(folder);
    for (String chart : ReportFolder.CHARTS.keySet()) {
      assertNotNull(ImageIO.read(index.getParent().resolve(chart).toFile()), chart);
    }
  }

  private static boolean notBlank(BufferedImage image) {
    int first = image.getRGB(0, 0);
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        if (image.getRGB(x, y) != first) {
          return true;
        }
      }
    }
    return false;
  }
}
