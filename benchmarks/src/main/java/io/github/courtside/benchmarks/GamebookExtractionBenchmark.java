package io.github.courtside.benchmarks;

import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.GamebookParser;
import io.github.courtside.testkit.gamebook.GamebookPdfWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-document time, warm, single thread: the SDK's whole gamebook parse (budgeted worker, glyph
 * collector with positions, inflation check, grammar, box-score checks) next to stock PDFBox {@code
 * PDFTextStripper} with {@code setSortByPosition(true)} (text only, no parsing) on the same file.
 * {@code document=fixture} reads {@code ../shared/fixtures/gamebook/20240410-MEMCLE.rendered.pdf}
 * (or {@code -Dcourtside.fixtures=DIR}); {@code synthetic} renders a game with {@link
 * GamebookPdfWriter}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class GamebookExtractionBenchmark {
  @Param({"synthetic", "fixture"})
  public String document;

  private final GamebookParser parser = GamebookParser.create();
  private byte[] pdf = new byte[0];

  /** Loads or renders the document. */
  @Setup
  public void load() throws IOException {
    if (document.equals("fixture")) {
      Path folder =
          Path.of(System.getProperty("courtside.fixtures", "../shared/fixtures"), "gamebook");
      pdf = Files.readAllBytes(folder.resolve("20240410-MEMCLE.rendered.pdf"));
    } else {
      Gamebook game = parser.parseLines(GamebookParserBenchmark.LINES);
      pdf = GamebookPdfWriter.create().write(game);
    }
  }

  /** The SDK: extraction with positions plus parsing and checks, within the 2 s budget. */
  @Benchmark
  public Gamebook courtsideParse() {
    return parser.parse(pdf);
  }

  /** Stock PDFBox sorted text extraction alone. */
  @Benchmark
  public String stockSortedExtraction() throws IOException {
    try (PDDocument loaded = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(loaded);
    }
  }
}
