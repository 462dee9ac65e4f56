package io.github.courtside.scrapers.pdf;

import java.io.IOException;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * A {@link RandomAccessRead} that fails every read once a deadline has passed, so that PDFBox's
 * parser (including its brute-force repair of damaged cross-reference tables) stops in bounded
 * time.
 */
final class DeadlineReader implements RandomAccessRead {
  private final RandomAccessRead delegate;
  private final Deadline deadline;

  DeadlineReader(RandomAccessRead delegate, Deadline deadline) {
    this.delegate = delegate;
    this.deadline = deadline;
  }

  @Override
  public int read() throws IOException {
    deadline.check();
    return delegate.read();
  }

  @Override
  public int read(byte[] b, int offset, int length) throws IOException {
    deadline.check();
    return delegate.read(b, offset, length);
  }

  @Override
  public long getPosition() throws IOException {
    return delegate.getPosition();
  }

  @Override
  public void seek(long position) throws IOException {
    deadline.check();
    delegate.seek(position);
  }

  @Override
  public long length() throws IOException {
    return delegate.length();
  }

  @Override
  public boolean isClosed() {
    return delegate.isClosed();
  }

  @Override
  public int peek() throws IOException {
    deadline.check();
    return delegate.peek();
  }

  @Override
  public void rewind(int bytes) throws IOException {
    delegate.rewind(bytes);
  }

  @Override
  public boolean isEOF() throws IOException {
    return delegate.isEOF();
  }

  @Override
  public int available() throws IOException {
    return delegate.available();
  }

  @Override
  public void skip(int length) throws IOException {
    deadline.check();
    delegate.skip(length);
  }

  @Override
  public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
    deadline.check();
    return delegate.createView(startPosition, streamLength);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
