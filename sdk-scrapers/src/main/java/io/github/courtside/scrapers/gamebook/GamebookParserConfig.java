package io.github.courtside.scrapers.gamebook;

import io.github.courtside.core.tracking.SectionErrorTrackerConfig;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import io.github.courtside.scrapers.pdf.TimeBudget;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable configuration of a {@link GamebookParser}: how text is extracted (time and size bounds)
 * and how sections are tracked (thresholds, metrics).
 *
 * <pre>{@code
 * GamebookParserConfig config = GamebookParserConfig.builder()
 *     .extractor(PdfTextExtractor.builder().timeout(Duration.ofMillis(1500)).build())
 *     .tracking(SectionErrorTrackerConfig.builder().name("gamebook").meterRegistry(registry).build())
 *     .build();
 * }</pre>
 */
public final class GamebookParserConfig {
  private final PdfTextExtractor extractor;
  private final SectionErrorTrackerConfig tracking;
  private final TimeBudget timeBudget;

  private GamebookParserConfig(Builder builder) {
    this.timeBudget = TimeBudget.of(builder.timeBudget);
    this.extractor = builder.extractor;
    this.tracking = builder.tracking;
  }

  /**
   * The defaults: a 2 s hard budget per document, 1.5 s / 32 MiB / 100 pages extraction, threshold
   * 5 per section.
   */
  public static GamebookParserConfig defaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The text extractor. */
  public PdfTextExtractor extractor() {
    return extractor;
  }

  /** The section tracking configuration. */
  public SectionErrorTrackerConfig tracking() {
    return tracking;
  }

  /** The hard wall-clock budget of one document, extraction and parsing together. */
  public Duration timeBudget() {
    return timeBudget.limit();
  }

  TimeBudget budget() {
    return timeBudget;
  }

  /** Builds a {@link GamebookParserConfig}. */
  public static final class Builder {
    private PdfTextExtractor extractor = PdfTextExtractor.withDefaults();
    private SectionErrorTrackerConfig tracking =
        SectionErrorTrackerConfig.builder().name("gamebook").build();

    private Duration timeBudget = Duration.ofSeconds(2);

    private Builder() {}

    /**
     * The hard wall-clock budget of one document, extraction and parsing together (default 2 s): a
     * document still being worked on then gives a FAILED result with reason TIMED_OUT.
     */
    public Builder timeBudget(Duration timeBudget) {
      Objects.requireNonNull(timeBudget, "timeBudget");
      if (timeBudget.isNegative() || timeBudget.isZero()) {
        throw new IllegalArgumentException("timeBudget must be positive, got " + timeBudget);
      }
      this.timeBudget = timeBudget;
      return this;
    }

    /** The text extractor with its time and size bounds. */
    public Builder extractor(PdfTextExtractor extractor) {
      this.extractor = Objects.requireNonNull(extractor, "extractor");
      return this;
    }

    /** Section thresholds, sample size, clock and meter registry. */
    public Builder tracking(SectionErrorTrackerConfig tracking) {
      this.tracking = Objects.requireNonNull(tracking, "tracking");
      return this;
    }

    /** The configuration. */
    public GamebookParserConfig build() {
      return new GamebookParserConfig(this);
    }
  }
}
