package io.github.courtside.core.tracking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters in a Micrometer registry, tagged with the tracker name and the section. */
final class MicrometerSectionMetrics implements SectionMetrics {
  static final String ERRORS = "courtside.section.errors";
  static final String ISSUES = "courtside.section.issues";
  static final String INCOMPLETE = "courtside.section.incomplete";

  private final MeterRegistry registry;
  private final String tracker;

  private MicrometerSectionMetrics(MeterRegistry registry, String tracker) {
    this.registry = registry;
    this.tracker = tracker;
  }

  static SectionMetrics create(SectionErrorTrackerConfig config) {
    return new MicrometerSectionMetrics(config.meterRegistry().orElseThrow(), config.name());
  }

  @Override
  public void recorded(String section, ProblemKind kind) {
    counter(kind == ProblemKind.ERROR ? ERRORS : ISSUES, section).increment();
  }

  @Override
  public void becameIncomplete(String section) {
    counter(INCOMPLETE, section).increment();
  }

  private Counter counter(String name, String section) {
    return Counter.builder(name)
        .description("problems recorded by section error trackers")
        .tag("tracker", tracker)
        .tag("section", section)
        .register(registry);
  }
}
