package io.github.courtside.testkit.injury;

import java.util.Arrays;
import java.util.Objects;

/**
 * A drawn injury report, the layout it was rendered in and the PDF.
 *
 * @param draft what the report says (and what a parser must read back)
 * @param layout the layout variant
 * @param pdf the PDF bytes (the same for the same draft and layout)
 */
public record RenderedInjuryReport(
    InjuryReportDraft draft, InjuryReportPdfWriter.Layout layout, byte[] pdf) {
  /** Copies the bytes. */
  public RenderedInjuryReport {
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(layout, "layout");
    pdf = pdf.clone();
  }

  /** A copy of the PDF bytes. */
  @Override
  public byte[] pdf() {
    return pdf.clone();
  }

  /** Equal draft, layout and bytes. */
  @Override
  public boolean equals(Object other) {
    return other instanceof RenderedInjuryReport r
        && draft.equals(r.draft)
        && layout.equals(r.layout)
        && Arrays.equals(pdf, r.pdf);
  }

  @Override
  public int hashCode() {
    return Objects.hash(draft, layout, Arrays.hashCode(pdf));
  }

  @Override
  public String toString() {
    return "RenderedInjuryReport["
        + draft.games().size()
        + " games, "
        + layout
        + ", "
        + pdf.length
        + " bytes]";
  }
}
