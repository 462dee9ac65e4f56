package io.github.courtside.bigquery.local.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.CopyJobConfiguration;
import com.google.cloud.bigquery.CsvOptions;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobInfo.SchemaUpdateOption;
import com.google.cloud.bigquery.JobStatistics.CopyStatistics;
import com.google.cloud.bigquery.JobStatistics.LoadStatistics;
import com.google.cloud.bigquery.LoadJobConfiguration;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TimePartitioning;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import io.github.courtside.bigquery.local.LocalBigQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Load jobs through uploads, copy jobs, the load-job quota (set to 2 per table per day here). */
class LoadJobsTest {
  @RegisterExtension
  static LocalBigQuery bigQuery = LocalBigQuery.builder().loadJobsPerTablePerDay(2).build();

  static final Schema SCHEMA =
      Schema.of(
          Field.newBuilder("player_id", StandardSQLTypeName.INT64)
              .setMode(Field.Mode.REQUIRED)
              .build(),
          Field.of("pts", StandardSQLTypeName.FLOAT64),
          Field.of("game_date", StandardSQLTypeName.DATE));

  private final BigQuery bq = bigQuery.client();

  @BeforeAll
  static void dataset() {
    bigQuery.client().create(DatasetInfo.of("loads"));
  }

  private Job load(TableId table, WriteChannelConfiguration config, String data)
      throws IOException, InterruptedException {
    JobId jobId = JobId.newBuilder().setJob("load_" + UUID.randomUUID()).setLocation("US").build();
    TableDataWriteChannel writer = bq.writer(jobId, config);
    try (OutputStream out = Channels.newOutputStream(writer)) {
      out.write(data.getBytes(StandardCharsets.UTF_8));
    }
    Job job = writer.getJob();
    assertNotNull(job, "the upload's job for " + table);
    return finished(job);
  }

  /** The job once done; the client's waitFor throws for failed jobs, so read it back then. */
  private Job finished(Job job) throws InterruptedException {
    try {
      return job.waitFor();
    } catch (BigQueryException e) {
      return bq.getJob(job.getJobId());
    }
  }

  private static WriteChannelConfiguration.Builder config(TableId table, FormatOptions format) {
    return WriteChannelConfiguration.newBuilder(table)
        .setFormatOptions(format)
        .setSchema(SCHEMA)
        .setTimePartitioning(
            TimePartitioning.newBuilder(TimePartitioning.Type.DAY).setField("game_date").build());
  }

  private List<String> rows(TableId table) {
    List<String> out = new ArrayList<>();
    for (FieldValueList row : bq.listTableData(table, SCHEMA).iterateAll()) {
      out.add(
          row.get("player_id").getLongValue()
              + "|"
              + row.get("pts").getDoubleValue()
              + "|"
              + row.get("game_date").getStringValue());
    }
    out.sort(String::compareTo);
    return out;
  }

  @Test
  void ndjsonIntoAPartitionDecoratorWithWriteTruncateTwiceGivesTheSameTable() throws Exception {
    TableId base = TableId.of("loads", "games");
    bq.create(
        TableInfo.of(
            base,
            StandardTableDefinition.newBuilder()
                .setSchema(SCHEMA)
                .setTimePartitioning(
                    TimePartitioning.newBuilder(TimePartitioning.Type.DAY)
                        .setField("game_date")
                        .build())
                .build()));
    assertFalse(
        bq.insertAll(
                InsertAllRequest.newBuilder(base)
                    .addRow(Map.of("player_id", 9, "pts", 1.5, "game_date", "2024-04-09"))
                    .build())
            .hasErrors());

    TableId partition = TableId.of("loads", "games$20240410");
    String day =
        "{\"player_id\":1,\"pts\":25.5,\"game_date\":\"2024-04-10\"}\n"
            + "{\"player_id\":2,\"pts\":30,\"game_date\":\"2024-04-10\"}\n";
    WriteChannelConfiguration truncate =
        config(partition, FormatOptions.json())
            .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
            .build();
    Job first = load(partition, truncate, day);
    assertNull(first.getStatus().getError(), () -> String.valueOf(first.getStatus()));
    LoadStatistics stats = first.getStatistics();
    assertEquals(2L, stats.getOutputRows());
    assertEquals(1L, stats.getInputFiles());
    assertEquals((long) day.getBytes(StandardCharsets.UTF_8).length, stats.getInputBytes());
    List<String> afterFirst = rows(base);

    Job second = load(partition, truncate, day);
    assertNull(second.getStatus().getError(), () -> String.valueOf(second.getStatus()));
    assertEquals(afterFirst, rows(base));
    assertEquals(List.of("1|25.5|2024-04-10", "2|30.0|2024-04-10", "9|1.5|2024-04-09"), rows(base));
  }

