package io.github.courtside.scrapers.pdf;

import java.io.IOException;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdfparser.PDFParser;

/**
 * PDFBox's parser with the inflated-size limit on the streams PDFBox decodes for itself while it
 * loads a document, before any page is read: cross-reference streams ({@code /Type /XRef}, never
 * encrypted) are decoded under the limit as they are parsed, and a compressed object stream ({@code
 * /Type /ObjStm}, PDF 1.5) just before its objects are read, after decryption when the document is
 * encrypted. A bomb in either is refused with the limit's {@link PdfExtractionException} instead of
 * inflating into the heap.
 */
final class LimitedParser extends PDFParser {
  private final DecodedStreams limit;

  LimitedParser(RandomAccessRead source, StreamCacheCreateFunction cache, DecodedStreams limit)
      throws IOException {
    super(source, "", null, null, cache);
    this.limit = limit;
  }

  @Override
  protected COSStream parseCOSStream(COSDictionary dictionary) throws IOException {
    COSStream stream = super.parseCOSStream(dictionary);
    if (COSName.XREF.equals(stream.getCOSName(COSName.TYPE))) {
      limit.substitute(stream, "cross-reference stream");
    }
    return stream;
  }

  @Override
  protected COSBase parseObjectStreamObject(long objectStream, COSObjectKey key)
      throws IOException {
    COSObject holder = document.getObjectFromPool(new COSObjectKey(objectStream, 0));
    if (holder != null && holder.getObject() instanceof COSStream stream) {
      limit.substitute(stream, "object stream " + objectStream);
    }
    return super.parseObjectStreamObject(objectStream, key);
  }
}
