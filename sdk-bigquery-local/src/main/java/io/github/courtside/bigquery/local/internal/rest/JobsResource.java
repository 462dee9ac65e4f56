package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.DataFormatOptions;
import com.google.api.services.bigquery.model.GetQueryResultsResponse;
import com.google.api.services.bigquery.model.Job;
import com.google.api.services.bigquery.model.JobCancelResponse;
import com.google.api.services.bigquery.model.JobConfiguration;
import com.google.api.services.bigquery.model.JobConfigurationQuery;
import com.google.api.services.bigquery.model.JobList;
import com.google.api.services.bigquery.model.JobReference;
import com.google.api.services.bigquery.model.JobStatistics;
import com.google.api.services.bigquery.model.JobStatistics2;
import com.google.api.services.bigquery.model.QueryRequest;
import com.google.api.services.bigquery.model.QueryResponse;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import com.google.api.services.bigquery.model.TableSchema;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import io.github.courtside.bigquery.local.internal.storage.RowPage;
import io.github.courtside.bigquery.local.internal.storage.TableRowCodec;
import io.github.courtside.bigquery.local.internal.storage.TableRowCodec.TimestampOutput;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code jobs.insert}, {@code jobs.query} (the fast path: rows inline), {@code jobs.get}, {@code
 * jobs.getQueryResults}, {@code jobs.cancel}, {@code jobs.list} and {@code jobs.delete}.
 */
final class JobsResource {
  static final long DEFAULT_TIMEOUT_MS = 10_000;

  private final JobScheduler scheduler;
  private final JobRegistry registry;
  private final LocalStorage storage;
  private final ServerSettings settings;

  JobsResource(JobScheduler scheduler, LocalStorage storage, ServerSettings settings) {
    this.scheduler = scheduler;
    this.registry = scheduler.registry();
    this.storage = storage;
    this.settings = settings;
  }

  List<Route> routes() {
    String jobs = "projects/{projectId}/jobs";
    return List.of(
        Route.of("POST", jobs, "jobs.insert", this::insert),
        Route.of("GET", jobs, "jobs.list", this::list),
        Route.of("GET", jobs + "/{jobId}", "jobs.get", this::get),
        Route.of("POST", jobs + "/{jobId}/cancel", "jobs.cancel", this::cancel),
        Route.of("DELETE", jobs + "/{jobId}/delete", "jobs.delete", this::delete),
        Route.of("POST", "projects/{projectId}/queries", "jobs.query", this::query),
        Route.of(
            "GET", "projects/{projectId}/queries/{jobId}", "jobs.getQueryResults", this::results));
  }

  private RestResponse insert(RestRequest request) {
    String project = request.path("projectId");
    Job body = request.body(Job.class);
    return RestResponse.json(scheduler.insert(project, body, null).snapshot());
  }

  private RestResponse get(RestRequest request) {
    return RestResponse.json(job(request).snapshot());
  }

  private LocalJob job(RestRequest request) {
    String location = request.param("location");
    return registry.require(
        request.path("projectId"),
        request.path("jobId"),
        location == null ? settings.location() : location);
  }

  private RestResponse cancel(RestRequest request) {
    String location = request.param("location");
    LocalJob job =
        scheduler.cancel(
            request.path("projectId"),
            request.path("jobId"),
            location == null ? settings.location() : location);
    return RestResponse.json(
        new JobCancelResponse().setKind("bigquery#jobCancelResponse").setJob(job.snapshot()));
  }

  private RestResponse delete(RestRequest request) {
    LocalJob job = job(request);
    if (!job.isDone()) {
      throw ApiException.invalid("Job " + job.name() + " is still running; cancel it first");
    }
    registry.remove(job.project(), job.jobId());
    return RestResponse.noContent();
  }

