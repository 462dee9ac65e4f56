package io.github.courtside.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Not API: the file identifier the testkit's PDF writers put in a document's trailer, taken from
 * the content rather than the clock, so the same content gives the same bytes.
 */
public final class PdfFileIds {
  private PdfFileIds() {}

  /** Sets the trailer {@code /ID} of {@code document} to the MD5 of {@code content}, twice. */
  public static void stamp(PDDocument document, String content) {
    byte[] id = md5(content);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    document.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  private static byte[] md5(String content) {
    try {
      return MessageDigest.getInstance("MD5").digest(content.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is a required JDK algorithm", e);
    }
  }
}
