package io.github.courtside.bigquery.local.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.TableResult;
import io.github.courtside.bigquery.local.LocalBigQuery;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Query parameters through the official client, as BigQuery takes them: named and positional, every
 * scalar type with NULLs, arrays, in {@code jobs.query} and {@code jobs.insert}, in single
 * statements and in multi-statement scripts, and a clear 400 for a parameter the query uses but the
 * job does not declare.
 */
class QueryParametersTest {
  @RegisterExtension static LocalBigQuery bigQuery = LocalBigQuery.create();

  private static final AtomicLong JOBS = new AtomicLong();
  private static final String HOSTILE = "it's \\ \"q\" '; DROP TABLE p.t; --\nDon\u010di\u0107";

  private final BigQuery bq = bigQuery.client();

  @BeforeAll
  static void data() throws InterruptedException {
    BigQuery bq = bigQuery.client();
    bq.create(DatasetInfo.of("p"));
    bq.query(QueryJobConfiguration.of("CREATE TABLE p.t (id INT64, s STRING, d DATE)"));
  }

  private static QueryJobConfiguration.Builder everyType(String sql) {
    return QueryJobConfiguration.newBuilder(sql)
        .addNamedParameter("s", QueryParameterValue.string(HOSTILE))
        .addNamedParameter("i", QueryParameterValue.int64(-9_223_372_036_854_775_808L))
        .addNamedParameter("f", QueryParameterValue.float64(22.5))
        .addNamedParameter(
            "n",
            QueryParameterValue.numeric(new BigDecimal("-99999999999999999999999999999.999999999")))
        .addNamedParameter("b", QueryParameterValue.bool(false))
        .addNamedParameter("d", QueryParameterValue.date("0001-01-01"))
        .addNamedParameter("ts", QueryParameterValue.timestamp("9999-12-31 23:59:59.999999+00:00"))
        .addNamedParameter(
            "none", QueryParameterValue.newBuilder().setType(StandardSQLTypeName.DATE).build())
        .addNamedParameter(
            "ids", QueryParameterValue.array(new Long[] {3L, 1L, 2L}, StandardSQLTypeName.INT64));
  }

  private static final String EVERY_TYPE =
      "SELECT @s AS s, @i AS i, @f AS f, @n AS n, @b AS b, @d AS d, @ts AS ts, @none AS none,"
          + " ARRAY_LENGTH(@ids) AS len, (SELECT SUM(x) FROM UNNEST(@ids) AS x) AS total,"
          + " @s = @s AS twice";

  private static void assertEveryType(FieldValueList row) {
    assertEquals(HOSTILE, row.get("s").getStringValue());
    assertEquals(Long.MIN_VALUE, row.get("i").getLongValue());
    assertEquals(22.5, row.get("f").getDoubleValue());
    assertEquals(
        0,
        new BigDecimal("-99999999999999999999999999999.999999999")
            .compareTo(row.get("n").getNumericValue()));
    assertEquals(false, row.get("b").getBooleanValue());
    assertEquals("0001-01-01", row.get("d").getStringValue());
    assertEquals(Instant.parse("9999-12-31T23:59:59.999999Z"), row.get("ts").getTimestampInstant());
    assertTrue(row.get("none").isNull());
    assertEquals(3, row.get("len").getLongValue());
    assertEquals(6, row.get("total").getLongValue());
    assertTrue(row.get("twice").getBooleanValue());
  }

  @Test
  void everyScalarTypeNullsAndArraysThroughJobsQuery() throws Exception {
    bigQuery.faults().resetCalls();
    TableResult result = bq.query(everyType(EVERY_TYPE).build());
    assertEveryType(result.getValues().iterator().next());
    assertEquals(1, bigQuery.faults().calls("jobs.query"), "the jobs.query fast path");
  }

  @Test
  void everyScalarTypeNullsAndArraysThroughJobsInsert() throws Exception {
    Job job =
        bq.create(
            JobInfo.newBuilder(everyType(EVERY_TYPE).build())
                .setJobId(JobId.of("parameters_" + JOBS.incrementAndGet()))
                .build());
    job = job.waitFor();
    assertEquals(null, job.getStatus().getError());
    assertEveryType(job.getQueryResults().getValues().iterator().next());
  }

  @Test
  void positionalParametersAreBoundInOrder() throws Exception {
    TableResult result =
        bq.query(
            QueryJobConfiguration.newBuilder("SELECT ? AS a, ? AS b, ? + 1 AS c")
                .addPositionalParameter(QueryParameterValue.string(HOSTILE))
                .addPositionalParameter(QueryParameterValue.date("2024-04-10"))
                .addPositionalParameter(QueryParameterValue.int64(41L))
                .build());
    FieldValueList row = result.getValues().iterator().next();
    assertEquals(HOSTILE, row.get("a").getStringValue());
    assertEquals("2024-04-10", row.get("b").getStringValue());
    assertEquals(42, row.get("c").getLongValue());
  }

