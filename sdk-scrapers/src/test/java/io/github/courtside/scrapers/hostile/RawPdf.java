package io.github.courtside.scrapers.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes PDFs object by object, so tests can build structures no PDF library would write. */
final class RawPdf {
  private final List<byte[]> objects = new ArrayList<>();

  /** Adds an object body (without "n 0 obj"/"endobj"); returns its number. */
  int add(String body) {
    return add(body.getBytes(StandardCharsets.ISO_8859_1));
  }

  int add(byte[] body) {
    objects.add(body);
    return objects.size();
  }

  /** Reserves an object number whose body is set later. */
  int reserve() {
    return add(new byte[0]);
  }

  void set(int number, String body) {
    objects.set(number - 1, body.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** A stream object with the given dictionary entries and (already encoded) data. */
  int stream(String dictionary, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "<< " + dictionary + " /Length " + data.length + " >>\nstream\n");
    out.writeBytes(data);
    write(out, "\nendstream");
    return add(out.toByteArray());
  }

  byte[] toBytes(int root) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    long[] offsets = new long[objects.size()];
    for (int i = 0; i < objects.size(); i++) {
      offsets[i] = out.size();
      write(out, (i + 1) + " 0 obj\n");
      out.writeBytes(objects.get(i));
      write(out, "\nendobj\n");
    }
    long xref = out.size();
    StringBuilder table = new StringBuilder();
    table.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    for (long offset : offsets) {
      table.append(String.format("%010d 00000 n \n", offset));
    }
    table
        .append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root ")
        .append(root)
        .append(" 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    write(out, table.toString());
    return out.toByteArray();
  }

  /** A one-page document around a content stream (font F1 is Helvetica). */
  static byte[] onePage(String contentDictionary, byte[] content) {
    RawPdf pdf = new RawPdf();
    int catalog = pdf.reserve();
    int pages = pdf.reserve();
    int font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    int stream = pdf.stream(contentDictionary, content);
    int page =
        pdf.add(
            "<< /Type /Page /Parent "
                + pages
                + " 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 "
                + font
                + " 0 R >> >> /Contents "
                + stream
                + " 0 R >>");
    pdf.set(catalog, "<< /Type /Catalog /Pages " + pages + " 0 R >>");
    pdf.set(pages, "<< /Type /Pages /Kids [" + page + " 0 R] /Count 1 >>");
    return pdf.toBytes(catalog);
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
