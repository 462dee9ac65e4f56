package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.ErrorProto;
import com.google.api.services.bigquery.model.Job;
import com.google.api.services.bigquery.model.JobConfiguration;
import com.google.api.services.bigquery.model.JobConfigurationLoad;
import com.google.api.services.bigquery.model.JobConfigurationQuery;
import com.google.api.services.bigquery.model.JobConfigurationTableCopy;
import com.google.api.services.bigquery.model.JobReference;
import com.google.api.services.bigquery.model.JobStatistics;
import com.google.api.services.bigquery.model.JobStatistics3;
import com.google.api.services.bigquery.model.JobStatistics5;
import com.google.api.services.bigquery.model.JobStatus;
import com.google.api.services.bigquery.model.TableReference;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import io.github.courtside.bigquery.local.internal.sql.ScriptOutcome;
import io.github.courtside.bigquery.local.internal.sql.SqlRunner;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates jobs from their REST resource, checks what can be checked up front (a 400 answer to the
 * insert), and runs them on a small executor: query jobs through the {@link SqlRunner}, load jobs
 * from uploaded data, copy jobs between tables. Extract jobs and loads from Cloud Storage URIs are
 * not supported.
 */
final class JobScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
  private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]{1,1024}");

  /** How long {@code jobs.insert} and uploads wait for a job before answering with its state. */
  static final long INSERT_WAIT_MILLIS = 2_000;

  private final ServerSettings settings;
  private final JobRegistry registry;
  private final ExecutorService executor;
  private final QueryJobs queries;
  private final LoadJobs loads;
  private final CopyJobs copies;

  JobScheduler(LocalStorage storage, SqlRunner sql, ServerSettings settings, JobRegistry registry) {
    this.settings = settings;
    this.registry = registry;
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "bigquery-local-job-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.executor = Executors.newFixedThreadPool(4, factory);
    LoadJobQuota quota = new LoadJobQuota(settings.clock(), settings.loadJobsPerTablePerDay());
    TableWriter writer = new TableWriter(storage);
    this.queries =
        new QueryJobs(
            sql,
            new AnonymousDatasets(storage, settings.location()),
            writer,
            quota,
            storage,
            settings.clock());
    this.loads = new LoadJobs(storage, quota, settings.clock());
    this.copies = new CopyJobs(writer, settings.clock());
  }

  JobRegistry registry() {
    return registry;
  }

  QueryJobs queries() {
    return queries;
  }

  long now() {
    return settings.clock().millis();
  }

  /**
   * Creates a job from a {@code jobs.insert} resource (or an upload's metadata with its data),
   * registers it and starts it; returns once it is done or after a short wait.
   */
  LocalJob insert(String project, Job request, byte @Nullable [] uploadData) {
    JobConfiguration config = request.getConfiguration();
    if (config == null) {
      throw ApiException.invalid("Required parameter is missing: configuration");
    }
    String type = validate(project, config, uploadData);
    LocalJob job = create(project, request.getJobReference(), config, type);
    if (Boolean.TRUE.equals(config.getDryRun())) {
      queries.dryRun(job);
      return job;
    }
    registry.register(job);
    byte[] data = uploadData == null ? new byte[0] : uploadData;
    start(
        job,
        () -> {
          switch (type) {
            case "QUERY" -> queries.run(job, this::registerChildren);
            case "LOAD" -> loads.run(job, data);
            case "COPY" -> copies.run(job);
            default -> throw new IllegalStateException(type);
          }
        });
    job.await(INSERT_WAIT_MILLIS);
    return job;
  }

  /**
   * A script's child jobs, as BigQuery keeps them: one DONE query job per statement, with {@code
   * statistics.parentJobId}, the statement's text, type and DML statistics, created in order
   * (listed with {@code jobs.list?parentJobId=}, not among top-level jobs).
   */
  private void registerChildren(LocalJob parent, List<ScriptOutcome> statements) {
    long created = now();
    for (int i = 0; i < statements.size(); i++) {
      ScriptOutcome statement = statements.get(i);
      JobConfiguration config =
          new JobConfiguration()
              .setQuery(
                  new JobConfigurationQuery().setQuery(statement.sql()).setUseLegacySql(false));
      String id = String.format(Locale.ROOT, "script_job_%s_%04d", parent.jobId(), i);
      LocalJob child =
          create(
              parent.project(),
              new JobReference().setJobId(id).setLocation(parent.location()),
              config,
              "QUERY");
      long at = created + i;
      child.finish(
          j -> {
            j.getStatistics()
                .setCreationTime(at)
                .setStartTime(at)
                .setParentJobId(parent.jobId())
                .setQuery(QueryJobs.statistics(statement))
                .setTotalBytesProcessed(statement.totalBytesProcessed());
          },
          at);
      registry.register(child);
    }
  }

  /** Checks the configuration before any job exists; returns the job type. */
  private String validate(String project, JobConfiguration config, byte @Nullable [] uploadData) {
    if (config.getExtract() != null) {
      throw ApiException.notSupported("extract jobs");
    }
    if (config.getQuery() != null) {
      JobConfigurationQuery query = config.getQuery();
      QueryJobs.checkQuery(query.getQuery(), query.getUseLegacySql());
      if (query.getTableDefinitions() != null && !query.getTableDefinitions().isEmpty()) {
        throw ApiException.notSupported("external table definitions in queries");
      }
      qualify(query.getDestinationTable(), project);
      return "QUERY";
    }
    if (Boolean.TRUE.equals(config.getDryRun())) {
      throw ApiException.invalid("Only query jobs can be dry runs");
    }
    if (config.getLoad() != null) {
      JobConfigurationLoad load = config.getLoad();
      if (uploadData == null) {
        throw ApiException.notSupported(
            "load jobs from sourceUris (Cloud Storage); upload the data instead"
                + " (uploadType=resumable or multipart)");
      }
      if (load.getDestinationTable() == null) {
        throw ApiException.invalid("Required parameter is missing: load.destinationTable");
      }
      qualify(load.getDestinationTable(), project);
      LoadJobs.checkFormat(load);
      return "LOAD";
    }
    if (config.getCopy() != null) {
      JobConfigurationTableCopy copy = config.getCopy();
      if (copy.getOperationType() != null && !copy.getOperationType().equals("COPY")) {
        throw ApiException.notSupported("copy operationType " + copy.getOperationType());
      }
      if (copy.getDestinationTable() == null
          || (copy.getSourceTable() == null
              && (copy.getSourceTables() == null || copy.getSourceTables().isEmpty()))) {
        throw ApiException.invalid("A copy job needs a destinationTable and a sourceTable");
      }
      qualify(copy.getDestinationTable(), project);
      qualify(copy.getSourceTable(), project);
      if (copy.getSourceTables() != null) {
        copy.getSourceTables().forEach(t -> qualify(t, project));
      }
      return "COPY";
    }
    throw ApiException.invalid("Required parameter is missing: configuration.query, load or copy");
  }

  private static void qualify(@Nullable TableReference ref, String project) {
    if (ref != null && ref.getProjectId() == null) {
      ref.setProjectId(project);
    }
    if (ref != null && (ref.getDatasetId() == null || ref.getTableId() == null)) {
      throw ApiException.invalid("A table reference needs a datasetId and a tableId");
    }
  }

  /** A new, unregistered job resource in state PENDING. */
  LocalJob create(
      String project, @Nullable JobReference requested, JobConfiguration config, String type) {
    String jobId =
        requested != null && requested.getJobId() != null && !requested.getJobId().isEmpty()
            ? requested.getJobId()
            : "job_" + UUID.randomUUID().toString().replace("-", "");
    if (!JOB_ID.matcher(jobId).matches()) {
      throw ApiException.invalid(
          "Invalid job ID \""
              + jobId
              + "\". Job IDs must be alphanumeric (plus underscores and"
              + " dashes) and must be at most 1024 characters long.");
    }
    String location =
        requested != null && requested.getLocation() != null
            ? requested.getLocation()
            : settings.location();
    config.setJobType(type);
    long now = now();
    Job resource =
        new Job()
            .setKind("bigquery#job")
            .setId(project + ":" + location + "." + jobId)
            .setJobReference(
                new JobReference().setProjectId(project).setJobId(jobId).setLocation(location))
            .setConfiguration(config)
            .setStatus(new JobStatus().setState("PENDING"))
            .setStatistics(new JobStatistics().setCreationTime(now))
            .setUserEmail("local-user@localhost");
    return new LocalJob(project, jobId, location, settings.clock().instant(), resource);
  }

  /** Runs the job's work on the executor; failures become the job's errorResult. */
  void start(LocalJob job, Runnable work) {
    executor.execute(
        () -> {
          if (!job.update(
              j -> {
                j.getStatus().setState("RUNNING");
                j.getStatistics().setStartTime(now());
              })) {
            return;
          }
          try {
            work.run();
          } catch (JobFailure e) {
            job.fail(e.error(), e.details(), now());
          } catch (ApiException e) {
            job.fail(e, now());
          } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            LOG.warn("job {} failed inside the local server", job.name(), e);
            job.fail(
                new ApiException(500, "internalError", "Internal error in the local server: " + e),
                now());
          }
        });
  }

  /** Cancels a job that is not done (best effort: work already under way may still land). */
  LocalJob cancel(String project, String jobId, String location) {
    LocalJob job = registry.require(project, jobId, location);
    job.fail(
        new ApiException(
            400, "stopped", "Job execution was cancelled: User requested cancellation"),
        now());
    return job;
  }

  /** A job failure with the per-record errors of a load. */
  static final class JobFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ApiException error;
    private final transient List<ErrorProto> details;

    JobFailure(ApiException error, List<ErrorProto> details) {
      super(error.getMessage());
      this.error = error;
      this.details = new ArrayList<>(details);
    }

    ApiException error() {
      return error;
    }

    List<ErrorProto> details() {
      return details;
    }
  }

  static String upper(@Nullable String text, String absent) {
    return text == null || text.isEmpty() ? absent : text.toUpperCase(Locale.ROOT);
  }

  static JobStatistics3 loadStatistics(long files, long bytes, long rows, long outBytes, long bad) {
    return new JobStatistics3()
        .setInputFiles(files)
        .setInputFileBytes(bytes)
        .setOutputRows(rows)
        .setOutputBytes(outBytes)
        .setBadRecords(bad);
  }

  static JobStatistics5 copyStatistics(long rows, long bytes) {
    return new JobStatistics5().setCopiedRows(rows).setCopiedLogicalBytes(bytes);
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
