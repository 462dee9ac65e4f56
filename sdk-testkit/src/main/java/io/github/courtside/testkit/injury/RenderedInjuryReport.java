package io.github.courtside.testkit.injury;

import io.github.courtside.testkit.RenderedPdf;

/**
 * A drawn injury report, the layout it was rendered in and the PDF. Immutable; equal draft, layout
 * and bytes make equal values.
 */
public final class RenderedInjuryReport
    extends RenderedPdf<InjuryReportDraft, InjuryReportPdfWriter.Layout> {
  /**
   * Copies the bytes.
   *
   * @param draft what the report says (and what a parser must read back)
   * @param layout the layout variant
   * @param pdf the PDF bytes (the same for the same draft and layout)
   */
  public RenderedInjuryReport(
      InjuryReportDraft draft, InjuryReportPdfWriter.Layout layout, byte[] pdf) {
    super(draft, "draft", layout, "layout", pdf);
  }

  /** What the report says (and what a parser must read back). */
  public InjuryReportDraft draft() {
    return renderedContent();
  }

  /** The layout variant. */
  public InjuryReportPdfWriter.Layout layout() {
    return renderedLayout();
  }

  @Override
  public String toString() {
    return "RenderedInjuryReport["
        + draft().games().size()
        + " games, "
        + layout()
        + ", "
        + length()
        + " bytes]";
  }
}
