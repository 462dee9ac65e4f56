package io.github.courtside.scrapers;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;

/**
 * Counts parsed documents in a Micrometer registry (Micrometer is an optional dependency: only this
 * class needs it): {@code courtside.parser.documents}, tags {@code parser} (e.g. {@code gamebook})
 * and {@code status} ({@code complete}, {@code partial}, {@code failed}). Section errors and soft
 * issues are counted by the section tracker ({@code SectionErrorTrackerConfig.meterRegistry}).
 *
 * <pre>{@code
 * GamebookParserConfig config = GamebookParserConfig.builder()
 *     .listener(new MicrometerParseMetrics(registry))
 *     .tracking(SectionErrorTrackerConfig.builder().name("gamebook").meterRegistry(registry).build())
 *     .build();
 * }</pre>
 */
public final class MicrometerParseMetrics implements ParseListener {
  private final MeterRegistry registry;

  /** Metrics in {@code registry}. */
  public MicrometerParseMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void parsed(String parser, ParseStatus status) {
    registry
        .counter(
            "courtside.parser.documents",
            "parser",
            parser,
            "status",
            status.name().toLowerCase(Locale.ROOT))
        .increment();
  }
}
