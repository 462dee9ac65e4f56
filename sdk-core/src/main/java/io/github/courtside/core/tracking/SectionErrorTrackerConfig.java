package io.github.courtside.core.tracking;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
public final class SectionErrorTrackerConfig {
  /** The threshold used when none is configured: an old-platform constant (spec §A.16). */
  public static final int DEFAULT_THRESHOLD = 5;

  /** The number of samples kept per section and kind when none is configured. */
  public static final int DEFAULT_MAX_SAMPLES = 5;

  private final String name;
  private final int defaultThreshold;
  private final Map<String, Integer> thresholds;
  private final int maxSamples;
  private final Clock clock;
  private final @Nullable MeterRegistry meterRegistry;

  private SectionErrorTrackerConfig(Builder builder) {
    this.name = builder.name;
    this.defaultThreshold = builder.defaultThreshold;
    this.thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(builder.thresholds));
    this.maxSamples = builder.maxSamples;
    this.clock = builder.clock;
    this.meterRegistry = builder.meterRegistry;
  }

  /** A builder with the defaults: name "default", threshold 5, 5 samples, UTC system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static SectionErrorTrackerConfig defaults() {
    return builder().build();
  }

  /** The tracker kind, used as the {@code tracker} metric tag and in log lines. */
  public String name() {
    return name;
  }

  /** The threshold of sections without an override. */
  public int defaultThreshold() {
    return defaultThreshold;
  }

  /** The per-section overrides, unmodifiable. */
  public Map<String, Integer> thresholds() {
    return thresholds;
  }

  /** The threshold of one section: its override or the default. */
  public int thresholdFor(String section) {
    return thresholds.getOrDefault(section, defaultThreshold);
  }

  /** How many errors and how many issues are kept as samples per section. */
  public int maxSamples() {
    return maxSamples;
  }

  /** The clock stamping each problem. */
  public Clock clock() {
    return clock;
  }

  /** The registry that receives counters, if any. */
  public Optional<MeterRegistry> meterRegistry() {
    return Optional.ofNullable(meterRegistry);
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder builder =
        builder().name(name).defaultThreshold(defaultThreshold).maxSamples(maxSamples).clock(clock);
    thresholds.forEach(builder::threshold);
    if (meterRegistry != null) {
      builder.meterRegistry(meterRegistry);
    }
    return builder;
  }

  @Override
  public String toString() {
    return "SectionErrorTrackerConfig{name="
        + name
        + ", defaultThreshold="
        + defaultThreshold
        + ", thresholds="
        + thresholds
        + ", maxSamples="
        + maxSamples
        + ", metrics="
        + (meterRegistry != null)
        + "}";
  }

  /** Builds a {@link SectionErrorTrackerConfig}. */
  public static final class Builder {
    private String name = "default";
    private int defaultThreshold = DEFAULT_THRESHOLD;
    private final Map<String, Integer> thresholds = new LinkedHashMap<>();
    private int maxSamples = DEFAULT_MAX_SAMPLES;
    private Clock clock = Clock.systemUTC();
    private @Nullable MeterRegistry meterRegistry;

    private Builder() {}

    /**
     * The tracker kind, e.g. {@code "gamebook"}; used as a metric tag, so keep it low-cardinality.
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
      return this;
    }

    /** Errors at which a section without an override becomes incomplete; at least 1. */
    public Builder defaultThreshold(int threshold) {
      this.defaultThreshold = positive(threshold, "defaultThreshold");
      return this;
    }

    /** Errors at which the named section becomes incomplete; at least 1. */
    public Builder threshold(String section, int threshold) {
      Objects.requireNonNull(section, "section");
      thresholds.put(section, positive(threshold, "threshold of " + section));
      return this;
    }

    /** Samples kept per section and kind; 0 keeps counts only. */
    public Builder maxSamples(int maxSamples) {
      if (maxSamples < 0) {
        throw new IllegalArgumentException("maxSamples must be >= 0, got " + maxSamples);
      }
      this.maxSamples = maxSamples;
      return this;
    }

    /** The clock stamping problems (tests pass a fixed clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Publishes counters {@code courtside.section.errors}, {@code courtside.section.issues} and
     * {@code courtside.section.incomplete}, tagged {@code tracker} and {@code section}.
     */
    public Builder meterRegistry(MeterRegistry meterRegistry) {
      this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
      return this;
    }

    /** The configuration. */
    public SectionErrorTrackerConfig build() {
      return new SectionErrorTrackerConfig(this);
    }

    private static int positive(int value, String what) {
      if (value < 1) {
        throw new IllegalArgumentException(what + " must be >= 1, got " + value);
      }
      return value;
    }
  }
}
