package io.github.courtside.bigquery.local.internal.storage;

import static io.github.courtside.bigquery.local.internal.storage.DuckDbLocalStorageTest.assertCanonicalEquals;
import static io.github.courtside.bigquery.local.internal.storage.DuckDbLocalStorageTest.describe;
import static io.github.courtside.bigquery.local.internal.storage.StorageFixtures.field;
import static org.junit.jupiter.api.Assertions.*;
import static org.quicktheories.QuickTheory.qt;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableRow;
import com.google.cloud.bigquery.FieldValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.generators.Generate;

/** Random canonical values survive each codec, per scalar type. */
class RowCodecPropertiesTest {
  static final GsonFactory JSON = GsonFactory.getDefaultInstance();

  static List<BigQueryType> scalars() {
    return CanonicalGenerators.scalars();
  }

  static Map<String, @Nullable Object> row(String name, @Nullable Object value) {
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    row.put(name, value);
    return row;
  }

  @ParameterizedTest
  @MethodSource("scalars")
  void restCellsRoundTripAndTheJavaClientReadsThem(BigQueryType type) {
    TableFieldSchema f = field("v", type.name());
    qt().withExamples(100)
        .forAll(CanonicalGenerators.of(type).toOptionals(10), Generate.booleans())
        .checkAssert(
            (value, int64Timestamp) -> {
              Object v = value.orElse(null);
              TableRow tableRow = TableRowCodec.toTableRow(row("v", v), List.of(f), int64Timestamp);
              String wire;
              TableRow parsed;
              try {
                wire = JSON.toString(tableRow);
                parsed = JSON.fromString(wire, TableRow.class);
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
              assertEquals(v == null, wire.contains("\"v\":null"), wire);
              Map<String, @Nullable Object> back =
                  TableRowCodec.fromTableRow(parsed, List.of(f), int64Timestamp);
              assertCanonicalEquals(v, back.get("v"));
              if (v != null) {
                Object cell = parsed.getF().get(0).getV();
                FieldValue client =
                    FieldValue.of(FieldValue.Attribute.PRIMITIVE, cell, int64Timestamp);
                switch (type) {
                  case INT64 -> assertEquals(v, client.getLongValue());
                  case FLOAT64 -> assertEquals(v, client.getDoubleValue());
                  case NUMERIC, BIGNUMERIC ->
                      assertEquals(0, ((BigDecimal) v).compareTo(client.getNumericValue()));
                  case BOOL -> assertEquals(v, client.getBooleanValue());
                  case BYTES -> assertArrayEquals((byte[]) v, client.getBytesValue());
                  case TIMESTAMP -> assertEquals(v, client.getTimestampInstant(), wire);
                  default ->
                      assertEquals(
                          v.toString(),
                          v instanceof java.time.LocalDateTime d
                              ? java.time.LocalDateTime.parse(client.getStringValue()).toString()
                              : v instanceof java.time.LocalTime t
                                  ? java.time.LocalTime.parse(client.getStringValue()).toString()
                                  : client.getStringValue());
                }
              }
            });
  }

  @ParameterizedTest
  @MethodSource("scalars")
  void jsonRowsRoundTrip(BigQueryType type) {
    TableFieldSchema f = field("v", type.name());
    TableFieldSchema repeated = field("r", type.name(), "REPEATED");
    qt().withExamples(100)
        .forAll(CanonicalGenerators.of(type).toOptionals(10), CanonicalGenerators.of(type))
        .checkAssert(
            (value, element) -> {
              Map<String, @Nullable Object> row = row("v", value.orElse(null));
              row.put("r", List.of(element, element));
              Map<String, Object> encoded = JsonRowCodec.encode(row, List.of(f, repeated));
              @SuppressWarnings("unchecked")
              Map<String, Object> parsed;
              try {
                parsed = JSON.fromString(JSON.toString(encoded), HashMap.class);
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
              DecodedRow decoded = JsonRowCodec.decode(3, parsed, List.of(f, repeated), false);
              assertTrue(decoded.ok(), () -> decoded.errors() + " for " + describe(row));
              assertCanonicalEquals(row, decoded.row());
            });
  }

  @ParameterizedTest
  @MethodSource("scalars")
  void csvLinesRoundTrip(BigQueryType type) {
    TableFieldSchema f = field("v", type.name());
    TableFieldSchema other = field("n", "INT64");
    CsvOptions options =
        new CsvOptions(
            ",", 0, "\"", true, false, false, "", java.nio.charset.StandardCharsets.UTF_8);
    qt().withExamples(100)
        .forAll(lists(CanonicalGenerators.of(type).toOptionals(10)))
        .checkAssert(
            values -> {
              StringBuilder csv = new StringBuilder();
              List<Map<String, @Nullable Object>> rows = new java.util.ArrayList<>();
              long n = 0;
              for (var value : values) {
                Map<String, @Nullable Object> row = row("v", value.orElse(null));
                row.put("n", n++);
                rows.add(row);
                csv.append(CsvRowCodec.encode(row, List.of(f, other), options))
                    .append(n % 2 == 0 ? "\r\n" : "\n");
              }
              List<DecodedRow> decoded =
                  CsvRowCodec.decode(csv.toString(), List.of(f, other), options);
              assertEquals(rows.size(), decoded.size(), csv::toString);
              for (int i = 0; i < rows.size(); i++) {
                DecodedRow d = decoded.get(i);
                assertTrue(d.ok(), () -> d.errors().toString());
                assertCanonicalEquals(rows.get(i), d.row());
              }
            });
  }

  static <T> org.quicktheories.core.Gen<List<T>> lists(org.quicktheories.core.Gen<T> element) {
    return org.quicktheories.generators.SourceDSL.lists().of(element).ofSizeBetween(1, 5);
  }

  @org.junit.jupiter.api.Test
  void timestampCellsUseBigQuerysSecondsFormat() {
    assertEquals("1.7127738E9", ValueText.epochSeconds(Instant.parse("2024-04-10T18:30:00Z")));
    assertEquals(
        "1.712773800123456E9",
        ValueText.epochSeconds(Instant.parse("2024-04-10T18:30:00.123456Z")));
    assertEquals("0.0", ValueText.epochSeconds(Instant.EPOCH));
    assertEquals("-1.0E-6", ValueText.epochSeconds(Instant.parse("1969-12-31T23:59:59.999999Z")));
  }
}
