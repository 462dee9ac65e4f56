package io.github.courtside.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * For random rows of random values: every row is either accepted or rejected exactly once, and
 * every accepted row would load: known columns only, values of the column's Java type, no NaN or
 * infinity, no NULL or gap in a required column without default.
 */
class RowValidatorProperties {
  private static final List<Object> VALUES =
      List.of(
          1,
          2L,
          3.5,
          Double.NaN,
          Double.NEGATIVE_INFINITY,
          1.5f,
          "text",
          "42",
          "2026-02-07",
          "x".repeat(300),
          true,
          LocalDate.parse("2026-02-07"),
          Instant.parse("2026-02-07T00:00:00Z"),
          new BigDecimal("1.25"),
          List.of(1));
  private static final List<String> NAMES =
      List.of(
          "game_date",
          "player_lookup",
          "predicted_points",
          "current_points_line",
          "confidence",
          "feature_count",
          "created_at",
          "is_active",
          "vegas_line_source");

  @Test
  void everyRowIsAcceptedOrRejectedAndAcceptedRowsFitTheSchema() {
    RowValidator validator =
        RowValidator.builder(RowValidatorTest.TABLE, RowValidatorTest.SCHEMA)
            .coerce(Coercion.values())
            .maxStringBytes(200)
            .build();
    qt().withExamples(500)
        .forAll(
            lists()
                .of(lists().of(integers().between(0, 1000)).ofSizeBetween(0, 9))
                .ofSizeBetween(0, 8))
        .checkAssert(
            spec -> {
              List<Row> rows = new ArrayList<>();
              for (List<Integer> cells : spec) {
                Row.Builder row = Row.builder();
                for (int cell : cells) {
                  int value = cell / NAMES.size();
                  row.set(
                      NAMES.get(cell % NAMES.size()),
                      value % 8 == 0 ? null : VALUES.get(value % VALUES.size()));
                }
                rows.add(row.build());
              }
              ValidationResult result = validator.validate(rows);
              Set<Integer> seen = new HashSet<>(result.acceptedIndices());
              result.rejections().forEach(r -> assertTrue(seen.add(r.rowIndex())));
              assertEquals(rows.size(), seen.size());
              for (Row accepted : result.accepted()) {
                for (Map.Entry<String, Object> entry : accepted.asMap().entrySet()) {
                  Column column = RowValidatorTest.SCHEMA.column(entry.getKey()).orElseThrow();
                  Object value = entry.getValue();
                  if (value == null) {
                    assertTrue(!column.required());
                  } else {
                    assertTrue(column.type().accepts(value), () -> column + " <- " + value);
                    assertTrue(!(value instanceof Double d) || Double.isFinite(d));
                  }
                }
                for (Column column : RowValidatorTest.SCHEMA.columns()) {
                  assertTrue(
                      !column.required()
                          || column.defaultValue().isPresent()
                          || accepted.has(column.name()));
                }
              }
            });
  }
}
