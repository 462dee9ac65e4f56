package io.github.courtside.examples.report;

import io.github.courtside.models.grading.AccuracyMonitor;
import io.github.courtside.models.grading.Outcome;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG charts, drawn by XChart from graded rows and step timings. */
final class ReportCharts {
  private static final int WIDTH = 960;
  private static final int HEIGHT = 480;
  private static final BasicStroke DASHED =
      new BasicStroke(
          1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f}, 0f);
  private static final List<String> TIERS =
      List.of("GOLD", "SILVER", "BRONZE", "POOR", "CRITICAL", "unscored");

  /** Edge buckets by the absolute edge of a pick, in points. */
  private static final double[] EDGE_BOUNDS = {0, 1, 2, 3, 4, 6};

  private final List<GradedRow> rows;
  private final Map<LocalDate, List<GradedRow>> byDay = new TreeMap<>();

  ReportCharts(List<GradedRow> rows) {
    this.rows = rows;
    for (GradedRow row : rows) {
      byDay.computeIfAbsent(row.gameDate(), d -> new ArrayList<>()).add(row);
    }
  }

  /** Daily and cumulative hit rate, the break-even line and the cumulative rate's Wilson band. */
  void hitRate(Path file) throws IOException {
    XYChart chart = xy("Hit rate by game date", "game date", "hit rate (%)");
    List<Date> days = new ArrayList<>();
    List<Double> daily = new ArrayList<>();
    List<Double> cumulative = new ArrayList<>();
    List<Double> low = new ArrayList<>();
    List<Double> high = new ArrayList<>();
    List<Double> breakEven = new ArrayList<>();
    long wins = 0;
    long decided = 0;
    for (Map.Entry<LocalDate, List<GradedRow>> day : byDay.entrySet()) {
      RowSummary summary = RowSummary.of(day.getValue());
      wins += summary.wins();
      decided += summary.decided();
      if (decided == 0) {
        continue;
      }
      days.add(date(day.getKey()));
      daily.add(summary.decided() == 0 ? Double.NaN : 100.0 * summary.wins() / summary.decided());
      cumulative.add(100.0 * wins / decided);
      Wilson band = Wilson.of(wins, decided);
      low.add(100 * band.low());
      high.add(100 * band.high());
      breakEven.add(100 * AccuracyMonitor.BREAK_EVEN_AT_MINUS_110);
    }
    if (days.isEmpty()) {
      days.add(date(byDay.isEmpty() ? LocalDate.EPOCH : byDay.keySet().iterator().next()));
      breakEven.add(100 * AccuracyMonitor.BREAK_EVEN_AT_MINUS_110);
    } else {
      XYSeries band = chart.addSeries("Wilson 95% band (cumulative)", days, high);
      band.setMarker(SeriesMarkers.NONE);
      band.setLineColor(new Color(120, 160, 220));
      band.setLineStyle(DASHED);
      XYSeries bandLow = chart.addSeries(" ", days, low);
      bandLow.setMarker(SeriesMarkers.NONE);
      bandLow.setLineColor(new Color(120, 160, 220));
      bandLow.setLineStyle(DASHED);
      bandLow.setShowInLegend(false);
      XYSeries dailySeries = chart.addSeries("daily", days, daily);
      dailySeries.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      dailySeries.setMarkerColor(new Color(150, 150, 150));
      XYSeries cumulativeSeries = chart.addSeries("cumulative", days, cumulative);
      cumulativeSeries.setMarker(SeriesMarkers.NONE);
      cumulativeSeries.setLineColor(new Color(20, 70, 160));
      cumulativeSeries.setLineWidth(2.5f);
    }
    XYSeries even = chart.addSeries("break-even 52.38% at -110", days, breakEven);
    even.setMarker(SeriesMarkers.NONE);
    even.setLineColor(new Color(200, 40, 40));
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
    save(chart, file);
  }

  /** Predicted versus actual points, with the diagonal and the mean actual per predicted bin. */
  void calibration(Path file) throws IOException {
    XYChart chart = xy("Calibration: predicted vs actual points", "predicted", "actual");
    List<Double> predicted = new ArrayList<>();
    List<Double> actual = new ArrayList<>();
    Map<Integer, double[]> bins = new TreeMap<>();
    double max = 10;
    for (GradedRow row : rows) {
      if (row.actualPoints().isEmpty()) {
        continue;
      }
      double p = row.predictedPoints();
      double a = row.actualPoints().getAsDouble();
      predicted.add(p);
      actual.add(a);
      max = Math.max(max, Math.max(p, a));
      double[] bin = bins.computeIfAbsent((int) Math.floor(p / 3), k -> new double[2]);
      bin[0] += a;
      bin[1]++;
    }
    if (!predicted.isEmpty()) {
      XYSeries points = chart.addSeries("predictions", predicted, actual);
      points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      points.setMarker(SeriesMarkers.CIRCLE);
      points.setMarkerColor(new Color(40, 90, 170, 60));
      List<Double> centres = new ArrayList<>();
      List<Double> means = new ArrayList<>();
      bins.forEach(
          (bin, sums) -> {
            if (sums[1] >= 5) {
              centres.add(bin * 3 + 1.5);
              means.add(sums[0] / sums[1]);
            }
          });
      if (!centres.isEmpty()) {
        XYSeries mean = chart.addSeries("mean actual per 3-point bin", centres, means);
        mean.setLineColor(new Color(230, 120, 20));
        mean.setMarkerColor(new Color(230, 120, 20));
        mean.setLineWidth(2.5f);
      }
    }
    XYSeries diagonal =
        chart.addSeries("perfect calibration", List.of(0.0, max), List.of(0.0, max));
    diagonal.setMarker(SeriesMarkers.NONE);
    diagonal.setLineColor(new Color(200, 40, 40));
    diagonal.setLineStyle(DASHED);
    save(chart, file);
  }

  /** Hit rate and picks by the absolute edge of the pick. */
  void edgeBuckets(Path file) throws IOException {
    Map<String, long[]> buckets = new LinkedHashMap<>();
    for (int i = 0; i < EDGE_BOUNDS.length; i++) {
      buckets.put(edgeLabel(i), new long[2]);
    }
    for (GradedRow row : rows) {
      if (row.outcome().isDecided() && row.edge().isPresent()) {
        long[] counts =
            buckets.computeIfAbsent(
                edgeLabel(edgeBucket(Math.abs(row.edge().getAsDouble()))), k -> new long[2]);
        counts[0] += row.outcome() == Outcome.WIN ? 1 : 0;
        counts[1]++;
      }
    }
    save(rateAndCount("Hit rate by predicted edge", "|edge| (points)", buckets), file);
  }

  /** Hit rate and picks by quality tier. */
  void tiers(Path file) throws IOException {
    Map<String, long[]> tiers = new LinkedHashMap<>();
    TIERS.forEach(tier -> tiers.put(tier, new long[2]));
    for (GradedRow row : rows) {
      String tier = row.qualityTier().isEmpty() ? "unscored" : row.qualityTier();
      long[] counts = tiers.computeIfAbsent(tier, t -> new long[2]);
      if (row.outcome().isDecided()) {
        counts[0] += row.outcome() == Outcome.WIN ? 1 : 0;
        counts[1]++;
      }
    }
    save(rateAndCount("Hit rate by quality tier", "quality tier", tiers), file);
  }

  /** Prediction count by quality tier and who answered: the model or a fallback. */
  void tierCounts(Path file) throws IOException {
    CategoryChart chart = category("Predictions by quality tier", "quality tier", "predictions");
    Map<String, long[]> counts = new LinkedHashMap<>();
    TIERS.forEach(tier -> counts.put(tier, new long[2]));
    for (GradedRow row : rows) {
      String tier = row.qualityTier().isEmpty() ? "unscored" : row.qualityTier();
      counts.computeIfAbsent(tier, t -> new long[2])[row.isFallback() ? 1 : 0]++;
    }
    List<String> names = new ArrayList<>(counts.keySet());
    chart.addSeries("model", names, counts.values().stream().map(c -> (Number) c[0]).toList());
    chart.addSeries("fallback", names, counts.values().stream().map(c -> (Number) c[1]).toList());
    chart.getStyler().setStacked(true);
    save(chart, file);
  }

  /** Fallback, blocked and imputed predictions per game date. */
  void fallbacks(Path file) throws IOException {
    XYChart chart = xy("Fallbacks, blocked and imputed per game date", "game date", "predictions");
    List<Date> days = new ArrayList<>();
    List<Long> fallbacks = new ArrayList<>();
    List<Long> blocked = new ArrayList<>();
    List<Long> imputed = new ArrayList<>();
    byDay.forEach(
        (day, dayRows) -> {
          RowSummary summary = RowSummary.of(dayRows);
          days.add(date(day));
          fallbacks.add(summary.fallbacks());
          blocked.add(summary.blocked());
          imputed.add(summary.imputed());
        });
    if (days.isEmpty()) {
      days.add(date(LocalDate.EPOCH));
      fallbacks.add(0L);
      blocked.add(0L);
      imputed.add(0L);
    }
    chart.addSeries("fallback (all reasons)", days, fallbacks).setLineWidth(2f);
    chart.addSeries("blocked by the quality gate", days, blocked).setLineWidth(2f);
    chart.addSeries("with imputed features", days, imputed).setLineWidth(2f);
    chart.getStyler().setYAxisMin(0.0);
    save(chart, file);
  }

  /** Mean and longest duration of each consolidation step over the batches. */
  static void timings(Path file, List<StepTiming> timings) throws IOException {
    CategoryChart chart = category("Consolidation time per step", "step", "milliseconds");
    Map<String, long[]> steps = new LinkedHashMap<>();
    for (StepTiming timing : timings) {
      long[] s = steps.computeIfAbsent(timing.step(), k -> new long[3]);
      s[0] += timing.millis();
      s[1]++;
      s[2] = Math.max(s[2], timing.millis());
    }
    if (steps.isEmpty()) {
      steps.put("none", new long[] {0, 1, 0});
    }
    List<String> names = new ArrayList<>(steps.keySet());
    chart.addSeries(
        "mean", names, steps.values().stream().map(s -> (Number) ((double) s[0] / s[1])).toList());
    chart.addSeries("longest", names, steps.values().stream().map(s -> (Number) s[2]).toList());
    save(chart, file);
  }

  private static CategoryChart rateAndCount(String title, String axis, Map<String, long[]> data) {
    List<String> names = new ArrayList<>();
    List<Number> rates = new ArrayList<>();
    for (Map.Entry<String, long[]> entry : data.entrySet()) {
      long[] counts = entry.getValue();
      names.add(entry.getKey() + " (n=" + counts[1] + ")");
      rates.add(counts[1] == 0 ? 0.0 : 100.0 * counts[0] / counts[1]);
    }
    CategoryChart chart = category(title, axis, "hit rate (%)");
    chart.addSeries("hit rate", names, rates);
    org.knowm.xchart.CategorySeries even =
        chart.addSeries(
            "break-even 52.38%",
            names,
            names.stream()
                .map(n -> (Number) (100 * AccuracyMonitor.BREAK_EVEN_AT_MINUS_110))
                .toList());
    even.setChartCategorySeriesRenderStyle(
        org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
    even.setMarker(SeriesMarkers.NONE);
    even.setLineColor(new Color(200, 40, 40));
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
    return chart;
  }

  private static int edgeBucket(double edge) {
    for (int i = EDGE_BOUNDS.length - 1; i > 0; i--) {
      if (edge >= EDGE_BOUNDS[i]) {
        return i;
      }
    }
    return 0;
  }

  private static String edgeLabel(int bucket) {
    return bucket == EDGE_BOUNDS.length - 1
        ? (int) EDGE_BOUNDS[bucket] + "+"
        : (int) EDGE_BOUNDS[bucket] + "-" + (int) EDGE_BOUNDS[bucket + 1];
  }

  private static XYChart xy(String title, String x, String y) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(x)
            .yAxisTitle(y)
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setDatePattern("MM-dd");
    chart.getStyler().setTimezone(TimeZone.getTimeZone(ZoneOffset.UTC));
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    return chart;
  }

  private static CategoryChart category(String title, String x, String y) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(x)
            .yAxisTitle(y)
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    return chart;
  }

  private static Date date(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static void save(Chart<?, ?> chart, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
  }
}