  @Test
  void csvWithHeaderAndBadRecordsUpToTheLimit() throws Exception {
    TableId table = TableId.of("loads", "csv_games");
    String csv =
        "player_id,pts,game_date\n1,10.5,2024-04-10\nx,2,2024-04-10\n\"3\",\"7\",2024-04-11\n";
    WriteChannelConfiguration strict =
        config(table, CsvOptions.newBuilder().setSkipLeadingRows(1).build()).build();
    Job failed = load(table, strict, csv);
    assertNotNull(failed.getStatus().getError());
    assertEquals("invalid", failed.getStatus().getError().getReason());
    assertTrue(
        failed.getStatus().getExecutionErrors().stream()
            .anyMatch(e -> e.getMessage().contains("position")),
        () -> failed.getStatus().getExecutionErrors().toString());

    WriteChannelConfiguration lenient =
        config(table, CsvOptions.newBuilder().setSkipLeadingRows(1).build())
            .setMaxBadRecords(1)
            .build();
    Job loaded = load(table, lenient, csv);
    assertNull(loaded.getStatus().getError());
    LoadStatistics stats = loaded.getStatistics();
    assertEquals(2L, stats.getOutputRows());
    assertEquals(1L, stats.getBadRecords());
    assertEquals(List.of("1|10.5|2024-04-10", "3|7.0|2024-04-11"), rows(table));
  }

  @Test
  void theQuotaRefusesTheThirdLoadOfTheDay() throws Exception {
    TableId table = TableId.of("loads", "quota");
    String line = "{\"player_id\":1,\"pts\":1,\"game_date\":\"2024-04-10\"}\n";
    WriteChannelConfiguration append = config(table, FormatOptions.json()).build();
    assertNull(load(table, append, line).getStatus().getError());
    assertNull(load(table, append, line).getStatus().getError());
    Job third = load(table, append, line);
    assertNotNull(third.getStatus().getError());
    assertEquals("quotaExceeded", third.getStatus().getError().getReason());
    assertTrue(
        third
            .getStatus()
            .getError()
            .getMessage()
            .startsWith(
                "Quota exceeded: Your table exceeded quota for imports or query appends per table"));
    assertEquals(2, rows(table).size());
  }

  @Test
  void fieldAdditionOnlyWhenAllowed() throws Exception {
    TableId table = TableId.of("loads", "evolving");
    bq.create(TableInfo.of(table, StandardTableDefinition.of(SCHEMA)));
    List<Field> wider = new ArrayList<>(SCHEMA.getFields());
    wider.add(Field.of("minutes", StandardSQLTypeName.INT64));
    String line = "{\"player_id\":1,\"pts\":1,\"game_date\":\"2024-04-10\",\"minutes\":31}\n";
    WriteChannelConfiguration refused =
        WriteChannelConfiguration.newBuilder(table)
            .setFormatOptions(FormatOptions.json())
            .setSchema(Schema.of(wider))
            .build();
    Job first = load(table, refused, line);
    assertNotNull(first.getStatus().getError());
    assertTrue(first.getStatus().getError().getMessage().contains("minutes"));

    WriteChannelConfiguration allowed =
        refused.toBuilder()
            .setSchemaUpdateOptions(List.of(SchemaUpdateOption.ALLOW_FIELD_ADDITION))
            .build();
    Job second = load(table, allowed, line);
    assertNull(second.getStatus().getError(), () -> String.valueOf(second.getStatus()));
    assertEquals(4, bq.getTable(table).getDefinition().getSchema().getFields().size());
  }

