package io.github.courtside.examples;

/**
 * Keeps PDFBox's warnings about damaged streams and substituted fonts off the console of the parse
 * commands (they are not about the user's data), unless the user configured the level.
 */
final class PdfBoxLogging {
  private PdfBoxLogging() {}

  /** Sets slf4j-simple's level for PDFBox and FontBox to ERROR unless already set. */
  static void quiet() {
    for (String logger : new String[] {"org.apache.pdfbox", "org.apache.fontbox"}) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "error");
      }
    }
  }
}
