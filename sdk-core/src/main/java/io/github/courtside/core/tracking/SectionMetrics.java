package io.github.courtside.core.tracking;

/** Where a tracker's counters go; Micrometer only when a registry was configured. */
interface SectionMetrics {
  SectionMetrics NONE = new SectionMetrics() {};

  default void recorded(String section, ProblemKind kind) {}

  default void becameIncomplete(String section) {}

  static SectionMetrics of(SectionErrorTrackerConfig config) {
    // Only touch Micrometer classes when the caller gave a registry: micrometer-core is optional.
    return config.meterRegistry().isPresent() ? MicrometerSectionMetrics.create(config) : NONE;
  }
}
