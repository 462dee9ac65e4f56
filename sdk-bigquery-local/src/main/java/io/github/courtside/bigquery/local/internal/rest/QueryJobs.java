package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.DmlStatistics;
import com.google.api.services.bigquery.model.Job;
import com.google.api.services.bigquery.model.JobConfigurationQuery;
import com.google.api.services.bigquery.model.JobStatistics2;
import com.google.api.services.bigquery.model.QueryParameter;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.sql.ScriptOutcome;
import io.github.courtside.bigquery.local.internal.sql.ScriptRequest;
import io.github.courtside.bigquery.local.internal.sql.SqlRunner;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import io.github.courtside.bigquery.local.internal.storage.WriteOrigin;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Query jobs: the SQL goes to the {@link SqlRunner}; a final SELECT's rows land in the job's
 * anonymous result table (named in {@code configuration.query.destinationTable}, so that clients
 * can page through it with {@code tabledata.list}), and are copied into a destination table the job
 * names, with its dispositions.
 */
final class QueryJobs {
  private final SqlRunner sql;
  private final AnonymousDatasets anonymous;
  private final TableWriter writer;
  private final LoadJobQuota quota;
  private final LocalStorage storage;
  private final Clock clock;

  QueryJobs(
      SqlRunner sql,
      AnonymousDatasets anonymous,
      TableWriter writer,
      LoadJobQuota quota,
      LocalStorage storage,
      Clock clock) {
    this.clock = clock;
    this.sql = sql;
    this.anonymous = anonymous;
    this.writer = writer;
    this.quota = quota;
    this.storage = storage;
  }

  LocalStorage storage() {
    return storage;
  }

  /** Only GoogleSQL runs here: legacy SQL is refused with 400 {@code invalid}. */
  static void checkQuery(@Nullable String query, @Nullable Boolean useLegacySql) {
    if (query == null || query.isBlank()) {
      throw ApiException.invalid("Required parameter is missing: query");
    }
    String head = query.stripLeading().toLowerCase(Locale.ROOT);
    if (Boolean.TRUE.equals(useLegacySql) || head.startsWith("#legacysql")) {
      throw ApiException.invalid(
          "Legacy SQL is not supported by the local server: set useLegacySql to false (GoogleSQL"
              + " only)");
    }
  }

  /**
   * Runs the job; a script's statements are handed to {@code children} (to become its child jobs)
   * before the job is marked done, so a client that sees it done can list them.
   */
  void run(LocalJob job, java.util.function.BiConsumer<LocalJob, List<ScriptOutcome>> children) {
    Job snapshot = job.snapshot();
    JobConfigurationQuery config = snapshot.getConfiguration().getQuery();
    TableReference result = anonymous.resultTable(job.project(), job.jobId());
    ScriptOutcome outcome = sql.run(request(job, config, result));
    @Nullable TableReference destination = config.getDestinationTable();
    boolean rows = outcome.resultSchema() != null;
    if (rows && destination != null) {
      String create = JobScheduler.upper(config.getCreateDisposition(), "CREATE_IF_NEEDED");
      String write = JobScheduler.upper(config.getWriteDisposition(), "WRITE_EMPTY");
      quota.acquire(destination);
      writer.ensure(
          destination,
          create,
          new Table()
              .setSchema(outcome.resultSchema())
              .setTimePartitioning(config.getTimePartitioning())
              .setRangePartitioning(config.getRangePartitioning())
              .setClustering(config.getClustering()));
      writer.write(destination, write, WriteOrigin.QUERY, List.of(writer.readAll(result)));
    }
    if (rows) {
      job.resultTable(result);
    }
    children.accept(job, outcome.statements());
    job.finish(
        j -> {
          if (rows && destination == null) {
            j.getConfiguration().getQuery().setDestinationTable(result);
          }
          j.getStatistics().setQuery(statistics(outcome));
          j.getStatistics().setTotalBytesProcessed(outcome.totalBytesProcessed());
          if (!outcome.statements().isEmpty()) {
            j.getStatistics().setNumChildJobs((long) outcome.statements().size());
          }
        },
        clock.millis());
  }

  /** A dry run: analysed, not run, not kept. */
  void dryRun(LocalJob job) {
    long now = clock.millis();
    JobConfigurationQuery config = job.snapshot().getConfiguration().getQuery();
    TableReference result = anonymous.resultTable(job.project(), job.jobId());
    ScriptOutcome outcome = sql.dryRun(request(job, config, result));
    job.finish(
        j -> {
          j.getStatistics().setQuery(statistics(outcome));
          j.getStatistics().setTotalBytesProcessed(outcome.totalBytesProcessed());
          j.getStatistics().setStartTime(now);
        },
        now);
  }

  private static ScriptRequest request(
      LocalJob job, JobConfigurationQuery config, TableReference result) {
    return new ScriptRequest(
        config.getQuery(),
        job.project(),
        config.getDefaultDataset(),
        parameters(config.getParameterMode(), config.getQueryParameters()),
        result);
  }

  /**
   * The job's query parameters under its {@code parameterMode}: {@code NAMED} requires a name on
   * every parameter, {@code POSITIONAL} binds them to the {@code ?} placeholders in order and
   * ignores their names, and without a mode they are named when they carry names (the analyzer then
   * refuses a placeholder the job does not declare, naming it).
   */
  static List<QueryParameter> parameters(
      @Nullable String mode, @Nullable List<QueryParameter> declared) {
    List<QueryParameter> parameters = declared == null ? List.of() : declared;
    if (mode == null || mode.isBlank()) {
      return parameters;
    }
    switch (mode.toUpperCase(Locale.ROOT)) {
      case "NAMED" -> {
        for (int i = 0; i < parameters.size(); i++) {
          String name = parameters.get(i).getName();
          if (name == null || name.isEmpty()) {
            throw ApiException.invalid(
                "Query parameter #" + (i + 1) + " has no name, but the parameterMode is NAMED");
          }
        }
        return parameters;
      }
      case "POSITIONAL" -> {
        return parameters.stream().map(p -> p.clone().setName(null)).toList();
      }
      default ->
          throw ApiException.invalid(
              "Invalid parameterMode '" + mode + "': expected NAMED or POSITIONAL");
    }
  }

  static JobStatistics2 statistics(ScriptOutcome outcome) {
    JobStatistics2 stats =
        new JobStatistics2()
            .setStatementType(outcome.statementType())
            .setTotalBytesProcessed(outcome.totalBytesProcessed())
            .setTotalBytesBilled(outcome.totalBytesProcessed())
            .setEstimatedBytesProcessed(outcome.totalBytesProcessed())
            .setCacheHit(false)
            .setSchema(outcome.resultSchema());
    if (!outcome.referencedTables().isEmpty()) {
      stats.setReferencedTables(new java.util.ArrayList<>(outcome.referencedTables()));
    }
    if (outcome.dml()) {
      stats.setNumDmlAffectedRows(outcome.affectedRows());
      stats.setDmlStats(dmlStats(outcome));
    }
    if (outcome.ddlTargetTable() != null) {
      stats.setDdlTargetTable(outcome.ddlTargetTable());
    }
    if (outcome.ddlOperationPerformed() != null) {
      stats.setDdlOperationPerformed(outcome.ddlOperationPerformed());
    }
    return stats;
  }

  static DmlStatistics dmlStats(ScriptOutcome outcome) {
    return new DmlStatistics()
        .setInsertedRowCount(outcome.insertedRows())
        .setUpdatedRowCount(outcome.updatedRows())
        .setDeletedRowCount(outcome.deletedRows());
  }
}
