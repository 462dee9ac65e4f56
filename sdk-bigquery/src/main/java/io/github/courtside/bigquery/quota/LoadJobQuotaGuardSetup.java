package io.github.courtside.bigquery.quota;

import io.github.courtside.core.ComponentStyle;
import io.github.courtside.core.coordination.CoordinationStore;
import java.time.Clock;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a {@link LoadJobQuotaGuard} is made of: limit 1,500, warn at 80%, refuse at 95%, system UTC
 * clock and in-process counts unless set. Immutable; the builder is generated ({@link
 * ComponentStyle}) and {@link Builder#build()} makes the guard.
 */
@ComponentStyle
@Value.Immutable
public abstract class LoadJobQuotaGuardSetup {
  LoadJobQuotaGuardSetup() {}

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Load jobs per table per day (BigQuery's limit is 1,500). */
  @Value.Default
  public long dailyLimit() {
    return 1500;
  }

  /** The fraction of the limit from which each job logs a warning (default 0.80). */
  @Value.Default
  public double warnAt() {
    return 0.80;
  }

  /** The fraction of the limit at which jobs are refused (default 0.95). */
  @Value.Default
  public double refuseAt() {
    return 0.95;
  }

  /** The clock that decides the UTC day. */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** Count fleet-wide in this store (one document per job). */
  public abstract Optional<CoordinationStore> coordinationStore();

  /** Hears started and refused jobs, e.g. {@link MicrometerLoadJobQuotaMetrics}. */
  @Value.Default
  public LoadJobQuotaListener listener() {
    return LoadJobQuotaListener.NONE;
  }

  @Value.Check
  void check() {
    if (dailyLimit() < 1) {
      throw new IllegalArgumentException("daily limit must be positive, was " + dailyLimit());
    }
    requireFraction("warnAt", warnAt());
    requireFraction("refuseAt", refuseAt());
    if (warnAt() > refuseAt()) {
      throw new IllegalArgumentException(
          "warning threshold " + warnAt() + " is above refusal threshold " + refuseAt());
    }
  }

  private static void requireFraction(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " needs a fraction in (0, 1], was " + value);
    }
  }

  /**
   * Builds a {@link LoadJobQuotaGuardSetup} ({@link #buildSetup()}) or directly the {@link
   * LoadJobQuotaGuard} ({@link #build()}).
   */
  public static final class Builder extends ImmutableLoadJobQuotaGuardSetup.Builder {
    Builder() {}

    /** The guard. */
    public LoadJobQuotaGuard build() {
      return LoadJobQuotaGuard.create(buildSetup());
    }
  }
}
