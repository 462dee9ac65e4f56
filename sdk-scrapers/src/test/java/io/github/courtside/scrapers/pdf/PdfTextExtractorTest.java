package io.github.courtside.scrapers.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.scrapers.pdf.PdfExtractionException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfTextExtractorTest {

  @Test
  void linesComeOutByPositionEvenWhenDrawnOutOfOrder() throws IOException {
    byte[] pdf = render(new float[] {600, 700, 650}, "third", "first", "second");
    assertEquals(List.of("first", "second", "third"), PdfTextExtractor.lines(pdf));
  }

  @Test
  void garbageIsNotAPdf() {
    PdfExtractionException error =
        assertThrows(
            PdfExtractionException.class,
            () -> PdfTextExtractor.lines("not a pdf".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(Reason.NOT_A_PDF, error.reason());
    CourtsideException root = error;
    assertTrue(root.getMessage().contains("%PDF"), root.getMessage());
  }

  @Test
  void aTruncatedPdfIsUnreadable() throws IOException {
    byte[] pdf = render(new float[] {700}, "text");
    PdfExtractionException error =
        assertThrows(
            PdfExtractionException.class, () -> PdfTextExtractor.lines(Arrays.copyOf(pdf, 40)));
    assertTrue(
        error.reason() == Reason.UNREADABLE || error.reason() == Reason.NO_TEXT,
        error.reason() + ": " + error.getMessage());
  }

  @Test
  void aPageWithoutTextHasNoText() throws IOException {
    byte[] pdf = render(new float[0]);
    assertEquals(
        Reason.NO_TEXT,
        assertThrows(PdfExtractionException.class, () -> PdfTextExtractor.lines(pdf)).reason());
  }

  @Test
  void documentsBeyondTheLimitsAreTooLarge() throws IOException {
    byte[] pdf = render(new float[] {700}, "text");
    PdfTextExtractor small = PdfTextExtractor.builder().maxBytes(100).build();
    assertEquals(
        Reason.TOO_LARGE,
        assertThrows(PdfExtractionException.class, () -> small.extract(pdf)).reason());
  }

  private static byte[] render(float[] ys, String... texts) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
        for (int i = 0; i < texts.length; i++) {
          content.beginText();
          content.newLineAtOffset(50, ys[i]);
          content.showText(texts[i]);
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
