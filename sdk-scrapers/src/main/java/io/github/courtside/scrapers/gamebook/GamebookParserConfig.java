package io.github.courtside.scrapers.gamebook;

import io.github.courtside.core.ValueStyle;
import io.github.courtside.core.tracking.SectionErrorTrackerConfig;
import io.github.courtside.scrapers.DocumentParserConfig;
import org.immutables.value.Value;

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
@ValueStyle
@Value.Immutable
public abstract class GamebookParserConfig extends DocumentParserConfig {
  GamebookParserConfig() {}

  /** The defaults: a 2 s hard budget per document, default extraction, threshold 5 per section. */
  public static GamebookParserConfig defaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** A tracker named {@code gamebook} with the default thresholds unless set. */
  @Override
  @Value.Default
  public SectionErrorTrackerConfig tracking() {
    return SectionErrorTrackerConfig.builder().name("gamebook").build();
  }

  /** Builds a GamebookParser's configuration; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableGamebookParserConfig.Builder {
    Builder() {}
  }
}
