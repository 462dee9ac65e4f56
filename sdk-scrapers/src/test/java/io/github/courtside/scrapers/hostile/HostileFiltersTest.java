package io.github.courtside.scrapers.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.GamebookParser;
import io.github.courtside.scrapers.gamebook.GamebookParserConfig;
import io.github.courtside.scrapers.pdf.PdfExtractionException;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.FilterFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decompression bombs behind every filter text extraction decodes, not only Flate; and a budget
 * that runs out while PDFBox would still be decoding ends the worker's work, not only the caller's
 * wait.
 */
class HostileFiltersTest {
  private static final String TEXT = "BT /F1 8 Tf 36 700 Td (Officials: #1 A) Tj ET\n";

  /** A one-page PDF whose content is {@link #TEXT} and {@code blanks} blanks, encoded by chain. */
  static byte[] encoded(String chain, int blanks) throws IOException {
    byte[] data = new byte[TEXT.length() + blanks];
    Arrays.fill(data, (byte) ' ');
    System.arraycopy(TEXT.getBytes(StandardCharsets.US_ASCII), 0, data, 0, TEXT.length());
    List<String> filters = List.of(chain.split("\\+"));
    for (int i = filters.size() - 1; i >= 0; i--) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      FilterFactory.INSTANCE
          .getFilter(COSName.getPDFName(filters.get(i)))
          .encode(new ByteArrayInputStream(data), out, new COSDictionary(), i);
      data = out.toByteArray();
    }
    String names = String.join(" /", filters);
    return RawPdf.onePage("/Filter [/" + names + "]", data);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "LZWDecode",
        "RunLengthDecode",
        "ASCIIHexDecode",
        "ASCII85Decode",
        "ASCIIHexDecode+FlateDecode",
        "ASCII85Decode+LZWDecode"
      })
  void aStreamThatDecodesPastTheLimitIsTooLargeWhateverItsFilters(String chain) throws IOException {
    PdfTextExtractor extractor = PdfTextExtractor.builder().maxInflatedBytes(64 << 10).build();
    PdfExtractionException e =
        assertThrows(
            PdfExtractionException.class, () -> extractor.extract(encoded(chain, 96 << 10)), chain);
    assertEquals(PdfExtractionException.Reason.TOO_LARGE, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("decode to more than"), e.getMessage());
    // under the limit the same chain decodes, once, and its text is read
    assertEquals(
        List.of("Officials: #1 A"), extractor.extract(encoded(chain, 8 << 10)).lines(), chain);
  }

  /** A RunLength bomb, built directly: each two bytes repeat a blank 128 times, 512 MiB in all. */
  static byte[] runLengthBomb() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(TEXT.length() - 1);
    out.writeBytes(TEXT.getBytes(StandardCharsets.US_ASCII));
    byte[] run = new byte[2 * 4096];
    for (int i = 0; i < run.length; i += 2) {
      run[i] = (byte) 129;
      run[i + 1] = ' ';
    }
    for (int i = 0; i < (512 << 20) / (128 * 4096); i++) {
      out.writeBytes(run);
    }
    out.write(128); // end of data
    return RawPdf.onePage("/Filter /RunLengthDecode", out.toByteArray());
  }

  /**
   * The budget runs out while the worker decodes a 512 MiB RunLength bomb with an extractor that
   * would allow it a minute and a gigabyte: the caller gets FAILED at once, and the worker stops
   * within a second after (interruption reaches the decoding loop) instead of decoding on in the
   * background.
   */
  @Test
  void theWorkerStopsSoonAfterTheBudgetRunsOut() throws Exception {
    byte[] bomb = runLengthBomb();
    GamebookParser parser =
        GamebookParser.create(
            GamebookParserConfig.builder()
                .extractor(
                    PdfTextExtractor.builder()
                        .timeout(Duration.ofMinutes(1))
                        .maxInflatedBytes(1L << 30)
                        .build())
                .timeBudget(Duration.ofMillis(100))
                .build());
    Gamebook result = parser.parse(bomb);
    assertEquals(ParseStatus.FAILED, result.status());
    assertTrue(
        result.failureReason().orElse("").contains("TIMED_OUT"), result.failureReason()::get);
    long deadline = System.nanoTime() + 1_000_000_000L;
    List<String> busy = busyWorkers();
    while (!busy.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      busy = busyWorkers();
    }
    assertEquals(List.of(), busy, "workers still decoding a second after the budget ran out");
  }

  /** Parse workers whose stack is inside PDFBox or the extractor (idle pool threads are not). */
  private static List<String> busyWorkers() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().getName().startsWith("courtside-parse-"))
        .filter(
            e ->
                Arrays.stream(e.getValue())
                    .anyMatch(
                        f ->
                            f.getClassName().startsWith("org.apache.pdfbox")
                                || f.getClassName().startsWith("io.github.courtside.scrapers.pdf.P")
                                || f.getClassName()
                                    .startsWith("io.github.courtside.scrapers.pdf.Decoded")))
        .map(Map.Entry::getKey)
        .map(Thread::getName)
        .toList();
  }
}
