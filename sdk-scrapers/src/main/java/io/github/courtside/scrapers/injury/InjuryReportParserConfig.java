package io.github.courtside.scrapers.injury;

import io.github.courtside.core.ValueStyle;
import io.github.courtside.core.tracking.SectionErrorTrackerConfig;
import io.github.courtside.scrapers.DocumentParserConfig;
import org.immutables.value.Value;

/**
 * Immutable configuration of an {@link InjuryReportParser}: how text is extracted (time and size
 * bounds), how sections are tracked, the hard budget per document and who hears each report.
 *
 * <pre>{@code
 * InjuryReportParser parser = InjuryReportParser.create(InjuryReportParserConfig.builder()
 *     .timeBudget(Duration.ofSeconds(5))
 *     .listener(new MicrometerParseMetrics(registry))
 *     .build());
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class InjuryReportParserConfig extends DocumentParserConfig {
  InjuryReportParserConfig() {}

  /** The defaults: a 2 s hard budget per document, default extraction, threshold 5 per section. */
  public static InjuryReportParserConfig defaults() {
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

  /** A tracker named {@code injury_report} with the default thresholds unless set. */
  @Override
  @Value.Default
  public SectionErrorTrackerConfig tracking() {
    return SectionErrorTrackerConfig.builder().name("injury_report").build();
  }

  /** Builds an InjuryReportParser's configuration; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableInjuryReportParserConfig.Builder {
    Builder() {}
  }
}
