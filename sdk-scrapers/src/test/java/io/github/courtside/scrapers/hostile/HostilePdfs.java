package io.github.courtside.scrapers.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * Hostile PDFs generated on the fly: each targets one way a parser can lose its time or memory
 * bound. None is written by the project's gamebook writer.
 */
final class HostilePdfs {
  private HostilePdfs() {}

  private static final Map<String, byte[]> MADE = new java.util.concurrent.ConcurrentHashMap<>();

  /** Every case by name, generated once, on first use. */
  static Map<String, Supplier<byte[]>> all() {
    Map<String, Supplier<byte[]>> made = new LinkedHashMap<>();
    cases()
        .forEach((name, make) -> made.put(name, () -> MADE.computeIfAbsent(name, n -> make.get())));
    return made;
  }

  private static Map<String, Supplier<byte[]>> cases() {
    Map<String, Supplier<byte[]>> cases = new LinkedHashMap<>();
    cases.put("decompression-bomb", HostilePdfs::decompressionBomb);
    cases.put("millions-of-glyphs-in-one-Tj", HostilePdfs::millionsOfGlyphs);
    cases.put("lines-of-blanks", HostilePdfs::linesOfBlanks);
    cases.put("deep-array-nesting", HostilePdfs::deepNesting);
    cases.put("deep-q-nesting", HostilePdfs::deepGraphicsStates);
    cases.put("thousands-of-pages", HostilePdfs::thousandsOfPages);
    cases.put("control-bytes", HostilePdfs::controlBytes);
    cases.put("cyclic-page-tree", HostilePdfs::cyclicPageTree);
    cases.put("self-drawing-form", HostilePdfs::selfDrawingForm);
    return cases;
  }

