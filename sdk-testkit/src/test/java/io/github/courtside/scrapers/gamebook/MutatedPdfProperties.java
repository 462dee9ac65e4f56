package io.github.courtside.scrapers.gamebook;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.testkit.gamebook.GamebookPdfWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 1,000 damaged gamebook PDFs (flipped bytes, truncation, shuffled objects) never make the parser
 * throw, and each gives a result: a readable remnant parses (possibly partially), anything else
 * fails with a reason, and each within the 2 s budget (2.5 s of wall clock allowed per document).
 */
class MutatedPdfProperties {
  private static final byte[][] ORIGINALS = {
    GamebookPdfWriter.create().write(SyntheticGames.game(1)),
    GamebookPdfWriter.create().write(SyntheticGames.game(2)),
  };
  private static final Pattern OBJECT =
      Pattern.compile("\\d+ \\d+ obj\\b.*?endobj\\s*", Pattern.DOTALL);

  private final GamebookParser parser = GamebookParser.create();

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES) // an overall guard only, far above any normal run
  void damagedPdfsNeverThrowAndAlwaysSayWhatHappened() {
    qt().withExamples(1000)
        .withGenerateAttempts(10_000)
        .forAll(longs().all(), integers().between(0, 2))
        .checkAssert(
            (seed, mutation) -> {
              Random random = new Random(seed);
              byte[] original = ORIGINALS[random.nextInt(ORIGINALS.length)];
              byte[] damaged =
                  switch (mutation) {
                    case 0 -> flipBytes(original, random);
                    case 1 -> truncate(original, random);
                    default -> shuffleObjects(original, random);
                  };
              long start = System.nanoTime();
              Gamebook result = parser.parse(damaged);
              long millis = (System.nanoTime() - start) / 1_000_000;
              assertTrue(
                  millis < 2_500,
                  "seed " + seed + " mutation " + mutation + " took " + millis + " ms");
              if (result.status() == ParseStatus.FAILED) {
                assertTrue(result.failureReason().isPresent());
                assertTrue(result.activePlayers().isEmpty());
              }
              assertNotNull(GamebookJson.toJson(result));
            });
  }

  static byte[] flipBytes(byte[] pdf, Random random) {
    byte[] copy = pdf.clone();
    int flips = 1 + random.nextInt(20);
    for (int i = 0; i < flips; i++) {
      int at = random.nextInt(copy.length);
      copy[at] = (byte) (copy[at] ^ (1 << random.nextInt(8)));
    }
    return copy;
  }

  static byte[] truncate(byte[] pdf, Random random) {
    return java.util.Arrays.copyOf(pdf, random.nextInt(pdf.length));
  }

  static byte[] shuffleObjects(byte[] pdf, Random random) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    Matcher matcher = OBJECT.matcher(text);
    List<String> objects = new ArrayList<>();
    int start = -1;
    int end = 0;
    while (matcher.find()) {
      if (start < 0) {
        start = matcher.start();
      }
      objects.add(matcher.group());
      end = matcher.end();
    }
    if (objects.size() < 2) {
      return flipBytes(pdf, random);
    }
    Collections.shuffle(objects, random);
    return (text.substring(0, start) + String.join("", objects) + text.substring(end))
        .getBytes(StandardCharsets.ISO_8859_1);
  }
}
