package io.github.courtside.core.validation;

import static io.github.courtside.core.validation.RowValidatorTest.SCHEMA;
import static io.github.courtside.core.validation.RowValidatorTest.TABLE;
import static io.github.courtside.core.validation.RowValidatorTest.prediction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicrometerValidationMetricsTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RowValidator validator =
      RowValidator.builder(TABLE, SCHEMA)
          .coerce()
          .listener(new MicrometerValidationMetrics(meters))
          .build();

  @Test
  void rejectionsAreCountedPerTableAndReasonOncePerRow() {
    validator.validate(
        List.of(
            prediction("lebronjames").build(),
            prediction("stephencurry").set("vegas_line_source", "dk").set("x", 1L).build(),
            prediction("nikolajokic").set("predicted_points", Double.NaN).build(),
            prediction("lukadoncic").set("feature_count", 3).set("extra", "y").build()));

    assertEquals(3.0, count("courtside.validation.rejected.rows", null));
    assertEquals(2.0, count("courtside.validation.rejections", "unknown_column"));
    assertEquals(1.0, count("courtside.validation.rejections", "non_finite"));
    assertEquals(1.0, count("courtside.validation.rejections", "wrong_type"));
    assertNull(
        meters.find("courtside.validation.rejections").tags("reason", "string_too_long").counter());
  }

  @Test
  void aValidBatchCountsNothing() {
    validator.validate(List.of(prediction("lebronjames").build()));
    assertNull(meters.find("courtside.validation.rejected.rows").counter());
  }

  private double count(String name, String reason) {
    return reason == null
        ? meters.get(name).tags("table", TABLE.toString()).counter().count()
        : meters.get(name).tags("table", TABLE.toString(), "reason", reason).counter().count();
  }
}