  @Test
  void aScriptTakesTheJobsParametersInEveryStatement() throws Exception {
    String script =
        "BEGIN TRANSACTION;\n"
            + "ASSERT ((SELECT COUNT(*) FROM p.t WHERE s = @s) = 0) AS 'guard';\n"
            + "INSERT INTO p.t (id, s, d) VALUES (@id, @s, @d);\n"
            + "UPDATE p.t SET d = DATE_ADD(@d, INTERVAL 1 DAY) WHERE s = @s AND id = @id;\n"
            + "COMMIT TRANSACTION;";
    QueryJobConfiguration configuration =
        QueryJobConfiguration.newBuilder(script)
            .addNamedParameter("s", QueryParameterValue.string(HOSTILE))
            .addNamedParameter("id", QueryParameterValue.int64(7L))
            .addNamedParameter("d", QueryParameterValue.date("9999-12-30"))
            .build();
    Job job =
        bq.create(
            JobInfo.newBuilder(configuration)
                .setJobId(JobId.of("script_" + JOBS.incrementAndGet()))
                .build());
    job = job.waitFor();
    assertEquals(null, job.getStatus().getError());
    TableResult rows =
        bq.query(
            QueryJobConfiguration.newBuilder("SELECT id, s, d FROM p.t WHERE s = @s")
                .addNamedParameter("s", QueryParameterValue.string(HOSTILE))
                .build());
    List<String> read = new ArrayList<>();
    rows.iterateAll()
        .forEach(
            r ->
                read.add(
                    r.get("id").getLongValue()
                        + "|"
                        + r.get("s").getStringValue()
                        + "|"
                        + r.get("d").getStringValue()));
    assertEquals(List.of("7|" + HOSTILE + "|9999-12-31"), read);
    // the same script again: the guard sees the row and refuses, nothing is written
    BigQueryException refused =
        assertThrows(
            BigQueryException.class,
            () ->
                bq.create(
                        JobInfo.newBuilder(configuration)
                            .setJobId(JobId.of("script_" + JOBS.incrementAndGet()))
                            .build())
                    .waitFor()
                    .getQueryResults());
    assertTrue(String.valueOf(refused.getMessage()).contains("guard"), refused.getMessage());
  }

  /** Inserts a query job through raw REST (the client always sends a matching mode). */
  private HttpResponse<String> insertJob(String jobId, String query, String mode, String parameters)
      throws Exception {
    String body =
        "{\"jobReference\":{\"jobId\":\""
            + jobId
            + "\"},\"configuration\":{\"query\":{\"useLegacySql\":false,\"query\":\""
            + query
            + "\",\"parameterMode\":\""
            + mode
            + "\",\"queryParameters\":["
            + parameters
            + "]}}}";
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        bigQuery.restEndpoint()
                            + "/bigquery/v2/projects/"
                            + bigQuery.projectId()
                            + "/jobs"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The job's error: the insert's 400, or the failed job's error result. */
  private String failure(String query, String mode, String parameters) throws Exception {
    String jobId = "mode_" + JOBS.incrementAndGet();
    HttpResponse<String> response = insertJob(jobId, query, mode, parameters);
    if (response.statusCode() == 400) {
      return response.body();
    }
    assertEquals(200, response.statusCode(), response.body());
    try {
      Job job = bq.getJob(JobId.of(jobId)).waitFor();
      assertNotNull(job.getStatus().getError(), "job " + jobId + " should have failed");
      return job.getStatus().getError().getMessage();
    } catch (BigQueryException failed) {
      return String.valueOf(failed.getMessage());
    }
  }

  @Test
  void theParameterModeDecidesHowParametersBind() throws Exception {
    String named =
        "{\"name\":\"x\",\"parameterType\":{\"type\":\"INT64\"},"
            + "\"parameterValue\":{\"value\":\"41\"}}";
    String unnamed =
        "{\"parameterType\":{\"type\":\"INT64\"},\"parameterValue\":{\"value\":\"41\"}}";
    HttpResponse<String> positional =
        insertJob("positional_" + JOBS.incrementAndGet(), "SELECT ? + 1 AS y", "POSITIONAL", named);
    assertEquals(200, positional.statusCode(), positional.body());
    String id = positional.body().replaceAll("(?s).*\"jobId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    Job job = bq.getJob(JobId.of(id)).waitFor();
    assertNull(job.getStatus().getError(), "names are ignored in POSITIONAL mode");
    assertEquals(42, job.getQueryResults().getValues().iterator().next().get("y").getLongValue());
    String missingName = failure("SELECT @x + 1 AS y", "NAMED", unnamed);
    assertTrue(missingName.contains("NAMED"), missingName);
    String unknown = failure("SELECT @x AS y", "BY_NAME", named);
    assertTrue(unknown.contains("parameterMode"), unknown);
  }

  @Test
  void aParameterTheJobDoesNotDeclareIsA400NamingIt() {
    BigQueryException single =
        assertThrows(
            BigQueryException.class,
            () ->
                bq.query(
                    QueryJobConfiguration.newBuilder("SELECT @declared AS a, @missing AS b")
                        .addNamedParameter("declared", QueryParameterValue.int64(1L))
                        .build()));
    assertEquals(400, single.getCode());
    assertTrue(
        single.getMessage().toLowerCase(Locale.ROOT).contains("missing"), single.getMessage());
    BigQueryException none =
        assertThrows(
            BigQueryException.class,
            () -> bq.query(QueryJobConfiguration.of("SELECT @missing AS b")));
    assertEquals(400, none.getCode());
    assertTrue(none.getMessage().contains("missing"), none.getMessage());
    BigQueryException script =
        assertThrows(
            BigQueryException.class,
            () ->
                bq.query(
                    QueryJobConfiguration.newBuilder(
                            "SELECT @declared; INSERT INTO p.t (id) VALUES (@missing_id);")
                        .addNamedParameter("declared", QueryParameterValue.int64(1L))
                        .build()));
    assertTrue(script.getMessage().contains("missing_id"), script.getMessage());
  }
}
