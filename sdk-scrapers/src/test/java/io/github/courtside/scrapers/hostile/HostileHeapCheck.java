package io.github.courtside.scrapers.hostile;

import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.GamebookJson;
import io.github.courtside.scrapers.gamebook.GamebookParser;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Parses every hostile PDF in this JVM (started by {@link HostilePdfOnSmallHeapTest} with a 512 MB
 * heap) and prints one line per case: name, status, milliseconds; exits 1 when a case was COMPLETE,
 * too slow or threw.
 */
final class HostileHeapCheck {
  private HostileHeapCheck() {}

  public static void main(String[] args) {
    GamebookParser parser = GamebookParser.create();
    boolean ok = true;
    for (Map.Entry<String, Supplier<byte[]>> c : HostilePdfs.all().entrySet()) {
      try {
        byte[] pdf = c.getValue().get();
        long start = System.nanoTime();
        Gamebook result = parser.parse(pdf);
        long millis = (System.nanoTime() - start) / 1_000_000;
        GamebookJson.toJson(result);
        boolean good =
            result.status() != ParseStatus.COMPLETE && millis < HostilePdfTest.LIMIT_MILLIS;
        ok &= good;
        System.out.println(
            (good ? "ok " : "BAD ")
                + c.getKey()
                + " "
                + result.status()
                + " "
                + millis
                + " ms "
                + result.failureReason().orElse(""));
      } catch (Throwable t) {
        ok = false;
        System.out.println("BAD " + c.getKey() + " threw " + t);
      }
    }
    System.exit(ok ? 0 : 1);
  }
}
