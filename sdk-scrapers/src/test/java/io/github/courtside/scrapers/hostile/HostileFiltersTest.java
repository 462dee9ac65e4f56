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
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.FilterFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decompression bombs behind every filter text extraction decodes, not only Flate; and a budget
 * that runs out while the worker would still be decoding for seconds ends the worker's work, not
 * only the caller's wait.
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

  /**
   * A Flate bomb, built directly and deflated twice: one deflate block of 1 MiB of blanks after a
   * full flush encodes to the same bytes every time, so repeating it {@code blocks} times gives
   * about {@code blocks} KiB that inflate to {@code blocks} MiB (with a wrong checksum, which an
   * inflater notices only at the very end); deflating that again makes a small PDF that loads at
   * once and decodes for seconds.
   */
  static byte[] flateBomb(int blocks) {
    byte[] blanks = new byte[1 << 20];
    Arrays.fill(blanks, (byte) ' ');
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    deflater.setInput(TEXT.getBytes(StandardCharsets.US_ASCII));
    flush(deflater, out);
    deflater.setInput(blanks);
    byte[] block = flush(deflater, new ByteArrayOutputStream());
    for (int i = 0; i < blocks; i++) {
      out.writeBytes(block);
    }
    deflater.finish();
    byte[] buffer = new byte[1 << 16];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    Deflater outer = new Deflater(Deflater.BEST_COMPRESSION);
    outer.setInput(out.toByteArray());
    outer.finish();
    ByteArrayOutputStream twice = new ByteArrayOutputStream();
    while (!outer.finished()) {
      twice.write(buffer, 0, outer.deflate(buffer));
    }
    outer.end();
    return RawPdf.onePage("/Filter [/FlateDecode /FlateDecode]", twice.toByteArray());
  }

  private static byte[] flush(Deflater deflater, ByteArrayOutputStream out) {
    int start = out.size();
    byte[] buffer = new byte[1 << 16];
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
      out.write(buffer, 0, n);
    } while (n == buffer.length || !deflater.needsInput());
    return Arrays.copyOfRange(out.toByteArray(), start, out.size());
  }

  /**
   * The budget runs out while the worker counts a Flate bomb of 32 GiB against an extractor limit
   * of 16 GiB and a minute (seconds of inflating, whatever the machine): the caller gets FAILED at
   * once, and the worker stops within half a second after, because the interruption reaches the
   * decoding loop; a worker that inflated on until the limit would still be busy.
   */
  @Test
  void theWorkerStopsSoonAfterTheBudgetRunsOut() throws Exception {
    byte[] bomb = flateBomb(32 << 10);
    GamebookParser parser =
        GamebookParser.create(
            GamebookParserConfig.builder()
                .extractor(
                    PdfTextExtractor.builder()
                        .timeout(Duration.ofMinutes(1))
                        .maxInflatedBytes(16L << 30)
                        .build())
                .timeBudget(Duration.ofMillis(300))
                .build());
    Gamebook result = parser.parse(bomb);
    assertEquals(ParseStatus.FAILED, result.status());
    assertTrue(
        result.failureReason().orElse("").contains("TIMED_OUT"), result.failureReason()::get);
    long deadline = System.nanoTime() + 500_000_000L;
    List<String> busy = busyWorkers();
    while (!busy.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
      busy = busyWorkers();
    }
    assertEquals(List.of(), busy, "workers still decoding half a second after the budget ran out");
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
