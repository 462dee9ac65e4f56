package io.github.courtside.bigquery.local.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.json.GenericJson;
import com.google.api.client.json.gson.GsonFactory;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.CopyJobConfiguration;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.ExtractJobConfiguration;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatus;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import io.github.courtside.bigquery.local.Fault;
import io.github.courtside.bigquery.local.LocalBigQuery;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Job bookkeeping (list, get, cancel, duplicates, retries) and the wire format itself. */
class JobsAndWireFormatTest {
  @RegisterExtension static LocalBigQuery bigQuery = LocalBigQuery.create();

  private static final Schema SCHEMA = Schema.of(Field.of("a", StandardSQLTypeName.INT64));
  private static final TableId SOURCE = TableId.of("jobs", "source");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BigQuery bq = bigQuery.client();

  @BeforeAll
  static void source() {
    BigQuery bq = bigQuery.client();
    bq.create(DatasetInfo.of("jobs"));
    bq.create(TableInfo.of(SOURCE, StandardTableDefinition.of(SCHEMA)));
    bq.insertAll(InsertAllRequest.newBuilder(SOURCE).addRow(Map.of("a", 1)).build());
  }

  @AfterEach
  void clearFaults() {
    bigQuery.faults().clear();
  }

  private Job copy(String jobId, String target) throws InterruptedException {
    return bq.create(
            JobInfo.newBuilder(CopyJobConfiguration.of(TableId.of("jobs", target), SOURCE))
                .setJobId(JobId.of(jobId))
                .build())
        .waitFor();
  }

