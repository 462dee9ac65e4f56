package io.github.courtside.bigquery.local.internal.storage;

import static io.github.courtside.bigquery.local.internal.storage.DuckDbLocalStorageTest.row;
import static io.github.courtside.bigquery.local.internal.storage.StorageFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.bigquery.model.TableDataInsertAllRequest;
import com.google.api.services.bigquery.model.TableFieldSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BigQuery's leniencies and errors for JSON rows, from the insertAll wire format. */
class JsonRowCodecTest {
  static final List<TableFieldSchema> FIELDS =
      List.of(
          field("i", "INTEGER"),
          field("f", "FLOAT"),
          field("n", "NUMERIC"),
          field("b", "BOOLEAN"),
          field("s", "STRING"),
          field("y", "BYTES"),
          field("d", "DATE"),
          field("dt", "DATETIME"),
          field("tm", "TIME"),
          field("ts", "TIMESTAMP"),
          field("j", "JSON"),
          record("r", "NULLABLE", field("a", "INT64", "REQUIRED")),
          field("l", "INT64", "REPEATED"));

  /** Parses an insertAll request body the way the REST layer does and decodes its rows. */
  static List<DecodedRow> insertAll(String body, boolean ignoreUnknown) throws Exception {
    TableDataInsertAllRequest request =
        GsonFactory.getDefaultInstance().fromString(body, TableDataInsertAllRequest.class);
    List<DecodedRow> out = new java.util.ArrayList<>();
    for (int i = 0; i < request.getRows().size(); i++) {
      out.add(JsonRowCodec.decode(i, request.getRows().get(i).getJson(), FIELDS, ignoreUnknown));
    }
    return out;
  }

  @Test
  void acceptsTheFormsBigQueryAccepts() throws Exception {
    List<DecodedRow> rows =
        insertAll(
            """
        {"rows":[
         {"json":{"i":"42","f":"NaN","n":"1.5","b":"true","s":7,"y":"AAH/","d":"2024-4-1","dt":"2024-04-10 18:30:00.5",
                  "tm":"18:30","ts":"2024-04-10 18:30:00.123456 UTC","j":{"k":[1,2]},"r":{"a":1},"l":[1,"2"]}},
         {"json":{"i":-7,"f":1e3,"n":2,"b":"0","s":true,"dt":"2024-04-10T18:30:00","ts":"2024-04-10T18:30:00Z","j":"[1]","l":null}},
         {"json":{"b":1,"ts":"2024-04-10 18:30:00+02:00","j":"\\"text\\""}},
         {"json":{"ts":1712773800.123456,"b":false,"f":"-Infinity"}},
         {"json":{"ts":"2024-04-10 20:30:00 Europe/Paris","i":null}}
        ]}""",
            false);
    rows.forEach(r -> assertTrue(r.ok(), r.errors()::toString));
    Map<String, Object> first = rows.get(0).row();
    assertEquals(42L, first.get("i"));
    assertTrue(Double.isNaN((Double) first.get("f")));
    assertEquals(0, new BigDecimal("1.5").compareTo((BigDecimal) first.get("n")));
    assertEquals(true, first.get("b"));
    assertEquals("7", first.get("s"));
    assertArrayEquals(new byte[] {0, 1, (byte) 255}, (byte[]) first.get("y"));
    assertEquals(LocalDate.of(2024, 4, 1), first.get("d"));
    assertEquals(LocalDateTime.of(2024, 4, 10, 18, 30, 0, 500_000_000), first.get("dt"));
    assertEquals(LocalTime.of(18, 30), first.get("tm"));
    assertEquals(Instant.parse("2024-04-10T18:30:00.123456Z"), first.get("ts"));
    assertEquals("{\"k\":[1,2]}", first.get("j").toString().replace(".0", ""));
    assertEquals(row("a", 1L), first.get("r"));
    assertEquals(List.of(1L, 2L), first.get("l"));
    Map<String, Object> second = rows.get(1).row();
    assertEquals(-7L, second.get("i"));
    assertEquals(1000.0, second.get("f"));
    assertEquals(false, second.get("b"));
    assertEquals("true", second.get("s"));
    assertEquals(Instant.parse("2024-04-10T18:30:00Z"), second.get("ts"));
    assertEquals("[1]", second.get("j"));
    assertEquals(List.of(), second.get("l"));
    assertEquals(Instant.parse("2024-04-10T16:30:00Z"), rows.get(2).row().get("ts"));
    assertEquals(true, rows.get(2).row().get("b"));
    assertEquals("\"text\"", rows.get(2).row().get("j"));
    assertEquals(Instant.parse("2024-04-10T18:30:00.123456Z"), rows.get(3).row().get("ts"));
    assertEquals(Double.NEGATIVE_INFINITY, rows.get(3).row().get("f"));
    assertEquals(Instant.parse("2024-04-10T18:30:00Z"), rows.get(4).row().get("ts"));
  }

