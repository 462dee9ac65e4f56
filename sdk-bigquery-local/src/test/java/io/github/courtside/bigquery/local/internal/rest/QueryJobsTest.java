package io.github.courtside.bigquery.local.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.InsertAllRequest;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics.QueryStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TableResult;
import io.github.courtside.bigquery.local.LocalBigQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Query jobs through the official client: the jobs.query fast path, jobs.insert with paged results,
 * parameters, DML statistics and BigQuery's errors. Needs the SQL runner.
 */
class QueryJobsTest {
  @RegisterExtension static LocalBigQuery bigQuery = LocalBigQuery.create();

  private final BigQuery bq = bigQuery.client();

  @BeforeAll
  static void data() throws InterruptedException {
    BigQuery bq = bigQuery.client();
    bq.create(DatasetInfo.of("q"));
    StringBuilder values = new StringBuilder();
    for (int i = 1; i <= 25; i++) {
      values
          .append(i == 1 ? "" : ", ")
          .append("(")
          .append(i)
          .append(", ")
          .append(i * 1.5)
          .append(")");
    }
    bq.query(QueryJobConfiguration.of("CREATE TABLE q.players (id INT64, pts FLOAT64)"));
    bq.query(QueryJobConfiguration.of("INSERT INTO q.players (id, pts) VALUES " + values));
  }

  @Test
  void fastPathReturnsRowsInline() throws Exception {
    bigQuery.faults().resetCalls();
    TableResult result =
        bq.query(
            QueryJobConfiguration.of(
                "SELECT 1 AS x, 'a' AS s, TIMESTAMP '2024-04-10 12:00:00.5 UTC' AS t"));
    FieldValueList row = result.getValues().iterator().next();
    assertEquals(1, row.get("x").getLongValue());
    assertEquals("a", row.get("s").getStringValue());
    assertEquals(Instant.parse("2024-04-10T12:00:00.500Z"), row.get("t").getTimestampInstant());
    assertEquals(1, result.getTotalRows());
    assertEquals(1, bigQuery.faults().calls("jobs.query"));
  }

  @Test
  void namedParameters() throws Exception {
    TableResult result =
        bq.query(
            QueryJobConfiguration.newBuilder("SELECT id FROM q.players WHERE pts > @m ORDER BY id")
                .addNamedParameter("m", QueryParameterValue.float64(30.0))
                .build());
    List<Long> ids = new ArrayList<>();
    result.iterateAll().forEach(r -> ids.add(r.get("id").getLongValue()));
    assertEquals(List.of(21L, 22L, 23L, 24L, 25L), ids);
  }

  @Test
  void insertedJobPagesThroughItsResults() throws Exception {
    Job job =
        bq.create(
            JobInfo.newBuilder(
                    QueryJobConfiguration.of("SELECT id, pts FROM q.players ORDER BY id"))
                .setJobId(JobId.of("paged_query"))
                .build());
    job = job.waitFor();
    QueryStatistics stats = job.getStatistics();
    assertEquals(
        StandardSQLTypeName.INT64,
        job.getQueryResults().getSchema().getFields().get("id").getType().getStandardType());
    assertEquals("SELECT", stats.getStatementType().name());
    TableResult first = job.getQueryResults(BigQuery.QueryResultsOption.pageSize(10));
    assertEquals(25, first.getTotalRows());
    List<Long> ids = new ArrayList<>();
    first.iterateAll().forEach(r -> ids.add(r.get("id").getLongValue()));
    assertEquals(25, ids.size());
    assertEquals(25L, ids.get(24));
  }

  @Test
  void dmlReportsItsCounts() throws Exception {
    bq.query(QueryJobConfiguration.of("CREATE TABLE q.dml (id INT64)"));
    Job job =
        bq.create(
                JobInfo.of(QueryJobConfiguration.of("INSERT INTO q.dml (id) VALUES (1), (2), (3)")))
            .waitFor();
    QueryStatistics stats = job.getStatistics();
    assertEquals(3L, stats.getNumDmlAffectedRows());
    assertEquals(3L, stats.getDmlStats().getInsertedRowCount());
    Job delete =
        bq.create(JobInfo.of(QueryJobConfiguration.of("DELETE FROM q.dml WHERE id > 1"))).waitFor();
    assertEquals(2L, ((QueryStatistics) delete.getStatistics()).getDmlStats().getDeletedRowCount());
  }

  @Test
  void resultsIntoADestinationTable() throws Exception {
    TableId destination = TableId.of("q", "top");
    bq.query(
        QueryJobConfiguration.newBuilder("SELECT id FROM q.players WHERE id <= 3")
            .setDestinationTable(destination)
            .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
            .build());
    assertEquals(3L, bq.getTable(destination).getNumRows().longValue());
  }

