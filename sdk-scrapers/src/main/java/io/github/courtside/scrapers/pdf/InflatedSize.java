package io.github.courtside.scrapers.pdf;

import io.github.courtside.scrapers.pdf.PdfExtractionException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.jspecify.annotations.Nullable;

/**
 * Refuses decompression bombs before PDFBox inflates them: PDFBox decodes a stream wholly into
 * memory, so every Flate-compressed non-image stream is first inflated into a small discard buffer
 * and counted, stopping at the per-document limit.
 */
final class InflatedSize {
  private InflatedSize() {}

  static void check(COSDocument document, long maxBytes, Deadline deadline) throws IOException {
    long total = 0;
    byte[] discard = new byte[16 * 1024];
    for (COSObjectKey key : List.copyOf(document.getXrefTable().keySet())) {
      COSStream stream = streamAt(document, key);
      if (stream == null || COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
        continue;
      }
      if (!firstFilterIsFlate(stream.getFilters())) {
        continue;
      }
      try (InputStream raw = stream.createRawInputStream();
          InputStream inflated = new InflaterInputStream(raw, new Inflater(), 4096)) {
        int read;
        while ((read = inflated.read(discard)) > 0) {
          total += read;
          if (total > maxBytes) {
            throw new PdfExtractionException(
                Reason.TOO_LARGE,
                "compressed streams inflate to more than "
                    + maxBytes
                    + " bytes (object "
                    + key.getNumber()
                    + ")");
          }
          deadline.check();
        }
      } catch (java.util.zip.ZipException | java.io.EOFException e) {
        // damaged data: PDFBox reads what it can, as it would without this check
      }
    }
  }

  private static @Nullable COSStream streamAt(COSDocument document, COSObjectKey key) {
    try {
      COSObject object = document.getObjectFromPool(key);
      COSBase base = object == null ? null : object.getObject();
      return base instanceof COSStream stream ? stream : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean firstFilterIsFlate(COSBase filters) {
    COSBase first = filters instanceof COSArray array && array.size() > 0 ? array.get(0) : filters;
    return COSName.FLATE_DECODE.equals(first) || COSName.FLATE_DECODE_ABBREVIATION.equals(first);
  }
}
