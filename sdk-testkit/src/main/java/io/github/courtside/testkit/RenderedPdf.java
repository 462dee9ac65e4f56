package io.github.courtside.testkit;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a PDF generator drew, the layout it was rendered in and the PDF bytes: the part a rendered
 * gamebook and a rendered injury report share. Immutable (the bytes are copied in and out); equal
 * when of the same kind with equal content, layout and bytes.
 *
 * @param <C> what the document says (and what a parser must read back)
 * @param <L> the layout variant
 */
public abstract class RenderedPdf<C, L> {
  private final C content;
  private final L layout;
  private final byte[] pdf;

  /**
   * Copies the bytes.
   *
   * @param content what the document says, named {@code contentName} in errors
   * @param contentName the name of the content for the null check
   * @param layout the layout variant, named {@code layoutName} in errors
   * @param layoutName the name of the layout for the null check
   * @param pdf the PDF bytes
   */
  protected RenderedPdf(C content, String contentName, L layout, String layoutName, byte[] pdf) {
    this.content = Objects.requireNonNull(content, contentName);
    this.layout = Objects.requireNonNull(layout, layoutName);
    this.pdf = pdf.clone();
  }

  /** What the document says. */
  protected final C renderedContent() {
    return content;
  }

  /** The layout variant. */
  protected final L renderedLayout() {
    return layout;
  }

  /** The number of PDF bytes (no copy). */
  protected final int length() {
    return pdf.length;
  }

  /** A copy of the PDF bytes. */
  public final byte[] pdf() {
    return pdf.clone();
  }

  /** Same kind, equal content, layout and bytes. */
  @Override
  public final boolean equals(Object other) {
    return other instanceof RenderedPdf<?, ?> r
        && getClass() == r.getClass()
        && content.equals(r.content)
        && layout.equals(r.layout)
        && Arrays.equals(pdf, r.pdf);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(content, layout, Arrays.hashCode(pdf));
  }
}
