package io.github.courtside.models.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The feature values of one player and game, by name, with the source of every value.
 *
 * <p>A vector always covers its whole schema. A feature the builder was not given gets its default
 * with source {@link FeatureSource#DEFAULT}, or NaN with source {@link FeatureSource#MISSING} when
 * it has no default: defaults are never presented as data (spec-ml §6 #12) and {@link
 * #isDefaulted(String)} says which values are stand-ins. NaN given as a value is treated exactly
 * like an absent value (§6 #19).
 *
 * <pre>{@code
 * FeatureVector vector = FeatureVector.builder(FeatureSchema.V9_33)
 *     .set("points_avg_last_5", 24.2, FeatureSource.CALCULATED)
 *     .set("vegas_points_line", 23.5, FeatureSource.VEGAS)
 *     .build();
 * double line = vector.value("vegas_points_line").orElseThrow();
 * List<String> stand_ins = vector.defaultedFeatures();
 * }</pre>
 */
public final class FeatureVector {
  private final FeatureSchema schema;
  private final double[] values;
  private final FeatureSource[] sources;

  private FeatureVector(FeatureSchema schema, double[] values, FeatureSource[] sources) {
    this.schema = schema;
    this.values = values;
    this.sources = sources;
  }

  /** A builder for a vector of this schema. */
  public static Builder builder(FeatureSchema schema) {
    return new Builder(schema);
  }

  /**
   * A vector from a name-to-value map, every given value tagged {@code source}; null, NaN and
   * absent values take the schema's default rule. Names the schema lacks are refused.
   */
  public static FeatureVector of(
      FeatureSchema schema, Map<String, ? extends @Nullable Number> values, FeatureSource source) {
    Builder builder = builder(schema);
    values.forEach(
        (name, value) -> {
          if (value != null) {
            builder.set(name, value.doubleValue(), source);
          } else {
            schema.indexOf(name);
          }
        });
    return builder.build();
  }

  /** The schema this vector follows. */
  public FeatureSchema schema() {
    return schema;
  }

  /** Whether the schema has this feature. */
  public boolean has(String name) {
    return schema.contains(name);
  }

  /** The value of a feature; empty when missing (NaN). Fails for a name outside the schema. */
  public OptionalDouble value(String name) {
    double value = values[schema.indexOf(name)];
    return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** The value of a feature, NaN when missing. Fails for a name outside the schema. */
  public double valueOrNaN(String name) {
    return values[schema.indexOf(name)];
  }

  /** The value at a schema position, NaN when missing. */
  public double valueAt(int index) {
    return values[index];
  }

  /** Where a feature's value came from. Fails for a name outside the schema. */
  public FeatureSource source(String name) {
    return sources[schema.indexOf(name)];
  }

  /** The source at a schema position. */
  public FeatureSource sourceAt(int index) {
    return sources[index];
  }

  /** Whether the feature holds a stand-in (default, fallback or missing) rather than data. */
  public boolean isDefaulted(String name) {
    return source(name).isDefault();
  }

  /** Names of features holding stand-ins, in schema order. */
  public List<String> defaultedFeatures() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (sources[i].isDefault()) {
        names.add(schema.feature(i).name());
      }
    }
    return Collections.unmodifiableList(names);
  }

  /** A copy of the values in schema order (NaN = missing). */
  public double[] toArray() {
    return values.clone();
  }

  /** The non-missing values by name, in schema order. */
  public Map<String, Double> asMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        map.put(schema.feature(i).name(), values[i]);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /** A builder starting from this vector's values and sources. */
  public Builder toBuilder() {
    Builder builder = new Builder(schema);
    System.arraycopy(values, 0, builder.values, 0, values.length);
    for (int i = 0; i < sources.length; i++) {
      builder.sources[i] = sources[i];
    }
    return builder;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FeatureVector that
        && schema.equals(that.schema)
        && Arrays.equals(values, that.values)
        && Arrays.equals(sources, that.sources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema, Arrays.hashCode(values), Arrays.hashCode(sources));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("FeatureVector[").append(schema.id());
    for (int i = 0; i < values.length; i++) {
      text.append(", ")
          .append(schema.feature(i).name())
          .append('=')
          .append(values[i])
          .append('(')
          .append(sources[i].tag())
          .append(')');
    }
    return text.append(']').toString();
  }

  /**
   * Builds a {@link FeatureVector}. Not thread-safe. Hand-written on purpose: not a config builder
   * but the model input's accumulator, two arrays indexed by the schema position, each value
   * range-checked as it is set (per player vector on the extraction path), where a generated
   * builder would keep a map of named attributes.
   */
  public static final class Builder {
    private final FeatureSchema schema;
    private final double[] values;
    private final @Nullable FeatureSource[] sources;

    private Builder(FeatureSchema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      this.values = new double[schema.size()];
      Arrays.fill(values, Double.NaN);
      this.sources = new FeatureSource[schema.size()];
    }

    /**
     * Sets a feature. A NaN value clears it (the default rule applies at {@link #build()}).
     *
     * @throws UnknownFeatureException when the schema has no such feature
     * @throws FeatureRangeException when the value is outside the feature's critical range
     * @throws IllegalArgumentException for an infinite value or a defaulted source on real data
     */
    public Builder set(String name, double value, FeatureSource source) {
      int index = schema.indexOf(name);
      Objects.requireNonNull(source, "source");
      if (Double.isNaN(value)) {
        values[index] = Double.NaN;
        sources[index] = null;
        return this;
      }
      if (Double.isInfinite(value)) {
        throw new IllegalArgumentException("feature " + name + " is infinite: " + value);
      }
      if (source == FeatureSource.MISSING) {
        throw new IllegalArgumentException(
            "feature " + name + ": a value cannot have source 'missing'");
      }
      FeatureDefinition feature = schema.feature(index);
      if (feature.criticalRange() && !feature.inRange(value)) {
        throw new FeatureRangeException(name, value, feature.min(), feature.max());
      }
      values[index] = value;
      sources[index] = source;
      return this;
    }

    /** Sets a feature when the schema has it; ignores names the schema lacks. */
    public Builder setIfPresent(String name, double value, FeatureSource source) {
      if (schema.contains(name)) {
        set(name, value, source);
      }
      return this;
    }

    /** Clears a feature so that the default rule applies. */
    public Builder clear(String name) {
      int index = schema.indexOf(name);
      values[index] = Double.NaN;
      sources[index] = null;
      return this;
    }

    /** The vector: unset features get their default (source DEFAULT) or NaN (source MISSING). */
    public FeatureVector build() {
      double[] built = values.clone();
      FeatureSource[] builtSources = new FeatureSource[built.length];
      for (int i = 0; i < built.length; i++) {
        FeatureSource source = sources[i];
        if (source != null) {
          builtSources[i] = source;
        } else {
          double dflt = schema.feature(i).defaultValue();
          built[i] = dflt;
          builtSources[i] = Double.isNaN(dflt) ? FeatureSource.MISSING : FeatureSource.DEFAULT;
        }
      }
      return new FeatureVector(schema, built, builtSources);
    }
  }
}
