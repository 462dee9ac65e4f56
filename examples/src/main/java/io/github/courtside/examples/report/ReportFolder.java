package io.github.courtside.examples.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.courtside.models.grading.AccuracyMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes the report folder: {@code index.html} with PNG charts and the summary table, and the
 * machine-readable results it links ({@code graded.csv}, {@code graded.json}, {@code summary.json},
 * and {@code consolidation.json} when there are step timings).
 *
 * <pre>{@code
 * Path index = ReportFolder.builder("Courtside demo, seed 42", rows)
 *     .timings(timings)
 *     .putFacts("gamebooks parsed", "1230")
 *     .build()
 *     .writeTo(Path.of("report"));
 * }</pre>
 */
public final class ReportFolder {
  /** The chart files, in the order the page shows them, with their captions. */
  static final Map<String, String> CHARTS = charts();

  private final String title;
  private final List<GradedRow> rows;
  private final List<StepTiming> timings;
  private final Map<String, String> facts;
  private final List<String> factOrder;

  private ReportFolder(ReportFolderSetup setup) {
    this.title = setup.title();
    this.rows = setup.rows();
    this.timings = setup.timings();
    this.facts = setup.facts();
    this.factOrder = List.copyOf(setup.facts().keySet());
  }

  /** A report titled {@code title} over these graded rows. */
  public static ReportFolderSetup.Builder builder(String title, List<GradedRow> rows) {
    return ReportFolderSetup.builder().title(title).addAllRows(rows);
  }

  /** The report a setup describes. */
  public static ReportFolder create(ReportFolderSetup setup) {
    return new ReportFolder(setup);
  }

  /**
   * Writes the folder (created if absent; files of an earlier report are replaced) and returns the
   * path of its {@code index.html}.
   *
   * @throws UncheckedIOException when a file cannot be written
   */
  public Path writeTo(Path folder) {
    System.setProperty("java.awt.headless", "true");
    try {
      Files.createDirectories(folder);
      GradedRowFiles.writeCsv(folder.resolve("graded.csv"), rows);
      GradedRowFiles.writeJson(folder.resolve("graded.json"), rows);
      RowSummary summary = RowSummary.of(rows);
      Files.writeString(
          folder.resolve("summary.json"), summaryJson(summary), StandardCharsets.UTF_8);
      if (!timings.isEmpty()) {
        GradedRowFiles.writeTimings(folder.resolve("consolidation.json"), timings);
      }
      ReportCharts charts = new ReportCharts(rows);
      charts.hitRate(folder.resolve("hit-rate.png"));
      charts.calibration(folder.resolve("calibration.png"));
      charts.edgeBuckets(folder.resolve("edge-buckets.png"));
      charts.tiers(folder.resolve("tiers.png"));
      charts.tierCounts(folder.resolve("tier-counts.png"));
      charts.fallbacks(folder.resolve("fallbacks.png"));
      ReportCharts.timings(folder.resolve("consolidation.png"), timings);
      Path index = folder.resolve("index.html");
      Files.writeString(index, html(summary), StandardCharsets.UTF_8);
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String summaryJson(RowSummary summary) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode node = json.createObjectNode();
    node.put("title", title);
    node.put("graded", summary.rows());
    node.put("wins", summary.wins());
    node.put("losses", summary.losses());
    node.put("pushes", summary.pushes());
    node.put("voids", summary.voids());
    node.put("passes", summary.passes());
    node.put("no_line", summary.noLine());
    putRate(node, "hit_rate", summary.hitRate());
    putRate(node, "mean_absolute_error", summary.meanAbsoluteError());
    putRate(node, "roi", summary.roi());
    node.put("fallbacks", summary.fallbacks());
    node.put("blocked", summary.blocked());
    node.put("imputed", summary.imputed());
    ObjectNode extra = node.putObject("facts");
    factOrder.forEach(key -> extra.put(key, facts.get(key)));
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
  }

  private static void putRate(ObjectNode node, String field, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(field, Math.round(value.getAsDouble() * 1_000_000) / 1_000_000.0);
    } else {
      node.putNull(field);
    }
  }

