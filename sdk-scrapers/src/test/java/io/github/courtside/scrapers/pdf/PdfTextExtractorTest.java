package io.github.courtside.scrapers.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.CourtsideException;
import io.github.courtside.scrapers.pdf.PdfExtractionException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
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

  @Test
  void aPageDrawnByAnArrayOfStreamsReadsAsOne() throws IOException {
    byte[] single = render(new float[] {700, 650, 600}, "alpha beta", "gamma", "delta");
    byte[] parts;
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      PDResources resources = new PDResources();
      String font = resources.add(new PDType1Font(Standard14Fonts.FontName.HELVETICA)).getName();
      page.setResources(resources);
      // The font, the text object and its line matrix carry across the parts' boundaries.
      List<String> texts =
          List.of(
              "BT /" + font + " 10 Tf 50 700 Td (alpha beta) Tj ET",
              "BT 50 650 Td (gamma) Tj",
              "0 -50 Td (delta) Tj ET");
      List<PDStream> streams = new ArrayList<>();
      for (String text : texts) {
        streams.add(
            new PDStream(
                document, new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))));
      }
      page.setContents(streams);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      parts = out.toByteArray();
    }
    PdfText expected = PdfTextExtractor.defaults().extract(single);
    PdfText actual = PdfTextExtractor.defaults().extract(parts);
    assertEquals(List.of("alpha beta", "gamma", "delta"), actual.lines());
    assertEquals(expected.positionedLines(), actual.positionedLines());
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
