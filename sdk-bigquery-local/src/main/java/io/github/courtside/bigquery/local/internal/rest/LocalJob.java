package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.ErrorProto;
import com.google.api.services.bigquery.model.Job;
import com.google.api.services.bigquery.model.JobStatus;
import com.google.api.services.bigquery.model.TableReference;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One job: its REST resource (configuration as sent, status, statistics) and, for a query, where
 * its result rows are. State goes PENDING, RUNNING, DONE; DONE is final (a cancelled job stays
 * cancelled whatever its work does afterwards).
 */
final class LocalJob {
  private final String project;
  private final String jobId;
  private final String location;
  private final Instant created;
  private final CountDownLatch done = new CountDownLatch(1);
  private final Job resource;
  private @Nullable TableReference resultTable;
  private @Nullable ApiException failure;

  LocalJob(String project, String jobId, String location, Instant created, Job resource) {
    this.project = project;
    this.jobId = jobId;
    this.location = location;
    this.created = created;
    this.resource = resource;
  }

  String project() {
    return project;
  }

  String jobId() {
    return jobId;
  }

  String location() {
    return location;
  }

  Instant created() {
    return created;
  }

  /** {@code project:LOCATION.jobId}, as BigQuery names jobs in messages. */
  String name() {
    return project + ":" + location + "." + jobId;
  }

  /**
   * A copy of the current resource (through JSON: the model's clone cannot copy the immutable lists
   * that may sit in it).
   */
  synchronized Job snapshot() {
    return JsonCodec.parse(
        JsonCodec.write(resource, false).getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Job.class);
  }

  synchronized String state() {
    return resource.getStatus().getState();
  }

  /** {@code statistics.parentJobId}: the script job of a child job, null for a top-level job. */
  synchronized @Nullable String parentJobId() {
    return resource.getStatistics().getParentJobId();
  }

  /** {@code statistics.creationTime}, in epoch milliseconds. */
  synchronized @Nullable Long creationTime() {
    return resource.getStatistics().getCreationTime();
  }

  synchronized boolean isDone() {
    return "DONE".equals(resource.getStatus().getState());
  }

  /** Applies a change to the resource while the job is not done yet; false when it is. */
  synchronized boolean update(Consumer<Job> change) {
    if (isDone()) {
      return false;
    }
    change.accept(resource);
    return true;
  }

  /** Marks the job DONE (once), after {@code change}, and wakes the waiters. */
  synchronized boolean finish(Consumer<Job> change, long endMillis) {
    if (isDone()) {
      return false;
    }
    change.accept(resource);
    resource.getStatistics().setEndTime(endMillis);
    resource.getStatus().setState("DONE");
    done.countDown();
    return true;
  }

  /** Marks the job DONE with an error. */
  boolean fail(ApiException error, long endMillis) {
    return fail(error, List.of(), endMillis);
  }

  synchronized boolean fail(ApiException error, List<ErrorProto> details, long endMillis) {
    if (isDone()) {
      return false;
    }
    ErrorProto proto = ErrorBody.proto(error);
    JobStatus status = resource.getStatus();
    status.setErrorResult(proto);
    java.util.ArrayList<ErrorProto> all = new java.util.ArrayList<>();
    all.add(proto);
    all.addAll(details);
    status.setErrors(all);
    this.failure = error;
    resource.getStatistics().setEndTime(endMillis);
    status.setState("DONE");
    done.countDown();
    return true;
  }

  /** Waits until the job is done, at most {@code millis}; whether it is done. */
  boolean await(long millis) {
    try {
      return done.await(Math.max(0, millis), TimeUnit.MILLISECONDS) || isDone();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return isDone();
    }
  }

  synchronized @Nullable ApiException failure() {
    return failure;
  }

  synchronized @Nullable TableReference resultTable() {
    return resultTable;
  }

  synchronized void resultTable(@Nullable TableReference table) {
    this.resultTable = table;
  }
}
