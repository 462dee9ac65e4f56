package io.github.courtside.bigquery.local.internal.storage;

import static io.github.courtside.bigquery.local.internal.storage.StorageFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.google.api.services.bigquery.model.JobConfigurationLoad;
import com.google.api.services.bigquery.model.TableFieldSchema;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowCodecTest {
  static final List<TableFieldSchema> FIELDS =
      List.of(
          field("id", "INT64", "REQUIRED"),
          field("name", "STRING"),
          field("ok", "BOOL"),
          field("ts", "TIMESTAMP"));

  @Test
  void readsRfc4180WithBigQuerysOptions() {
    CsvOptions options =
        CsvOptions.of(
            new JobConfigurationLoad().setSkipLeadingRows(1).setAllowQuotedNewlines(true));
    String csv =
        "id,name,ok,ts\r\n"
            + "1,\"Smith, \"\"J\"\"\",yes,2024-04-10 18:30:00 UTC\n"
            + "2,\"two\nlines\",F,\n"
            + "\n"
            + "3,,1,1712773800\n"
            + "4,\"\",0,2024-04-10T18:30:00.5Z";
    List<DecodedRow> rows = CsvRowCodec.decode(csv, FIELDS, options);
    rows.forEach(r -> assertTrue(r.ok(), r.errors()::toString));
    assertEquals(List.of(2L, 3L, 6L, 7L), rows.stream().map(DecodedRow::index).toList());
    assertEquals("Smith, \"J\"", rows.get(0).row().get("name"));
    assertEquals(true, rows.get(0).row().get("ok"));
    assertEquals(Instant.parse("2024-04-10T18:30:00Z"), rows.get(0).row().get("ts"));
    assertEquals("two\nlines", rows.get(1).row().get("name"));
    assertNull(rows.get(1).row().get("ts"));
    assertNull(rows.get(2).row().get("name"));
    assertEquals(Instant.parse("2024-04-10T18:30:00Z"), rows.get(2).row().get("ts"));
    assertEquals("", rows.get(3).row().get("name"));
  }

  @Test
  void errorsNameTheLineAndColumn() {
    String csv = "1,a,true,\nx,b,true,\n3,c\n4,d,true,,extra\n,e,true,\n5,\"open\n";
    List<DecodedRow> rows = CsvRowCodec.decode(csv, FIELDS, CsvOptions.DEFAULTS);
    assertTrue(rows.get(0).ok());
    FieldError bad = rows.get(1).errors().get(0);
    assertEquals("id", bad.location());
    assertTrue(bad.message().contains("line 2, column 1"), bad::message);
    assertTrue(bad.message().contains("'x'"), bad::message);
    assertTrue(
        rows.get(2).errors().get(0).message().contains("too few columns"),
        rows.get(2).errors()::toString);
    assertTrue(
        rows.get(3).errors().get(0).message().contains("Too many values in line 4"),
        rows.get(3).errors()::toString);
    assertEquals("id", rows.get(4).errors().get(0).location());
    assertFalse(rows.get(5).ok());
    assertEquals(6, rows.get(5).index());
  }

  @Test
  void jaggedRowsCustomDelimiterQuoteAndNullMarker() {
    CsvOptions options =
        new CsvOptions(
            "tab", 0, "'", false, true, true, "\\N", java.nio.charset.StandardCharsets.UTF_8);
    List<DecodedRow> rows =
        CsvRowCodec.decode("1\t'a\tb'\n2\t\\N\ttrue\t\\N\t9\n3\t\n", FIELDS, options);
    rows.forEach(r -> assertTrue(r.ok(), r.errors()::toString));
    assertEquals("a\tb", rows.get(0).row().get("name"));
    assertNull(rows.get(0).row().get("ok"));
    assertNull(rows.get(1).row().get("name"));
    assertEquals("", rows.get(2).row().get("name"));
    // a custom null marker: an empty value is not NULL, so it must parse
    assertFalse(CsvRowCodec.decode("4\tx\t\t\n", FIELDS, options).get(0).ok());
  }

  @Test
  void nestedSchemasAreRefused() {
    ApiException e =
        assertThrows(
            ApiException.class,
            () ->
                CsvRowCodec.decode(
                    "1", List.of(field("l", "INT64", "REPEATED")), CsvOptions.DEFAULTS));
    assertEquals("invalid", e.reason());
  }
}