  @Test
  void reportsEveryBadFieldWithItsLocation() throws Exception {
    List<DecodedRow> rows =
        insertAll(
            """
        {"rows":[
         {"json":{"i":"abc","f":"x","b":"maybe","ts":"yesterday","r":{},"zz":1,"l":5}},
         {"json":{"i":1.5,"d":"2024-13-01","r":{"a":1,"extra":2},"j":"{not json"}},
         {"json":{"i":"99999999999999999999","l":[1,null]}}
        ]}""",
            false);
    DecodedRow first = rows.get(0);
    assertFalse(first.ok());
    assertNull(first.row());
    assertEquals(
        List.of("zz", "i", "f", "b", "ts", "r.a", "l"),
        first.errors().stream().map(FieldError::location).toList());
    first.errors().forEach(e -> assertEquals("invalid", e.reason()));
    assertTrue(
        first.errors().get(0).message().contains("no such field"), first.errors().get(0)::message);
    assertTrue(first.errors().get(1).message().contains("abc"));
    assertEquals(
        List.of("i", "d", "j", "r.extra"),
        rows.get(1).errors().stream().map(FieldError::location).toList());
    assertEquals(
        List.of("i", "l"), rows.get(2).errors().stream().map(FieldError::location).toList());
    assertEquals(2, rows.get(2).index());
    // ignoreUnknownValues drops unknown fields, nested ones too
    List<DecodedRow> lenient =
        insertAll("{\"rows\":[{\"json\":{\"i\":1,\"zz\":1,\"r\":{\"a\":1,\"extra\":2}}}]}", true);
    assertTrue(lenient.get(0).ok());
    assertEquals(row("a", 1L), lenient.get(0).row().get("r"));
  }

  @Test
  void decodesNewlineDelimitedJsonLines() {
    List<TableFieldSchema> fields = List.of(field("n", "INT64"), field("s", "STRING"));
    DecodedRow good =
        JsonRowCodec.decodeLine(1, "{\"n\": 12345678901234, \"s\": \"x\"}", fields, false);
    assertEquals(12345678901234L, good.row().get("n"));
    DecodedRow bad = JsonRowCodec.decodeLine(2, "{\"n\": ", fields, false);
    assertFalse(bad.ok());
    assertTrue(bad.errors().get(0).message().contains("line 2"), bad.errors().get(0)::message);
    assertFalse(JsonRowCodec.decodeLine(3, "[1,2]", fields, false).ok());
  }

  @Test
  void lineNumbersKeepEveryDigit() {
    List<TableFieldSchema> fields =
        List.of(
            new TableFieldSchema().setName("n").setType("INT64"),
            new TableFieldSchema().setName("d").setType("NUMERIC"));
    DecodedRow row =
        JsonRowCodec.decodeLine(
            1, "{\"n\": 9007199254740993, \"d\": 12345678901234567890.123456789}", fields, false);
    assertTrue(row.ok(), () -> row.errors().toString());
    assertEquals(9007199254740993L, row.row().get("n"));
    assertEquals(
        0,
        new java.math.BigDecimal("12345678901234567890.123456789")
            .compareTo((java.math.BigDecimal) row.row().get("d")));
  }
}
