package io.github.courtside.scrapers.pdf;

import java.io.IOException;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * A page's decoded content held in one array, read with plain index arithmetic: the content-stream
 * parser peeks and rewinds around every token, which PDFBox's chunked buffers and sequence readers
 * answer with a seek each time.
 */
final class ContentBytes implements RandomAccessRead {
  private final byte[] bytes;
  private int position;
  private boolean closed;

  ContentBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public int read() {
    return position < bytes.length ? bytes[position++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    int available = bytes.length - position;
    if (available <= 0) {
      return -1;
    }
    int count = Math.min(length, available);
    System.arraycopy(bytes, position, target, offset, count);
    position += count;
    return count;
  }

  @Override
  public int peek() {
    return position < bytes.length ? bytes[position] & 0xFF : -1;
  }

  @Override
  public void rewind(int count) throws IOException {
    seek((long) position - count);
  }

  @Override
  public long getPosition() {
    return position;
  }

  @Override
  public void seek(long target) throws IOException {
    if (target < 0) {
      throw new IOException("Invalid position " + target);
    }
    position = (int) Math.min(target, bytes.length);
  }

  @Override
  public long length() {
    return bytes.length;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean isEOF() {
    return position >= bytes.length;
  }

  @Override
  public int available() {
    return Math.max(0, bytes.length - position);
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public RandomAccessReadView createView(long start, long length) {
    return new RandomAccessReadView(this, start, length);
  }
}
