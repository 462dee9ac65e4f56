package io.github.courtside.core.validation;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Counts row rejections in a Micrometer registry (Micrometer is an optional dependency: only this
 * class needs it): {@code courtside.validation.rejections}, tags {@code table} and {@code reason}
 * (the violation kind in lower case, e.g. {@code wrong_type}), once per rejected row and distinct
 * kind of violation in it; and {@code courtside.validation.rejected.rows}, tag {@code table}, once
 * per rejected row.
 *
 * <pre>{@code
 * RowValidator validator = RowValidator.builder(table, schema)
 *     .listener(new MicrometerValidationMetrics(registry))
 *     .build();
 * }</pre>
 */
public final class MicrometerValidationMetrics implements ValidationListener {
  private final MeterRegistry registry;

  /** Metrics in {@code registry}. */
  public MicrometerValidationMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void rejected(RowRejection rejection) {
    String table = rejection.table().toString();
    registry.counter("courtside.validation.rejected.rows", "table", table).increment();
    Set<ViolationKind> kinds = EnumSet.noneOf(ViolationKind.class);
    rejection.violations().forEach(violation -> kinds.add(violation.kind()));
    for (ViolationKind kind : kinds) {
      registry
          .counter(
              "courtside.validation.rejections",
              "table",
              table,
              "reason",
              kind.name().toLowerCase(Locale.ROOT))
          .increment();
    }
  }
}
