package io.github.courtside.scrapers.hostile;

import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.GamebookJson;
import io.github.courtside.scrapers.gamebook.GamebookParser;
import io.github.courtside.scrapers.gamebook.GamebookParserConfig;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Parses every hostile PDF in this JVM (started by {@link HostilePdfOnSmallHeapTest} with a 512 MB
 * heap) and prints one line per case: name, status, milliseconds; exits 1 when a case was COMPLETE,
 * took longer than the parser's time budget plus {@link #MARGIN_MILLIS}, or threw.
 *
 * <p>The bound is the configured budget, which {@code TimeBudget} enforces by waiting at most that
 * long for the worker, plus a margin for waking the caller on a loaded machine; PDFBox's one-time
 * warm-up is paid before the first timed case (it once landed inside the first case's time and made
 * a fixed 2.5 s bound flaky at load 5). A budget that leaks (work on the caller's thread, a wait
 * without a timeout) still fails it.
 */
final class HostileHeapCheck {
  /** Scheduling slack over the budget allowed to a parse on a loaded 2-core machine. */
  static final long MARGIN_MILLIS = 1_000;

  private HostileHeapCheck() {}

  public static void main(String[] args) {
    GamebookParser parser = GamebookParser.create();
    PdfTextExtractor.warmUp();
    long limit = GamebookParserConfig.defaults().timeBudget().toMillis() + MARGIN_MILLIS;
    boolean ok = true;
    for (Map.Entry<String, Supplier<byte[]>> c : HostilePdfs.all().entrySet()) {
      try {
        byte[] pdf = c.getValue().get();
        long start = System.nanoTime();
        Gamebook result = parser.parse(pdf);
        long millis = (System.nanoTime() - start) / 1_000_000;
        GamebookJson.toJson(result);
        boolean good = result.status() != ParseStatus.COMPLETE && millis < limit;
        ok &= good;
        System.out.println(
            (good ? "ok " : "BAD ")
                + c.getKey()
                + " "
                + result.status()
                + " "
                + millis
                + " ms (limit "
                + limit
                + ") "
                + result.failureReason().orElse(""));
      } catch (Throwable t) {
        ok = false;
        System.out.println("BAD " + c.getKey() + " threw " + t);
      }
    }
    System.exit(ok ? 0 : 1);
  }
}
