package io.github.courtside.bigquery.local.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.services.bigquery.model.QueryRequest;
import java.nio.charset.StandardCharsets;
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
  void timestampsAsFloatSecondsLikeBigQuery() {
    assertEquals("1.7127072E9", CellEncoder.floatSeconds(1_712_707_200_000_000L));
    assertEquals("1.712707200123456E9", CellEncoder.floatSeconds(1_712_707_200_123_456L));
    assertEquals("0.0", CellEncoder.floatSeconds(0));
    assertEquals("-1.5E0", CellEncoder.floatSeconds(-1_500_000L));
  }

  @Test
  void pageTokensRoundTrip() {
    assertEquals(42, PageToken.offset(PageToken.of(42), 0));
    assertEquals(7, PageToken.offset(null, 7));
  }
}
