package io.github.courtside.bigquery.local.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.services.bigquery.model.QueryRequest;
import com.google.api.services.bigquery.model.TableFieldSchema;
import io.github.courtside.bigquery.local.internal.storage.TableRowCodec;
import io.github.courtside.bigquery.local.internal.storage.TableRowCodec.TimestampOutput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Value forms on the wire that no Java client call produces. */
class WireValuesTest {
  @Test
  void numericAndBooleanParameterValuesAreReadAsText() {
    String body =
        "{\"query\":\"SELECT @m, @b\",\"queryParameters\":["
            + "{\"name\":\"m\",\"parameterType\":{\"type\":\"FLOAT64\"},\"parameterValue\":{\"value\":1.50}},"
            + "{\"name\":\"b\",\"parameterType\":{\"type\":\"BOOL\"},\"parameterValue\":{\"value\":true}}]}";
    QueryRequest request =
        JsonCodec.parse(body.getBytes(StandardCharsets.UTF_8), QueryRequest.class);
    assertEquals("1.50", request.getQueryParameters().get(0).getParameterValue().getValue());
    assertEquals("true", request.getQueryParameters().get(1).getParameterValue().getValue());
  }

  @Test
  void timestampCellsInEachOutputForm() {
    TableFieldSchema ts = new TableFieldSchema().setName("ts").setType("TIMESTAMP");
    Instant exact = Instant.parse("2024-04-10T00:00:00Z");
    Instant micros = Instant.parse("2024-04-10T00:00:00.123456Z");
    TimestampOutput seconds = TimestampOutput.of(false, null);
    assertEquals("1.7127072E9", TableRowCodec.cellValue(exact, ts, seconds));
    assertEquals("1.712707200123456E9", TableRowCodec.cellValue(micros, ts, seconds));
    assertEquals("0.0", TableRowCodec.cellValue(Instant.EPOCH, ts, seconds));
    assertEquals(
        "1712707200123456", TableRowCodec.cellValue(micros, ts, TimestampOutput.of(true, null)));
    assertEquals(
        "1712707200123456",
        TableRowCodec.cellValue(micros, ts, TimestampOutput.of(false, "INT64")));
    assertEquals(
        "2024-04-10T00:00:00.123456Z",
        TableRowCodec.cellValue(micros, ts, TimestampOutput.of(false, "ISO8601_STRING")));
  }

  @Test
  void pageTokensRoundTrip() {
    assertEquals(42, PageToken.offset(PageToken.of(42), 0));
    assertEquals(7, PageToken.offset(null, 7));
  }
}