  private RestResponse list(RestRequest request) {
    Set<String> states =
        request.params("stateFilter").stream()
            .map(s -> s.toUpperCase(Locale.ROOT))
            .collect(Collectors.toSet());
    Long minCreation = request.longParam("minCreationTime");
    Long maxCreation = request.longParam("maxCreationTime");
    boolean minimal = "minimal".equalsIgnoreCase(request.param("projection"));
    // with parentJobId only that script's child jobs, otherwise only top-level jobs
    String parent = request.param("parentJobId");
    // filtered on the live jobs and paged before any resource is copied: the registry holds
    // every job of the server's life, and copying them all made each listing linear in it
    List<LocalJob> matching =
        registry.list(request.path("projectId")).stream()
            .filter(j -> Objects.equals(parent, j.parentJobId()))
            .filter(j -> states.isEmpty() || states.contains(j.state()))
            .filter(j -> minCreation == null || created(j) >= minCreation)
            .filter(j -> maxCreation == null || created(j) <= maxCreation)
            .toList();
    Paging<LocalJob> page = Paging.of(matching, request, 1_000);
    JobList out = new JobList().setKind("bigquery#jobList");
    if (!page.items().isEmpty()) {
      out.setJobs(page.items().stream().map(j -> listEntry(j.snapshot(), minimal)).toList());
    }
    out.setNextPageToken(page.nextPageToken());
    return RestResponse.json(out);
  }

  private static long created(LocalJob job) {
    Long created = job.creationTime();
    return created == null ? 0 : created;
  }

  private static JobList.Jobs listEntry(Job job, boolean minimal) {
    JobList.Jobs entry =
        new JobList.Jobs()
            .setKind("bigquery#job")
            .setId(job.getId())
            .setJobReference(job.getJobReference())
            .setState(job.getStatus().getState())
            .setErrorResult(job.getStatus().getErrorResult())
            .setStatus(job.getStatus())
            .setStatistics(job.getStatistics())
            .setUserEmail(job.getUserEmail());
    if (!minimal) {
      entry.setConfiguration(job.getConfiguration());
    } else {
      entry.setConfiguration(
          new JobConfiguration().setJobType(job.getConfiguration().getJobType()));
    }
    return entry;
  }

  // ---- jobs.query and jobs.getQueryResults ----

  private RestResponse query(RestRequest request) {
    String project = request.path("projectId");
    QueryRequest body = request.body(QueryRequest.class);
    QueryJobs.checkQuery(body.getQuery(), body.getUseLegacySql());
    String requestId = body.getRequestId();
    LocalJob job = null;
    if (requestId != null && !requestId.isEmpty()) {
      Optional<String> previous = registry.jobForRequest(project, requestId);
      if (previous.isPresent()) {
        job = registry.get(project, previous.get()).orElse(null);
      }
    }
    if (job == null) {
      Job resource =
          new Job()
              .setJobReference(new JobReference().setLocation(body.getLocation()))
              .setConfiguration(
                  new JobConfiguration()
                      .setDryRun(body.getDryRun())
                      .setLabels(body.getLabels())
                      .setJobTimeoutMs(body.getJobTimeoutMs())
                      .setQuery(
                          new JobConfigurationQuery()
                              .setQuery(body.getQuery())
                              .setUseLegacySql(false)
                              .setDefaultDataset(body.getDefaultDataset())
                              .setQueryParameters(body.getQueryParameters())
                              .setParameterMode(body.getParameterMode())
                              .setUseQueryCache(body.getUseQueryCache())
                              .setMaximumBytesBilled(body.getMaximumBytesBilled())
                              .setCreateSession(body.getCreateSession())));
      if (Boolean.TRUE.equals(body.getDryRun())) {
        LocalJob dry = scheduler.insert(project, resource, null);
        Job snapshot = dry.snapshot();
        JobStatistics2 stats = snapshot.getStatistics().getQuery();
        QueryResponse response =
            new QueryResponse()
                .setKind("bigquery#queryResponse")
                .setJobComplete(true)
                .setCacheHit(false)
                .setSchema(stats.getSchema())
                .setTotalBytesProcessed(stats.getTotalBytesProcessed())
                .setLocation(dry.location());
        return RestResponse.json(response);
      }
      job = scheduler.insert(project, resource, null);
      if (requestId != null && !requestId.isEmpty()) {
        registry.rememberRequest(project, requestId, job.jobId());
      }
    }
    long timeout = body.getTimeoutMs() == null ? DEFAULT_TIMEOUT_MS : body.getTimeoutMs();
    job.await(timeout);
    DataFormatOptions format = body.getFormatOptions();
    TimestampOutput timestamps =
        format == null
            ? TimestampOutput.FLOAT64_SECONDS
            : TimestampOutput.of(
                Boolean.TRUE.equals(format.getUseInt64Timestamp()),
                format.getTimestampOutputFormat());
    Long max = body.getMaxResults();
    Results results =
        results(job, 0, max == null ? TabledataResource.MAX_PAGE_ROWS : max, timestamps);
    Job snapshot = results.job();
    QueryResponse response =
        new QueryResponse()
            .setKind("bigquery#queryResponse")
            .setJobReference(snapshot.getJobReference())
            .setLocation(job.location())
            .setQueryId(job.jobId())
            .setJobComplete(results.complete());
    JobStatistics stats = snapshot.getStatistics();
    response.setCreationTime(stats.getCreationTime()).setStartTime(stats.getStartTime());
    if (results.complete()) {
      JobStatistics2 query = stats.getQuery();
      response
          .setEndTime(stats.getEndTime())
          .setCacheHit(false)
          .setSchema(results.schema())
          .setRows(results.rows())
          .setPageToken(results.pageToken())
          .setTotalRows(results.totalRows())
          .setTotalBytesProcessed(query == null ? null : query.getTotalBytesProcessed());
      if (query != null && query.getNumDmlAffectedRows() != null) {
        response
            .setNumDmlAffectedRows(query.getNumDmlAffectedRows())
            .setDmlStats(query.getDmlStats());
      }
    }
    return RestResponse.json(response);
  }