  private String html(RowSummary summary) {
    List<String[]> table = new ArrayList<>();
    for (String key : factOrder) {
      table.add(new String[] {key, facts.get(key)});
    }
    LocalDate first = rows.stream().map(GradedRow::gameDate).min(LocalDate::compareTo).orElse(null);
    LocalDate last = rows.stream().map(GradedRow::gameDate).max(LocalDate::compareTo).orElse(null);
    table.add(
        new String[] {
          "game dates graded",
          first == null ? "none" : first + " to " + last + " (" + dates() + " dates)"
        });
    table.add(new String[] {"predictions graded", Long.toString(summary.rows())});
    table.add(
        new String[] {
          "picks decided (wins / losses)",
          summary.decided() + " (" + summary.wins() + " / " + summary.losses() + ")"
        });
    table.add(
        new String[] {
          "hit rate (95% Wilson interval)",
          percent(summary.hitRate()) + " (" + summary.wilsonInterval() + ")"
        });
    table.add(
        new String[] {
          "break-even at -110",
          String.format(Locale.ROOT, "%.2f%%", 100 * AccuracyMonitor.BREAK_EVEN_AT_MINUS_110)
        });
    table.add(new String[] {"ROI per pick at -110", percent(summary.roi())});
    table.add(
        new String[] {
          "mean absolute error (points)",
          summary.meanAbsoluteError().isPresent()
              ? String.format(Locale.ROOT, "%.2f", summary.meanAbsoluteError().getAsDouble())
              : "n/a"
        });
    table.add(
        new String[] {
          "pushes / voids / passes / no line",
          summary.pushes()
              + " / "
              + summary.voids()
              + " / "
              + summary.passes()
              + " / "
              + summary.noLine()
        });
    table.add(
        new String[] {
          "fallbacks (of which blocked by the quality gate)",
          summary.fallbacks() + " (" + summary.blocked() + ")"
        });
    table.add(new String[] {"predictions with imputed features", Long.toString(summary.imputed())});

    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(
            "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#222}\n")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;")
        .append("padding:.3em .7em;text-align:left}td.n{text-align:right}\n")
        .append("figure{margin:2em 0}img{max-width:100%;border:1px solid #eee}\n")
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(title))
        .append("</h1>\n<h2>Summary</h2>\n<table>\n");
    for (String[] line : table) {
      page.append("<tr><th>")
          .append(escape(line[0]))
          .append("</th><td class=\"n\">")
          .append(escape(line[1]))
          .append("</td></tr>\n");
    }
    page.append("</table>\n<p>Hit rate counts OVER/UNDER picks only: passes, pushes, voids and")
        .append(" predictions without a line never enter it.</p>\n")
        .append("<h2>Results</h2>\n<ul>\n")
        .append("<li><a href=\"graded.csv\">graded.csv</a>: every graded prediction</li>\n")
        .append("<li><a href=\"graded.json\">graded.json</a>: the same rows as JSON</li>\n")
        .append("<li><a href=\"summary.json\">summary.json</a>: the summary above</li>\n");
    if (!timings.isEmpty()) {
      page.append("<li><a href=\"consolidation.json\">consolidation.json</a>: consolidation")
          .append(" step timings per game date</li>\n");
    }
    page.append("</ul>\n<h2>Charts</h2>\n");
    CHARTS.forEach(
        (file, caption) ->
            page.append("<figure><img src=\"")
                .append(file)
                .append("\" alt=\"")
                .append(escape(caption))
                .append("\" width=\"960\" height=\"480\"><figcaption>")
                .append(escape(caption))
                .append("</figcaption></figure>\n"));
    page.append("</body>\n</html>\n");
    return page.toString();
  }

  private long dates() {
    return rows.stream().map(GradedRow::gameDate).distinct().count();
  }

  private static Map<String, String> charts() {
    Map<String, String> charts = new LinkedHashMap<>();
    charts.put(
        "hit-rate.png",
        "Daily and cumulative hit rate, the 52.38% break-even line and the cumulative rate's 95%"
            + " Wilson band");
    charts.put("calibration.png", "Calibration: predicted versus actual points");
    charts.put("edge-buckets.png", "Hit rate by the predicted edge of the pick");
    charts.put("tiers.png", "Hit rate by quality tier");
    charts.put("tier-counts.png", "Predictions by quality tier, model or fallback");
    charts.put("fallbacks.png", "Fallback, blocked and imputed predictions per game date");
    charts.put("consolidation.png", "Consolidation time per step (mean and longest)");
    return java.util.Collections.unmodifiableMap(charts);
  }

  private static String percent(OptionalDouble value) {
    return value.isPresent()
        ? String.format(Locale.ROOT, "%.2f%%", 100 * value.getAsDouble())
        : "n/a";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
