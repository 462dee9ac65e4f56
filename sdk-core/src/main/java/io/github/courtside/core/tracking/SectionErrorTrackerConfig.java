package io.github.courtside.core.tracking;

import io.github.courtside.core.ValueStyle;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Immutable configuration of {@link SectionErrorTracker}s: thresholds, sample size, clock and an
 * optional Micrometer registry.
 *
 * <pre>{@code
 * SectionErrorTrackerConfig config = SectionErrorTrackerConfig.builder()
 *     .name("gamebook")                       // metric tag, low cardinality
 *     .defaultThreshold(5)                    // errors that make a section incomplete
 *     .threshold("stat_line_parsing", 10)     // per-section override
 *     .maxSamples(5)                          // first problems kept per section and kind
 *     .meterRegistry(registry)                // optional
 *     .build();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class SectionErrorTrackerConfig {
  /** The threshold used when none is configured: an old-platform constant (spec §A.16). */
  public static final int DEFAULT_THRESHOLD = 5;

  /** The number of samples kept per section and kind when none is configured. */
  public static final int DEFAULT_MAX_SAMPLES = 5;

  SectionErrorTrackerConfig() {}

  /** A builder with the defaults: name "default", threshold 5, 5 samples, UTC system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static SectionErrorTrackerConfig defaults() {
    return builder().build();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The tracker kind, e.g. {@code "gamebook"}, used as the {@code tracker} metric tag and in log
   * lines, so keep it low-cardinality. Default {@code default}.
   */
  @Value.Default
  public String name() {
    return "default";
  }

  /** Errors at which a section without an override becomes incomplete; at least 1. Default 5. */
  @Value.Default
  public int defaultThreshold() {
    return DEFAULT_THRESHOLD;
  }

  /**
   * The per-section overrides (errors at which the named section becomes incomplete; at least 1),
   * unmodifiable, in the order they were set.
   */
  public abstract Map<String, Integer> thresholds();

  /** The threshold of one section: its override or the default. */
  public int thresholdFor(String section) {
    return thresholds().getOrDefault(section, defaultThreshold());
  }

  /** How many errors and how many issues are kept as samples per section; 0 keeps counts only. */
  @Value.Default
  public int maxSamples() {
    return DEFAULT_MAX_SAMPLES;
  }

  /** The clock stamping each problem (tests pass a fixed clock). Default UTC system clock. */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The registry that receives counters {@code courtside.section.errors}, {@code
   * courtside.section.issues} and {@code courtside.section.incomplete}, tagged {@code tracker} and
   * {@code section}, if any.
   */
  public abstract Optional<MeterRegistry> meterRegistry();

  @Value.Check
  void check() {
    if (name().isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    positive(defaultThreshold(), "defaultThreshold");
    thresholds().forEach((section, threshold) -> positive(threshold, "threshold of " + section));
    if (maxSamples() < 0) {
      throw new IllegalArgumentException("maxSamples must be >= 0, got " + maxSamples());
    }
  }

  private static void positive(int value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be >= 1, got " + value);
    }
  }

  @Override
  public String toString() {
    return "SectionErrorTrackerConfig{name="
        + name()
        + ", defaultThreshold="
        + defaultThreshold()
        + ", thresholds="
        + thresholds()
        + ", maxSamples="
        + maxSamples()
        + ", metrics="
        + meterRegistry().isPresent()
        + "}";
  }

  /** Builds a {@link SectionErrorTrackerConfig}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableSectionErrorTrackerConfig.Builder {
    Builder() {}

    /** Errors at which the named section becomes incomplete; at least 1. */
    public Builder threshold(String section, int threshold) {
      return putThresholds(section, threshold);
    }
  }
}