  private RestResponse results(RestRequest request) {
    LocalJob job = job(request);
    Long timeout = request.longParam("timeoutMs");
    job.await(timeout == null ? DEFAULT_TIMEOUT_MS : timeout);
    long start =
        PageToken.offset(request.param("pageToken"), TabledataResource.startIndex(request));
    Results results =
        results(
            job,
            start,
            TabledataResource.maxResults(request),
            TabledataResource.timestamps(request));
    Job snapshot = results.job();
    GetQueryResultsResponse response =
        new GetQueryResultsResponse()
            .setKind("bigquery#getQueryResultsResponse")
            .setJobReference(snapshot.getJobReference())
            .setJobComplete(results.complete());
    if (results.complete()) {
      JobStatistics2 query = snapshot.getStatistics().getQuery();
      response
          .setCacheHit(false)
          .setSchema(results.schema())
          .setRows(results.rows())
          .setPageToken(results.pageToken())
          .setTotalRows(results.totalRows())
          .setTotalBytesProcessed(query == null ? null : query.getTotalBytesProcessed());
      if (query != null && query.getNumDmlAffectedRows() != null) {
        response.setNumDmlAffectedRows(query.getNumDmlAffectedRows());
      }
    }
    return RestResponse.json(response);
  }

  /** A page of a query job's results, or not complete yet; a failed job answers with its error. */
  private record Results(
      Job job,
      boolean complete,
      @Nullable TableSchema schema,
      @Nullable List<TableRow> rows,
      @Nullable BigInteger totalRows,
      @Nullable String pageToken) {}

  private Results results(LocalJob job, long start, long max, TimestampOutput timestamps) {
    Job snapshot = job.snapshot();
    if (!"QUERY".equals(snapshot.getConfiguration().getJobType())) {
      throw ApiException.invalid("Job " + job.name() + " is not a query job");
    }
    if (!job.isDone()) {
      return new Results(snapshot, false, null, null, null, null);
    }
    ApiException failure = job.failure();
    if (failure != null) {
      throw failure;
    }
    TableReference table = job.resultTable();
    if (table == null) {
      return new Results(snapshot, true, null, null, null, null);
    }
    long size = Math.min(Math.max(max, 0), TabledataResource.MAX_PAGE_ROWS);
    RowPage page = storage.read(table, start, Math.max(size, 0), null);
    List<TableFieldSchema> fields =
        page.schema().getFields() == null ? List.of() : page.schema().getFields();
    List<TableRow> rows =
        page.rows().isEmpty() ? null : TableRowCodec.toTableRows(page.rows(), fields, timestamps);
    String token = size == 0 ? null : PageToken.next(start, page.rows().size(), page.totalRows());
    return new Results(
        snapshot, true, page.schema(), rows, BigInteger.valueOf(page.totalRows()), token);
  }
}
