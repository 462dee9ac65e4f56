package io.github.courtside.bigquery.local.internal.rest;

import io.github.courtside.bigquery.local.internal.ApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every job of the server by project and job id, in creation order; request ids of jobs.query. */
final class JobRegistry {
  private final Map<String, LocalJob> jobs = new LinkedHashMap<>();
  private final Map<String, String> requestIds = new HashMap<>();

  /** Registers a new job; 409 {@code duplicate} when the id is taken. */
  synchronized void register(LocalJob job) {
    String key = key(job.project(), job.jobId());
    if (jobs.containsKey(key)) {
      throw ApiException.duplicate("Already Exists: Job " + job.name());
    }
    jobs.put(key, job);
  }

  synchronized boolean exists(String project, String jobId) {
    return jobs.containsKey(key(project, jobId));
  }

  synchronized Optional<LocalJob> get(String project, String jobId) {
    return Optional.ofNullable(jobs.get(key(project, jobId)));
  }

  synchronized LocalJob require(String project, String jobId, String location) {
    LocalJob job = jobs.get(key(project, jobId));
    if (job == null) {
      throw ApiException.notFound("Not found: Job " + project + ":" + location + "." + jobId);
    }
    return job;
  }

  /** The project's jobs, newest first. */
  synchronized List<LocalJob> list(String project) {
    List<LocalJob> out = new ArrayList<>();
    for (LocalJob job : jobs.values()) {
      if (job.project().equals(project)) {
        out.add(job);
      }
    }
    Collections.reverse(out);
    return out;
  }

  synchronized boolean remove(String project, String jobId) {
    return jobs.remove(key(project, jobId)) != null;
  }

  /** The job a {@code jobs.query} request id already started, if any. */
  synchronized Optional<String> jobForRequest(String project, String requestId) {
    return Optional.ofNullable(requestIds.get(key(project, requestId)));
  }

  synchronized void rememberRequest(String project, String requestId, String jobId) {
    requestIds.put(key(project, requestId), jobId);
  }

  private static String key(String project, String id) {
    return project + "\u0000" + id;
  }
}