  @Test
  void jobsListPagesNewestFirst() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertNull(copy("listed_" + i, "listed_" + i).getStatus().getError());
    }
    var first = bq.listJobs(BigQuery.JobListOption.pageSize(2));
    List<String> firstIds = new ArrayList<>();
    first.getValues().forEach(j -> firstIds.add(j.getJobId().getJob()));
    assertEquals(2, firstIds.size());
    assertTrue(first.hasNextPage());
    List<String> all = new ArrayList<>();
    bq.listJobs(
            BigQuery.JobListOption.pageSize(2),
            BigQuery.JobListOption.stateFilter(JobStatus.State.DONE))
        .iterateAll()
        .forEach(j -> all.add(j.getJobId().getJob()));
    List<String> listed = all.stream().filter(id -> id.startsWith("listed_")).toList();
    assertEquals(List.of("listed_4", "listed_3", "listed_2", "listed_1", "listed_0"), listed);
    assertFalse(
        bq.listJobs(BigQuery.JobListOption.stateFilter(JobStatus.State.RUNNING))
            .getValues()
            .iterator()
            .hasNext());
  }

  @Test
  void duplicateJobIdsMissingJobsAndCancel() throws Exception {
    assertNull(copy("once", "once").getStatus().getError());
    // the client answers a 409 on jobs.insert by fetching the existing job
    Job again = copy("once", "twice");
    assertEquals(
        "once", ((CopyJobConfiguration) again.getConfiguration()).getDestinationTable().getTable());
    assertNull(bq.getTable(TableId.of("jobs", "twice")), "the duplicate did not run");
    HttpResponse<String> duplicate =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api("/jobs")))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"jobReference\":{\"jobId\":\"once\"},\"configuration\":{\"copy\":{"
                            + "\"sourceTable\":{\"datasetId\":\"jobs\",\"tableId\":\"source\"},"
                            + "\"destinationTable\":{\"datasetId\":\"jobs\",\"tableId\":\"twice\"}}}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(409, duplicate.statusCode(), duplicate.body());
    assertTrue(duplicate.body().contains("\"duplicate\""), duplicate.body());
    assertNull(bq.getJob(JobId.of("never_created")));
    assertTrue(bq.cancel(JobId.of("once")));
    assertNull(bq.getJob(JobId.of("once")).getStatus().getError(), "a done job stays as it was");
    assertFalse(bq.cancel(JobId.of("never_created")));
  }

  @Test
  void rateLimitedJobInsertIsRetriedByTheClient() throws Exception {
    bigQuery.faults().resetCalls();
    bigQuery.faults().failNext("jobs.insert", Fault.rateLimitExceeded(), 1);
    Job job = copy("retried", "retried");
    assertNull(job.getStatus().getError());
    assertEquals(2, bigQuery.faults().calls("jobs.insert"));
    assertEquals(1, bq.getTable(TableId.of("jobs", "retried")).getNumRows().longValue());
  }

  @Test
  void extractJobsAreNotSupported() {
    BigQueryException error =
        assertThrows(
            BigQueryException.class,
            () -> bq.create(JobInfo.of(ExtractJobConfiguration.of(SOURCE, "gs://b/out.csv"))));
    assertEquals(400, error.getCode());
    assertTrue(error.getMessage().contains("extract jobs"), error.getMessage());
  }

  // ---- the wire format, with requests the Java client does not make ----

  private String api(String path) {
    return bigQuery.restEndpoint() + "/bigquery/v2/projects/" + bigQuery.projectId() + path;
  }

  private static GenericJson json(String body) throws Exception {
    return GsonFactory.getDefaultInstance().fromString(body, GenericJson.class);
  }

  @Test
  void errorsHaveBigQuerysShape() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api("/datasets/jobs/tables/missing"))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains("\n"), "pretty-printed unless prettyPrint=false");
    @SuppressWarnings("unchecked")
    Map<String, Object> error = (Map<String, Object>) json(response.body()).get("error");
    assertEquals(404, ((Number) error.get("code")).intValue());
    assertEquals("NOT_FOUND", error.get("status"));
    String message = "Not found: Table " + bigQuery.projectId() + ":jobs.missing";
    assertEquals(message, error.get("message"));
    @SuppressWarnings("unchecked")
    Map<String, Object> first = ((List<Map<String, Object>>) error.get("errors")).get(0);
    assertEquals("notFound", first.get("reason"));
    assertEquals("global", first.get("domain"));
    assertEquals(message, first.get("message"));
  }

  @Test
  void gzipBodiesAndCompactOutput() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(
          "{\"datasetReference\":{\"datasetId\":\"zipped\"}}".getBytes(StandardCharsets.UTF_8));
    }
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api("/datasets?prettyPrint=false")))
                .header("Content-Encoding", "gzip")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertFalse(response.body().contains("\n"));
    assertNotNull(bq.getDataset("zipped"));
  }

  @Test
  void injectedErrorsDoNothing() throws Exception {
    bigQuery.faults().failNext("datasets.insert", Fault.unavailable(), 1);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api("/datasets")))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"datasetReference\":{\"datasetId\":\"refused\"}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(503, response.statusCode());
    assertTrue(response.body().contains("backendError"));
    assertNull(bq.getDataset("refused"));
  }

  @Test
  void resumableUploadInChunks() throws Exception {
    String metadata =
        "{\"configuration\":{\"load\":{\"destinationTable\":{\"datasetId\":\"jobs\","
            + "\"tableId\":\"chunked\"},\"schema\":{\"fields\":[{\"name\":\"a\",\"type\":\"INTEGER\"}]},"
            + "\"sourceFormat\":\"NEWLINE_DELIMITED_JSON\"}}}";
    HttpResponse<String> start =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        bigQuery.restEndpoint()
                            + "/upload/bigquery/v2/projects/"
                            + bigQuery.projectId()
                            + "/jobs?uploadType=resumable"))
                .POST(HttpRequest.BodyPublishers.ofString(metadata))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, start.statusCode(), start.body());
    String session = start.headers().firstValue("Location").orElseThrow();
    byte[] data = "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> partial =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(session))
                .header("Content-Range", "bytes 0-9/*")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data, 0, 10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(308, partial.statusCode());
    assertEquals("bytes=0-9", partial.headers().firstValue("Range").orElseThrow());
    HttpResponse<String> last =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(session))
                .header("Content-Range", "bytes 10-" + (data.length - 1) + "/" + data.length)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data, 10, data.length - 10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, last.statusCode(), last.body());
    assertTrue(last.body().contains("\"LOAD\""), last.body());
    assertEquals(
        3,
        bq.listTableData(
                TableId.of("jobs", "chunked"), Schema.of(Field.of("a", StandardSQLTypeName.INT64)))
            .getTotalRows());
  }

  @Test
  void servesItsDiscoveryDocumentAndRoutesEveryMethodItDescribes() throws Exception {
    String base = bigQuery.restEndpoint();
    for (String path :
        List.of("/$discovery/rest?version=v2", "/discovery/v1/apis/bigquery/v2/rest")) {
      HttpResponse<String> doc =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, doc.statusCode(), doc.body());
      assertTrue(doc.body().contains("\"rootUrl\": \"" + base + "/\""), path);
      assertTrue(doc.body().contains("\"bigquery.tabledata.insertAll\""), path);
    }
    DiscoveryDocument discovery = DiscoveryDocument.load();
    for (String id : discovery.methodIds()) {
      Map<String, Object> method = discovery.method(id);
      String path =
          ((String) method.get("path"))
              .replace("{+projectId}", bigQuery.projectId())
              .replaceAll("\\{\\+?[A-Za-z]+}", "missing_" + id.replace('.', '_'));
      String verb = (String) method.get("httpMethod");
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/bigquery/v2/" + path))
                  .method(
                      verb,
                      verb.equals("GET") || verb.equals("DELETE")
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertFalse(
          answer.body().contains("unknown path"),
          id + " " + verb + " " + path + ": " + answer.body());
    }
  }

  @Test
  void explicitJsonNullsMeanAbsentAsDiscoveryClientsSendThem() throws Exception {
    // bq and googleapiclient send every unset field as null; the model's null Boolean is TRUE
    bq.create(TableInfo.of(TableId.of("jobs", "nulls"), StandardTableDefinition.of(SCHEMA)));
    HttpResponse<String> insert =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api("/datasets/jobs/tables/nulls/insertAll")))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"skipInvalidRows\": null, \"ignoreUnknownValues\": null,"
                            + " \"templateSuffix\": null, \"rows\": [{\"json\": {\"a\": 1}},"
                            + " {\"json\": {\"a\": 2, \"unknown\": 3}}, {\"json\": {\"a\": null}}]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, insert.statusCode(), insert.body());
    assertTrue(insert.body().contains("\"insertErrors\""), insert.body());
    assertTrue(insert.body().contains("\"stopped\""), "valid rows stopped: " + insert.body());
    assertEquals(
        0,
        bq.listTableData(TableId.of("jobs", "nulls"), SCHEMA).getTotalRows(),
        "nothing written: skipInvalidRows null is false");
    HttpResponse<String> query =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api("/queries")))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"query\": \"SELECT 7 AS seven\", \"dryRun\": null,"
                            + " \"useLegacySql\": false, \"maxResults\": null}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, query.statusCode(), query.body());
    assertTrue(query.body().contains("\"7\""), "ran, not a dry run: " + query.body());
  }
}