  @Test
  void copyJobsHonourDispositions() throws Exception {
    TableId source = TableId.of("loads", "copy_source");
    String lines =
        "{\"player_id\":1,\"pts\":1,\"game_date\":\"2024-04-10\"}\n"
            + "{\"player_id\":2,\"pts\":2,\"game_date\":\"2024-04-10\"}\n";
    assertNull(
        load(source, config(source, FormatOptions.json()).build(), lines).getStatus().getError());
    TableId target = TableId.of("loads", "copy_target");
    Job copied = finished(bq.create(JobInfo.of(CopyJobConfiguration.of(target, source))));
    assertNull(copied.getStatus().getError());
    assertEquals(2L, ((CopyStatistics) copied.getStatistics()).getCopiedRows());
    assertEquals(rows(source), rows(target));

    Job again = finished(bq.create(JobInfo.of(CopyJobConfiguration.of(target, source))));
    assertNotNull(again.getStatus().getError(), "WRITE_EMPTY into a table with rows");

    Job appended =
        finished(
            bq.create(
                JobInfo.of(
                    CopyJobConfiguration.newBuilder(target, source)
                        .setWriteDisposition(JobInfo.WriteDisposition.WRITE_APPEND)
                        .build())));
    assertNull(appended.getStatus().getError());
    assertEquals(4, rows(target).size());

    Job never =
        finished(
            bq.create(
                JobInfo.of(
                    CopyJobConfiguration.newBuilder(TableId.of("loads", "absent"), source)
                        .setCreateDisposition(JobInfo.CreateDisposition.CREATE_NEVER)
                        .build())));
    assertEquals("notFound", never.getStatus().getError().getReason());
  }

  @Test
  void loadsFromCloudStorageAndExtractsAreRefused() {
    BigQueryException uris =
        assertThrows(
            BigQueryException.class,
            () ->
                bq.create(
                    JobInfo.of(
                        LoadJobConfiguration.of(
                            TableId.of("loads", "gcs"), "gs://bucket/f.json"))));
    assertEquals(400, uris.getCode());
    assertTrue(uris.getMessage().contains("not supported by the local server"), uris.getMessage());
  }

  @Test
  void multipartUpload() throws Exception {
    String metadata =
        "{\"configuration\":{\"load\":{\"destinationTable\":{\"projectId\":\""
            + bigQuery.projectId()
            + "\",\"datasetId\":\"loads\",\"tableId\":\"multipart\"},"
            + "\"schema\":{\"fields\":[{\"name\":\"player_id\",\"type\":\"INTEGER\",\"mode\":\"REQUIRED\"},"
            + "{\"name\":\"pts\",\"type\":\"FLOAT\"},{\"name\":\"game_date\",\"type\":\"DATE\"}]},"
            + "\"sourceFormat\":\"NEWLINE_DELIMITED_JSON\"}},"
            + "\"jobReference\":{\"jobId\":\"multipart_1\"}}";
    String data =
        "{\"player_id\":5,\"pts\":12,\"game_date\":\"2024-04-10\"}\n"
            + "{\"player_id\":6,\"pts\":13,\"game_date\":\"2024-04-11\"}\n";
    String boundary = "bq_local_boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
                + metadata
                + "\r\n--"
                + boundary
                + "\r\nContent-Type: application/octet-stream\r\n\r\n"
                + data
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            bigQuery.restEndpoint()
                                + "/upload/bigquery/v2/projects/"
                                + bigQuery.projectId()
                                + "/jobs?uploadType=multipart"))
                    .header("Content-Type", "multipart/related; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("multipart_1"), response.body());
    Job job = finished(bq.getJob(JobId.of("multipart_1")));
    assertNull(job.getStatus().getError());
    assertEquals(
        List.of("5|12.0|2024-04-10", "6|13.0|2024-04-11"), rows(TableId.of("loads", "multipart")));
  }
}
