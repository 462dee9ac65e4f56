package io.github.courtside.bigquery.warehouse;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobConfiguration;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatus;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.WarehouseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts jobs with explicit, prefixed job ids (so a retried request never runs the job twice and
 * every log line names the job) and waits for them with a timeout; a job still RUNNING when the
 * wait ends is a retryable {@link WarehouseException} naming the job.
 */
final class JobRunner {
  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
  private static final Duration FIRST_POLL = Duration.ofMillis(25);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

  private final BigQuery bigquery;
  private final String project;
  private final @Nullable String location;
  private final String prefix;
  private final Duration timeout;
  private final Clock clock;

  JobRunner(
      BigQuery bigquery,
      String project,
      @Nullable String location,
      String prefix,
      Duration timeout,
      Clock clock) {
    this.bigquery = bigquery;
    this.project = project;
    this.location = location;
    this.prefix = prefix;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** A new job id: {@code <prefix><kind>_<uuid>} in the warehouse's project and location. */
  JobId newJobId(String kind) {
    JobId.Builder id =
        JobId.newBuilder().setProject(project).setJob(prefix + kind + "_" + UUID.randomUUID());
    if (location != null) {
      id.setLocation(location);
    }
    return id.build();
  }

  /** Starts the job and waits until it is done; fails with the job's error. */
  Job run(JobId id, JobConfiguration configuration, @Nullable TableId table, String what) {
    log.debug("starting job {}: {}", id.getJob(), what);
    Job job;
    try {
      job = bigquery.create(JobInfo.of(id, configuration));
    } catch (BigQueryException e) {
      throw BigQueryFailures.of(table, what + " could not start", e, id.getJob());
    }
    return await(job, table, what);
  }

  /** Waits until {@code job} is done; fails with the job's error. */
  Job await(Job job, @Nullable TableId table, String what) {
    String jobId = Objects.requireNonNull(job.getJobId().getJob());
    Instant deadline = clock.instant().plus(timeout);
    Duration pause = FIRST_POLL;
    Job current = job;
    try {
      while (!isDone(current)) {
        if (!clock.instant().isBefore(deadline)) {
          throw new WarehouseException(
              table,
              what + ": job " + jobId + " still RUNNING after " + timeout + "; it may yet finish",
              null,
              true,
              jobId);
        }
        Thread.sleep(pause.toMillis());
        pause =
            pause.multipliedBy(2).compareTo(LONGEST_POLL) > 0
                ? LONGEST_POLL
                : pause.multipliedBy(2);
        Job reloaded = bigquery.getJob(current.getJobId());
        if (reloaded == null) {
          throw new WarehouseException(
              table, what + ": job " + jobId + " disappeared", null, true, jobId);
        }
        current = reloaded;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WarehouseException(
          table, what + ": interrupted waiting for job " + jobId, e, true, jobId);
    } catch (BigQueryException e) {
      throw BigQueryFailures.of(table, what + " (waiting for the job)", e, jobId);
    }
    JobStatus status = current.getStatus();
    BigQueryError error = status == null ? null : status.getError();
    if (error != null) {
      log.info("job {} failed: {} {}", jobId, error.getReason(), error.getMessage());
      throw new JobFailedException(table, what, error, jobId);
    }
    log.debug("job {} done: {}", jobId, what);
    return current;
  }

  private static boolean isDone(Job job) {
    JobStatus status = job.getStatus();
    return status != null && JobStatus.State.DONE.equals(status.getState());
  }

  /** A job finished with an error; keeps BigQuery's error for the caller to map. */
  static final class JobFailedException extends WarehouseException {
    private static final long serialVersionUID = 1L;

    private final BigQueryError error;

    JobFailedException(@Nullable TableId table, String what, BigQueryError error, String jobId) {
      super(
          table,
          BigQueryFailures.jobErrorMessage(what, error),
          null,
          BigQueryFailures.retryableReason(error.getReason()),
          jobId);
      this.error = error;
    }

    BigQueryError error() {
      return error;
    }
  }
}
