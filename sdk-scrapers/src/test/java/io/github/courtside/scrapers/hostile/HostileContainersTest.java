package io.github.courtside.scrapers.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.GamebookParser;
import io.github.courtside.scrapers.pdf.PdfExtractionException;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/**
 * Decompression bombs where PDFBox decodes a stream itself while it loads the document, before any
 * content is read: a compressed object stream (PDF 1.5 {@code /Type /ObjStm}) holding the catalog,
 * the cross-reference stream that finds it, and an encrypted document (empty user password) whose
 * page content is a bomb. Each is refused by the inflated-size limit, fast, naming the limit; the
 * same structures under the limit are read.
 */
class HostileContainersTest {
  private static final String TEXT = "BT /F1 8 Tf 36 700 Td (Officials: #1 A) Tj ET\n";
  private static final String CATALOG = "<< /Type /Catalog /Pages 3 0 R >>";
  private static final String PAGES = "<< /Type /Pages /Kids [4 0 R] /Count 1 >>";

  /** RunLength data: {@code head} literally, then {@code blanks} blanks (128 per two bytes). */
  static byte[] runLength(byte[] head, long blanks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < head.length; i += 128) {
      int n = Math.min(128, head.length - i);
      out.write(n - 1);
      out.write(head, i, n);
    }
    byte[] run = new byte[2 * 4096];
    for (int i = 0; i < run.length; i += 2) {
      run[i] = (byte) 129;
      run[i + 1] = ' ';
    }
    for (long i = 0; i < blanks / (128 * 4096); i++) {
      out.writeBytes(run);
    }
    out.write(128);
    return out.toByteArray();
  }

  /**
   * A PDF 1.5 document whose catalog and page tree are in a RunLength-encoded object stream with
   * {@code blanks} trailing blanks, found through a cross-reference stream (RunLength-encoded with
   * {@code xrefBlanks} trailing blanks when that is positive).
   */
  static byte[] objectStreamPdf(long blanks) {
    return objectStreamPdf(blanks, 0);
  }

  static byte[] objectStreamPdf(long blanks, long xrefBlanks) {
    String offsets = "2 0 3 " + CATALOG.length() + " ";
    byte[] objects = (offsets + CATALOG + PAGES).getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    long[] offset = new long[8];
    offset[1] = out.size();
    byte[] objStm = runLength(objects, blanks);
    write(
        out,
        "1 0 obj\n<< /Type /ObjStm /N 2 /First "
            + offsets.length()
            + " /Filter /RunLengthDecode /Length "
            + objStm.length
            + " >>\nstream\n");
    out.writeBytes(objStm);
    write(out, "\nendstream\nendobj\n");
    offset[4] = out.size();
    write(
        out,
        "4 0 obj\n<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1"
            + " 5 0 R >> >> /Contents 6 0 R >>\nendobj\n");
    offset[5] = out.size();
    write(out, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
    offset[6] = out.size();
    write(
        out,
        "6 0 obj\n<< /Length " + TEXT.length() + " >>\nstream\n" + TEXT + "\nendstream\nendobj\n");
    offset[7] = out.size();
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    for (int i = 0; i < 8; i++) {
      int type = i == 0 ? 0 : i == 2 || i == 3 ? 2 : 1;
      long field = type == 2 ? 1 : offset[i];
      int third = type == 2 ? i - 2 : i == 0 ? 65535 : 0;
      rows.write(type);
      for (int b = 3; b >= 0; b--) {
        rows.write((int) (field >>> (8 * b)));
      }
      rows.write(third >>> 8);
      rows.write(third);
    }
    byte[] xref = rows.toByteArray();
    String xrefFilter = "";
    if (xrefBlanks > 0) {
      xref = runLength(xref, xrefBlanks);
      xrefFilter = "/Filter /RunLengthDecode ";
    }
    write(
        out,
        "7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 2 0 R "
            + xrefFilter
            + "/Length "
            + xref.length
            + " >>\nstream\n");
    out.writeBytes(xref);
    write(out, "\nendstream\nendobj\nstartxref\n" + offset[7] + "\n%%EOF\n");
    return out.toByteArray();
  }

  /** A document encrypted with an empty user password whose page content is a RunLength bomb. */
  static byte[] encryptedPdf(long blanks) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      PDResources resources = new PDResources();
      resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
      page.setResources(resources);
      COSStream content = document.getDocument().createCOSStream();
      try (OutputStream raw = content.createRawOutputStream()) {
        raw.write(runLength(TEXT.getBytes(StandardCharsets.US_ASCII), blanks));
      }
      content.setItem(COSName.FILTER, COSName.RUN_LENGTH_DECODE);
      page.setContents(new PDStream(content));
      document.addPage(page);
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner", "", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static final PdfTextExtractor SMALL =
      PdfTextExtractor.builder().maxInflatedBytes(1 << 20).build();

  private static void assertRefused(byte[] pdf, String what) {
    long start = System.nanoTime();
    PdfExtractionException e =
        assertThrows(PdfExtractionException.class, () -> SMALL.extract(pdf), what);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(PdfExtractionException.Reason.TOO_LARGE, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("decode to more than 1048576 bytes"), e.getMessage());
    assertTrue(millis < 1_000, what + " took " + millis + " ms to refuse");
  }

  @Test
  void anObjectStreamBombIsRefusedByTheInflatedSizeLimit() {
    assertRefused(objectStreamPdf(256L << 20), "object stream bomb");
    assertEquals(List.of("Officials: #1 A"), SMALL.extract(objectStreamPdf(64 << 10)).lines());
  }

  @Test
  void aCrossReferenceStreamBombIsRefusedByTheInflatedSizeLimit() {
    assertRefused(objectStreamPdf(0, 256L << 20), "cross-reference stream bomb");
  }

  @Test
  void anEncryptedDocumentWhoseContentIsABombIsRefusedByTheInflatedSizeLimit() throws IOException {
    assertRefused(encryptedPdf(256L << 20), "encrypted content bomb");
    assertEquals(List.of("Officials: #1 A"), SMALL.extract(encryptedPdf(64 << 10)).lines());
  }

  @Test
  void theParserGivesFailedWithTheReasonForBothWithinTheBudget() throws IOException {
    GamebookParser parser = GamebookParser.create();
    for (byte[] pdf : List.of(objectStreamPdf(1L << 30), encryptedPdf(1L << 30))) {
      long start = System.nanoTime();
      Gamebook result = parser.parse(pdf);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(ParseStatus.FAILED, result.status());
      assertTrue(
          result.failureReason().orElse("").startsWith("TOO_LARGE: compressed streams decode"),
          result.failureReason()::get);
      assertTrue(millis < 2_500, "took " + millis + " ms");
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
