package io.github.courtside.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowValidatorTest {
  static final TableId TABLE = TableId.of("nba_predictions", "player_prop_predictions");
  static final TableSchema SCHEMA =
      TableSchema.builder()
          .column(Column.required("game_date", ColumnType.DATE))
          .column(Column.required("player_lookup", ColumnType.STRING))
          .column(Column.required("predicted_points", ColumnType.FLOAT64))
          .column(Column.nullable("current_points_line", ColumnType.FLOAT64))
          .column(Column.nullable("confidence", ColumnType.NUMERIC))
          .column(Column.nullable("feature_count", ColumnType.INT64))
          .column(Column.nullable("created_at", ColumnType.TIMESTAMP))
          .column(Column.required("is_active", ColumnType.BOOL).withDefault(true))
          .build();

  static Row.Builder prediction(String player) {
    return Row.builder()
        .set("game_date", LocalDate.parse("2026-02-07"))
        .set("player_lookup", player)
        .set("predicted_points", 24.5)
        .set("current_points_line", 22.5);
  }

  private final RowValidator validator = RowValidator.builder(TABLE, SCHEMA).build();

  @Test
  void I9_columnsTheTableLacksAreRejectedNamingTableColumnAndRowIndex() {
    List<Row> rows =
        List.of(
            prediction("lebronjames").build(),
            prediction("stephencurry")
                .set("vegas_line_source", "draftkings")
                .set("required_default_count", 0L)
                .build(),
            prediction("nikolajokic").build());
    ValidationResult result = validator.validate(rows);
    assertEquals(2, result.accepted().size(), "good rows still go through");
    assertEquals(List.of(0, 2), result.acceptedIndices());
    RowRejection rejection = result.rejections().get(0);
    assertEquals(1, rejection.rowIndex());
    assertEquals(
        List.of("vegas_line_source", "required_default_count"),
        rejection.violations().stream().map(Violation::column).toList());
    assertTrue(
        rejection.violations().stream().allMatch(v -> v.kind() == ViolationKind.UNKNOWN_COLUMN));
    assertTrue(rejection.reason().contains("row 1 of " + TABLE), rejection.reason());

    RowValidationException error =
        assertThrows(RowValidationException.class, result::acceptedOrThrow);
    assertEquals(TABLE, error.table());
    assertEquals(1, error.rowIndex());
    assertEquals("vegas_line_source", error.column());
    assertTrue(error.getMessage().contains("vegas_line_source"), error.getMessage());
  }

  @Test
  void I9_droppingUnknownColumnsMustBeDeclaredAndIsReported() {
    RowValidator lenient =
        RowValidator.builder(TABLE, SCHEMA).coerce(Coercion.DROP_UNKNOWN_COLUMNS).build();
    ValidationResult result =
        lenient.validate(List.of(prediction("a").set("vegas_line_source", "dk").build()));
    assertTrue(result.allAccepted());
    assertTrue(!result.accepted().get(0).has("vegas_line_source"));
    assertEquals(
        List.of(new AppliedCoercion(0, "vegas_line_source", Coercion.DROP_UNKNOWN_COLUMNS)),
        result.coercions());
  }

  @Test
  void I18_nanAndInfinityBecomeNullOnlyInNullableColumnsAndOnlyByDeclaredRule() {
    List<Row> rows =
        List.of(
            prediction("a").set("current_points_line", Double.NaN).build(),
            prediction("b").set("confidence", Double.POSITIVE_INFINITY).build(),
            prediction("c").set("predicted_points", Double.NaN).build());
    ValidationResult result = validator.validate(rows);
    assertEquals(2, result.accepted().size());
    assertNull(result.accepted().get(0).get("current_points_line"));
    assertTrue(result.accepted().get(0).has("current_points_line"));
    assertNull(result.accepted().get(1).get("confidence"));
    assertEquals(
        List.of(
            new AppliedCoercion(0, "current_points_line", Coercion.NON_FINITE_TO_NULL),
            new AppliedCoercion(1, "confidence", Coercion.NON_FINITE_TO_NULL)),
        result.coercions());
    RowRejection required = result.rejections().get(0);
    assertEquals(2, required.rowIndex());
    assertEquals("predicted_points", required.violations().get(0).column());
    assertEquals(ViolationKind.NON_FINITE, required.violations().get(0).kind());

    RowValidator strict = RowValidator.builder(TABLE, SCHEMA).coerce().build();
    ValidationResult refused = strict.validate(rows.subList(0, 1));
    assertEquals(ViolationKind.NON_FINITE, refused.rejections().get(0).violations().get(0).kind());
    assertTrue(refused.rejections().get(0).reason().contains("NON_FINITE_TO_NULL"));
  }

  @Test
  void I18_valuesOfTypesTheColumnCannotHoldAreRejectedUpFrontPerRow() {
    List<Row> rows =
        List.of(
            prediction("a").set("feature_count", 33).build(),
            prediction("b").set("feature_count", "33").build(),
            prediction("c").set("created_at", java.util.Set.of(1)).build());
    ValidationResult result = validator.validate(rows);
    assertEquals(1, result.accepted().size());
    assertEquals(33L, result.accepted().get(0).get("feature_count"), "Integer widened to Long");
    assertEquals(List.of(1, 2), result.rejections().stream().map(RowRejection::rowIndex).toList());
    Violation wrong = result.rejections().get(0).violations().get(0);
    assertEquals(ViolationKind.WRONG_TYPE, wrong.kind());
    assertTrue(wrong.message().contains("java.lang.String"), wrong.message());
    assertTrue(wrong.message().contains("INT64"), wrong.message());
  }

  @Test
  void declaredTextCoercionsParseNumbersAndIsoTimes() {
    RowValidator lenient =
        RowValidator.builder(TABLE, SCHEMA)
            .coerce(Coercion.NUMERIC_STRINGS, Coercion.ISO_TEXT_TO_TEMPORAL)
            .build();
    ValidationResult result =
        lenient.validate(
            List.of(
                Row.builder()
                    .set("game_date", "2026-02-07")
                    .set("player_lookup", "a")
                    .set("predicted_points", " 24.5 ")
                    .set("feature_count", "33")
                    .set("confidence", "0.75")
                    .set("created_at", "2026-02-07T18:00:00Z")
                    .build(),
                prediction("b").set("feature_count", "thirty").build()));
    Row row = result.accepted().get(0);
    assertEquals(LocalDate.parse("2026-02-07"), row.get("game_date"));
    assertEquals(24.5, row.get("predicted_points"));
    assertEquals(33L, row.get("feature_count"));
    assertEquals(new BigDecimal("0.75"), row.get("confidence"));
    assertEquals(Instant.parse("2026-02-07T18:00:00Z"), row.get("created_at"));
    assertEquals(5, result.coercions().size());
    assertEquals(ViolationKind.WRONG_TYPE, result.rejections().get(0).violations().get(0).kind());
  }

  @Test
  void missingAndNullRequiredColumnsAreRejectedUnlessTheColumnHasADefault() {
    ValidationResult result =
        validator.validate(
            List.of(
                Row.builder().set("player_lookup", "a").set("predicted_points", 1.0).build(),
                prediction("b").set("player_lookup", null).build(),
                prediction("c").build()));
    assertEquals(List.of(2), result.acceptedIndices(), "is_active has a default");
    assertEquals(
        ViolationKind.MISSING_REQUIRED, result.rejections().get(0).violations().get(0).kind());
    assertEquals("game_date", result.rejections().get(0).violations().get(0).column());
    assertEquals(
        ViolationKind.NULL_IN_REQUIRED, result.rejections().get(1).violations().get(0).kind());
  }

  @Test
  void stringsLongerThanTheLimitAreRejected() {
    RowValidator limited =
        RowValidator.builder(TABLE, SCHEMA)
            .maxStringBytes(100)
            .maxStringBytes("player_lookup", 4)
            .build();
    ValidationResult result =
        limited.validate(List.of(prediction("abcd").build(), prediction("abcdé").build()));
    assertEquals(List.of(0), result.acceptedIndices());
    Violation tooLong = result.rejections().get(0).violations().get(0);
    assertEquals(ViolationKind.STRING_TOO_LONG, tooLong.kind());
    assertTrue(tooLong.message().contains("6 UTF-8 bytes"), tooLong.message());
    assertThrows(
        IllegalArgumentException.class,
        () -> RowValidator.builder(TABLE, SCHEMA).maxStringBytes("nope", 3).build());
  }

  @Test
  void columnNamesMatchIgnoringCaseAndComeOutAsTheSchemaSpellsThem() {
    Row row =
        prediction("a").build().toBuilder()
            .remove("player_lookup")
            .set("PLAYER_LOOKUP", "a")
            .build();
    ValidationResult result = validator.validate(List.of(row));
    assertTrue(result.accepted().get(0).has("player_lookup"));
    ValidationResult twice =
        validator.validate(List.of(prediction("a").set("PLAYER_LOOKUP", "b").build()));
    assertEquals(
        ViolationKind.UNKNOWN_COLUMN, twice.rejections().get(0).violations().get(0).kind());
  }
}
