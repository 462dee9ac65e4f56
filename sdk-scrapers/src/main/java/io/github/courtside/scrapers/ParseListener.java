package io.github.courtside.scrapers;

/**
 * Hears every document a parser finishes, whatever its status, e.g. to count documents by status
 * ({@link MicrometerParseMetrics}). Called on the parsing thread; it must be quick and must not
 * throw.
 *
 * <pre>{@code
 * GamebookParserConfig config = GamebookParserConfig.builder()
 *     .listener(new MicrometerParseMetrics(registry))
 *     .build();
 * }</pre>
 */
public interface ParseListener {
  /** Hears nothing. */
  ParseListener NONE = (parser, status) -> {};

  /**
   * A document was parsed.
   *
   * @param parser the parser's name, e.g. {@code gamebook}
   * @param status the document's status
   */
  void parsed(String parser, ParseStatus status);
}