  @Test
  void float64PartitionByIsRefusedAsInBigQuery() {
    BigQueryException error =
        assertThrows(
            BigQueryException.class,
            () ->
                bq.query(
                    QueryJobConfiguration.of(
                        "SELECT SUM(id) OVER (PARTITION BY pts) FROM q.players")));
    assertEquals(400, error.getCode());
    assertEquals("invalidQuery", error.getReason());
    assertNotNull(error.getError().getLocation());
    assertTrue(error.getMessage().contains("FLOAT64"), error.getMessage());
  }

  @Test
  void syntaxError() {
    BigQueryException error =
        assertThrows(BigQueryException.class, () -> bq.query(QueryJobConfiguration.of("SELEC 1")));
    assertEquals(400, error.getCode());
    assertEquals("invalidQuery", error.getReason());
  }

  @Test
  void legacySqlIsRefused() {
    BigQueryException error =
        assertThrows(
            BigQueryException.class,
            () ->
                bq.query(
                    QueryJobConfiguration.newBuilder("SELECT 1").setUseLegacySql(true).build()));
    assertEquals(400, error.getCode());
    assertTrue(error.getMessage().contains("Legacy SQL"), error.getMessage());
  }

  @Test
  void dmlOverFreshlyStreamedRowsIsRefused() throws Exception {
    TableId streamed = TableId.of("q", "streamed");
    bq.create(
        TableInfo.of(
            streamed,
            StandardTableDefinition.of(Schema.of(Field.of("id", StandardSQLTypeName.INT64)))));
    bq.insertAll(InsertAllRequest.newBuilder(streamed).addRow(Map.of("id", 1)).build());
    BigQueryException error =
        assertThrows(
            BigQueryException.class,
            () -> bq.query(QueryJobConfiguration.of("UPDATE q.streamed SET id = 2 WHERE TRUE")));
    assertEquals(400, error.getCode());
    assertTrue(error.getMessage().contains("streaming buffer"), error.getMessage());
  }

  @Test
  void aScriptKeepsOneChildJobPerStatementWithItsOwnDmlStatistics() throws Exception {
    bq.query(QueryJobConfiguration.of("CREATE TABLE q.script_target (k INT64, v STRING)"));
    String script =
        "BEGIN TRANSACTION;\n"
            + "INSERT INTO q.script_target VALUES (1, 'a'), (2, 'b'), (3, 'c');\n"
            + "UPDATE q.script_target SET v = 'z' WHERE k >= 2;\n"
            + "DELETE FROM q.script_target WHERE k = 3;\n"
            + "COMMIT TRANSACTION;";
    Job parent = bq.create(JobInfo.of(QueryJobConfiguration.of(script))).waitFor();
    assertEquals(null, parent.getStatus().getError());
    List<Job> children = new ArrayList<>();
    bq.listJobs(BigQuery.JobListOption.parentJobId(parent.getJobId().getJob()))
        .iterateAll()
        .forEach(children::add);
    children.sort(
        java.util.Comparator.comparing((Job j) -> j.getStatistics().getCreationTime())
            .thenComparing(j -> j.getJobId().getJob()));
    assertEquals(5, children.size());
    List<String> types = new ArrayList<>();
    for (Job child : children) {
      QueryStatistics stats = child.getStatistics();
      assertEquals(parent.getJobId().getJob(), stats.getParentJobId());
      types.add(stats.getStatementType().name());
    }
    assertEquals(
        List.of("BEGIN_TRANSACTION", "INSERT", "UPDATE", "DELETE", "COMMIT_TRANSACTION"), types);
    QueryStatistics insert = children.get(1).getStatistics();
    QueryStatistics update = children.get(2).getStatistics();
    QueryStatistics delete = children.get(3).getStatistics();
    assertEquals(3L, insert.getDmlStats().getInsertedRowCount());
    assertEquals(0L, insert.getDmlStats().getUpdatedRowCount());
    assertEquals(2L, update.getDmlStats().getUpdatedRowCount());
    assertEquals(1L, delete.getDmlStats().getDeletedRowCount());
    assertEquals(
        "UPDATE q.script_target SET v = 'z' WHERE k >= 2;",
        ((QueryJobConfiguration) children.get(2).getConfiguration()).getQuery());
    List<String> topLevel = new ArrayList<>();
    bq.listJobs().iterateAll().forEach(j -> topLevel.add(j.getJobId().getJob()));
    assertTrue(topLevel.contains(parent.getJobId().getJob()));
    assertTrue(
        topLevel.stream().noneMatch(id -> id.startsWith("script_job_")),
        "child jobs are not top-level jobs: " + topLevel);
  }
}