  /**
   * A content stream of one text line and 256 MiB of blanks, compressed to about 260 KB. Built
   * fast: after a full flush the deflater's output for the same input repeats, so one compressed
   * MiB is copied, and the zlib trailer is computed directly.
   */
  static byte[] decompressionBomb() {
    byte[] text =
        "BT /F1 8 Tf 36 700 Td (Officials: #1 A) Tj ET\n".getBytes(StandardCharsets.US_ASCII);
    byte[] blanks = new byte[1 << 20];
    Arrays.fill(blanks, (byte) ' ');
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    byte[] buffer = new byte[1 << 20];
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    deflater.setInput(text);
    out.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH));
    deflater.setInput(blanks);
    int length = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
    deflater.end();
    Adler32 check = new Adler32();
    check.update(text);
    int megabytes = 256;
    for (int i = 0; i < megabytes; i++) {
      out.write(buffer, 0, length);
      check.update(blanks);
    }
    out.write(0x03); // a final, empty, fixed-Huffman block
    out.write(0x00);
    long adler = check.getValue();
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.write((int) (adler >>> shift) & 0xFF);
    }
    return RawPdf.onePage("/Filter /FlateDecode", out.toByteArray());
  }

  /** One show-text operator with four million glyphs. */
  static byte[] millionsOfGlyphs() {
    StringBuilder content = new StringBuilder("BT /F1 8 Tf 36 700 Td (");
    content.append("A".repeat(4_000_000)).append(") Tj ET\n");
    return RawPdf.onePage("/Filter /FlateDecode", deflate(content.toString()));
  }

  /** Gamebook-like lines holding tens of thousands of blanks between their tokens. */
  static byte[] linesOfBlanks() {
    String blanks = " ".repeat(30_000);
    StringBuilder content = new StringBuilder("BT /F1 8 Tf 36 700 Td 10 TL\n");
    content.append("(VISITOR: Memphis Grizzlies) Tj T*\n");
    content.append("(1").append(blanks).append("Jaren Jackson").append(" ").append(") Tj T*\n");
    content.append("(Inactive:").append(blanks).append("x (").append(") Tj T*\n");
    content.append("ET\n");
    return RawPdf.onePage("/Filter /FlateDecode", deflate(content.toString()));
  }

  /** A page dictionary entry nested 400,000 arrays deep. */
  static byte[] deepNesting() {
    RawPdf pdf = new RawPdf();
    int catalog = pdf.reserve();
    int pages = pdf.reserve();
    int content =
        pdf.stream("", "BT /F1 8 Tf 36 700 Td (HOME: x) Tj ET".getBytes(StandardCharsets.US_ASCII));
    int page =
        pdf.add(
            "<< /Type /Page /Parent "
                + pages
                + " 0 R /MediaBox [0 0 612 792] /Contents "
                + content
                + " 0 R /Deep "
                + "[".repeat(400_000)
                + "]".repeat(400_000)
                + " >>");
    pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
    pdf.set(pages, "<< /Type /Pages /Kids [" + page + " 0 R] /Count 1 >>");
    return pdf.toBytes(catalog);
  }

  /** A million nested graphics states and text objects. */
  static byte[] deepGraphicsStates() {
    String content = "q ".repeat(1_000_000) + "BT /F1 8 Tf 36 700 Td (HOME: x) Tj ET\n";
    return RawPdf.onePage("/Filter /FlateDecode", deflate(content));
  }

  /** 5,000 pages each showing a line of text. */
  static byte[] thousandsOfPages() {
    RawPdf pdf = new RawPdf();
    int catalog = pdf.reserve();
    int pages = pdf.reserve();
    int font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    int content =
        pdf.stream(
            "",
            "BT /F1 8 Tf 36 700 Td (VISITOR: Memphis Grizzlies) Tj ET"
                .getBytes(StandardCharsets.US_ASCII));
    StringBuilder kids = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      int page =
          pdf.add(
              "<< /Type /Page /Parent "
                  + pages
                  + " 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 "
                  + font
                  + " 0 R >> >> /Contents "
                  + content
                  + " 0 R >>");
      kids.append(page).append(" 0 R ");
    }
    pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
    pdf.set(pages, "<< /Type /Pages /Kids [" + kids + "] /Count 5000 >>");
    return pdf.toBytes(catalog);
  }

  /** Lines of control bytes, some inside gamebook-like lines. */
  static byte[] controlBytes() {
    StringBuilder content = new StringBuilder("BT /F1 8 Tf 36 700 Td 10 TL\n");
    java.util.Random random = new java.util.Random(7);
    for (int line = 0; line < 60; line++) {
      content.append("(");
      if (line % 3 == 0) {
        content.append(line % 2 == 0 ? "VISITOR: " : "HOME: ");
      }
      for (int i = 0; i < 80; i++) {
        int b = random.nextInt(32);
        content.append(String.format("\\%03o", b));
      }
      content.append(") Tj T*\n");
    }
    content.append("ET\n");
    return RawPdf.onePage("", content.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** A page tree whose node lists itself and its page lists the tree as its parent and kid. */
  static byte[] cyclicPageTree() {
    RawPdf pdf = new RawPdf();
    int catalog = pdf.reserve();
    int pages = pdf.reserve();
    int inner = pdf.reserve();
    int resources = pdf.reserve();
    pdf.set(resources, "<< /Self " + resources + " 0 R /Font << >> >>");
    pdf.set(
        inner,
        "<< /Type /Pages /Parent "
            + pages
            + " 0 R /Kids ["
            + pages
            + " 0 R "
            + inner
            + " 0 R] /Count 2 >>");
    pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
    pdf.set(
        pages,
        "<< /Type /Pages /Kids [" + inner + " 0 R] /Count 2 /Resources " + resources + " 0 R >>");
    return pdf.toBytes(catalog);
  }

  /** A form XObject that draws itself, and a page that draws it. */
  static byte[] selfDrawingForm() {
    RawPdf pdf = new RawPdf();
    int catalog = pdf.reserve();
    int pages = pdf.reserve();
    int font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    int form = pdf.reserve();
    int formResources =
        pdf.add("<< /XObject << /X " + form + " 0 R >> /Font << /F1 " + font + " 0 R >> >>");
    byte[] formContent =
        "BT /F1 8 Tf 36 700 Td (HOME: x) Tj ET /X Do".getBytes(StandardCharsets.US_ASCII);
    pdf.set(
        form,
        "<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources "
            + formResources
            + " 0 R /Length "
            + formContent.length
            + " >>\nstream\n"
            + new String(formContent, StandardCharsets.ISO_8859_1)
            + "\nendstream");
    int content = pdf.stream("", "/X Do".getBytes(StandardCharsets.US_ASCII));
    int page =
        pdf.add(
            "<< /Type /Page /Parent "
                + pages
                + " 0 R /MediaBox [0 0 612 792] /Resources "
                + formResources
                + " 0 R /Contents "
                + content
                + " 0 R >>");
    pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
    pdf.set(pages, "<< /Type /Pages /Kids [" + page + " 0 R] /Count 1 >>");
    return pdf.toBytes(catalog);
  }

  static byte[] deflate(String text) {
    byte[] input = text.getBytes(StandardCharsets.ISO_8859_1);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    deflater.setInput(input);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }
}
