package io.github.courtside.scrapers.pdf;

import io.github.courtside.scrapers.pdf.PdfExtractionException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the document's streams once, under a size limit, before PDFBox reads them: PDFBox decodes
 * a stream wholly into memory, so a decompression bomb behind any of the filters text extraction
 * applies (Flate, LZW, RunLength, ASCII85, ASCIIHex, in any chain) would exhaust the heap. Every
 * non-image stream whose filters are all of those is decoded through PDFBox's own filters into a
 * buffer that refuses to grow past what is left of the per-document limit, reading and writing
 * through checks of the deadline and the thread's interrupt flag (decoded once; a stream that grows
 * past 8 MiB is counted on without keeping anything, so a bomb is refused without allocating its
 * output, and decoded again only if it fits); the decoded bytes then replace the stream's encoded
 * ones, so PDFBox does not decode it a second time. Image streams are skipped (text extraction does
 * not decode them); damaged data is left for PDFBox to read as it can. The streams PDFBox decodes
 * while it loads the document (cross-reference streams, object streams) go through the same limit
 * as they are parsed ({@link LimitedParser}); the rest once the document is loaded ({@link
 * #decodeAll}).
 */
final class DecodedStreams {
  private static final Set<COSName> TEXT_FILTERS =
      Set.of(
          COSName.FLATE_DECODE,
          COSName.FLATE_DECODE_ABBREVIATION,
          COSName.LZW_DECODE,
          COSName.LZW_DECODE_ABBREVIATION,
          COSName.RUN_LENGTH_DECODE,
          COSName.RUN_LENGTH_DECODE_ABBREVIATION,
          COSName.ASCII85_DECODE,
          COSName.ASCII85_DECODE_ABBREVIATION,
          COSName.ASCII_HEX_DECODE,
          COSName.ASCII_HEX_DECODE_ABBREVIATION);

  /** What a stream may decode to before it is only counted (then decoded again if it fits). */
  private static final long KEEP_AT_ONCE = 8L << 20;

  private final long maxBytes;
  private final Deadline deadline;
  private long total;
  private @Nullable PdfExtractionException failure;

  /** The limiter of one document: at most {@code maxBytes} decoded in all. */
  DecodedStreams(long maxBytes, Deadline deadline) {
    this.maxBytes = maxBytes;
    this.deadline = deadline;
  }

  /** Why the limit stopped the document, once it did (PDFBox may swallow the exception). */
  @Nullable PdfExtractionException failure() {
    return failure;
  }

  /**
   * Decodes every remaining encoded stream of the document (the page contents, forms, fonts), under
   * what is left of the limit.
   *
   * @throws PdfExtractionException with {@link Reason#TOO_LARGE} past the limit
   * @throws Deadline.Expired once the deadline passed or the thread was interrupted
   */
  void decodeAll(COSDocument document) throws IOException {
    for (COSObjectKey key : List.copyOf(document.getXrefTable().keySet())) {
      deadline.check();
      COSStream stream = streamAt(document, key);
      if (stream != null) {
        substitute(stream, "object " + key.getNumber());
      }
    }
  }

  /**
   * Decodes one stream under what is left of the limit and puts the decoded bytes in place of its
   * encoded ones (its filters removed), so PDFBox never decodes it itself. Image streams, streams
   * without filters or with a filter other than the text filters, and damaged data are left as they
   * are.
   *
   * @param what names the stream in the error ("object 12", "object stream 3")
   * @throws PdfExtractionException with {@link Reason#TOO_LARGE} past the limit
   * @throws Deadline.Expired once the deadline passed or the thread was interrupted
   */
  void substitute(COSStream stream, String what) throws IOException {
    if (failure != null) {
      throw failure;
    }
    if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
      return;
    }
    List<COSName> filters = filters(stream.getFilters());
    if (filters == null || filters.isEmpty()) {
      return;
    }
    byte[] decoded;
    try {
      decoded = decode(stream, filters, maxBytes - total, deadline);
    } catch (TooLarge e) {
      failure =
          new PdfExtractionException(
              Reason.TOO_LARGE,
              "compressed streams decode to more than "
                  + maxBytes
                  + " bytes ("
                  + what
                  + ", filters "
                  + filters
                  + ")");
      throw failure;
    } catch (Deadline.Expired e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      return; // damaged data: PDFBox reads what it can, as it would without this step
    }
    total += decoded.length;
    try (OutputStream raw = stream.createRawOutputStream()) {
      raw.write(decoded);
    }
    stream.removeItem(COSName.FILTER);
    stream.removeItem(COSName.DECODE_PARMS);
  }

  private static byte[] decode(
      COSStream stream, List<COSName> filters, long limit, Deadline deadline) throws IOException {
    byte[] data;
    try (InputStream raw = stream.createRawInputStream()) {
      data = raw.readAllBytes();
    }
    // Decoded once, kept while it stays small; a stream that grows past that is counted on, keeping
    // nothing, so a bomb is refused without allocating its output, and decoded again if it fits.
    byte[] decoded = decode(stream, filters, data, limit, deadline, KEEP_AT_ONCE);
    if (decoded == null) {
      decoded = decode(stream, filters, data, limit, deadline, limit);
    }
    if (decoded == null) {
      throw new IllegalStateException("a stream within the limit was not kept");
    }
    return decoded;
  }

  /** The decoded bytes, or null when they grew past {@code keepUpTo} (and stayed in the limit). */
  private static byte @Nullable [] decode(
      COSStream stream,
      List<COSName> filters,
      byte[] encoded,
      long limit,
      Deadline deadline,
      long keepUpTo)
      throws IOException {
    byte[] data = encoded;
    for (int i = 0; i < filters.size(); i++) {
      Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
      Limited out = new Limited(limit, deadline, i < filters.size() - 1 ? limit : keepUpTo);
      filter.decode(new Checked(data, deadline), out, stream, i);
      if (out.dropped()) {
        return null;
      }
      data = out.toByteArray();
    }
    return data;
  }

  /** The stream's filters, or null when one of them is not a text filter. */
  private static @Nullable List<COSName> filters(@Nullable COSBase filters) {
    List<COSName> names = new ArrayList<>();
    if (filters instanceof COSName name) {
      names.add(name);
    } else if (filters instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (!(array.getObject(i) instanceof COSName name)) {
          return null;
        }
        names.add(name);
      }
    } else if (filters != null) {
      return null;
    }
    for (COSName name : names) {
      if (!TEXT_FILTERS.contains(name)) {
        return null;
      }
    }
    return names;
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

  /** Past the limit. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("decoded stream too large");
    }
  }

  /**
   * A buffer that refuses to grow past a limit and checks the deadline every 64 KiB; past {@code
   * keepUpTo} bytes it drops what it kept and only counts.
   */
  private static final class Limited extends OutputStream {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
    private final long limit;
    private final Deadline deadline;
    private final long keepUpTo;
    private boolean keep = true;
    private long size;
    private long sinceCheck;

    Limited(long limit, Deadline deadline, long keepUpTo) {
      this.limit = limit;
      this.deadline = deadline;
      this.keepUpTo = keepUpTo;
    }

    private void grow(int length) throws IOException {
      size += length;
      if (size > limit) {
        throw new TooLarge();
      }
      if (keep && size > keepUpTo) {
        keep = false;
        buffer.reset();
      }
      sinceCheck += length;
      if (sinceCheck >= 1 << 16) {
        sinceCheck = 0;
        deadline.check();
      }
    }

    @Override
    public void write(int b) throws IOException {
      grow(1);
      if (keep) {
        buffer.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      grow(len);
      if (keep) {
        buffer.write(b, off, len);
      }
    }

    /** Whether it grew past what it keeps. */
    boolean dropped() {
      return !keep;
    }

    byte[] toByteArray() {
      return buffer.toByteArray();
    }
  }

  /** The encoded bytes, read through checks of the deadline every 64 KiB. */
  private static final class Checked extends FilterInputStream {
    private final Deadline deadline;
    private long sinceCheck;

    Checked(byte[] data, Deadline deadline) {
      super(new java.io.ByteArrayInputStream(data));
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      if (++sinceCheck >= 1 << 16) {
        sinceCheck = 0;
        deadline.check();
      }
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      sinceCheck += len;
      if (sinceCheck >= 1 << 16) {
        sinceCheck = 0;
        deadline.check();
      }
      return super.read(b, off, len);
    }
  }
}
