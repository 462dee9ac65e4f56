package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.Job;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Media uploads of load jobs ({@code POST /upload/bigquery/v2/projects/{p}/jobs}): {@code
 * uploadType=resumable} (a session URL in {@code Location}, then {@code PUT}s with {@code
 * Content-Range}, 308 with {@code Range} until the last byte, then the job) and {@code
 * uploadType=multipart} ({@code multipart/related}: the job's JSON, then the data).
 */
final class UploadsResource {
  private static final Pattern RANGE = Pattern.compile("bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");

  private final JobScheduler scheduler;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  UploadsResource(JobScheduler scheduler) {
    this.scheduler = scheduler;
  }

  List<Route> routes() {
    return List.of(
        Route.upload("POST", "projects/{projectId}/jobs", "upload", this::start),
        Route.upload("PUT", "projects/{projectId}/jobs", "upload", this::put));
  }

  /** One resumable upload: the job's metadata and the bytes received so far. */
  private static final class Session {
    final String project;
    final Job job;
    final ByteArrayOutputStream data = new ByteArrayOutputStream();
    @Nullable LocalJob done;

    Session(String project, Job job) {
      this.project = project;
      this.job = job;
    }
  }

  private RestResponse start(RestRequest request) {
    String project = request.path("projectId");
    String type = request.param("uploadType");
    if ("resumable".equals(type)) {
      Job job = request.body(Job.class);
      checkLoad(project, job);
      String id = UUID.randomUUID().toString().replace("-", "");
      sessions.put(id, new Session(project, job));
      String location =
          request.baseUrl()
              + "/upload/bigquery/v2/projects/"
              + project
              + "/jobs?uploadType=resumable&upload_id="
              + id;
      return RestResponse.empty(200)
          .header("Location", location)
          .header("X-GUploader-UploadID", id);
    }
    if ("multipart".equals(type)) {
      String contentType = request.header("Content-Type");
      List<byte[]> parts = Multipart.parts(request.body(), contentType);
      if (parts.size() != 2) {
        throw ApiException.invalid(
            "A multipart upload needs two parts (the job's JSON, then the data), got "
                + parts.size());
      }
      Job job = JsonCodec.parse(parts.get(0), Job.class);
      checkLoad(project, job);
      return RestResponse.json(scheduler.insert(project, job, parts.get(1)).snapshot());
    }
    throw ApiException.notSupported(
        "uploadType=" + type + " (resumable and multipart uploads are supported)");
  }

  private void checkLoad(String project, Job job) {
    if (job.getConfiguration() == null || job.getConfiguration().getLoad() == null) {
      throw ApiException.invalid("An upload needs a load job configuration");
    }
    if (job.getJobReference() != null
        && job.getJobReference().getJobId() != null
        && scheduler.registry().exists(project, job.getJobReference().getJobId())) {
      throw ApiException.duplicate(
          "Already Exists: Job " + project + ":" + job.getJobReference().getJobId());
    }
  }

  private RestResponse put(RestRequest request) {
    String id = request.param("upload_id");
    Session session = id == null ? null : sessions.get(id);
    if (session == null) {
      throw ApiException.notFound("Not found: upload session " + id);
    }
    synchronized (session) {
      if (session.done != null) {
        return RestResponse.json(session.done.snapshot());
      }
      byte[] body = request.body();
      String range = request.header("Content-Range");
      long total = -1;
      if (range == null) {
        session.data.writeBytes(body);
        total = session.data.size();
      } else {
        Matcher m = RANGE.matcher(range.trim());
        if (!m.matches()) {
          throw ApiException.invalid("Invalid Content-Range: " + range);
        }
        if (!m.group(3).equals("*")) {
          total = Long.parseLong(m.group(3));
        }
        if (m.group(1) != null) {
          long first = Long.parseLong(m.group(1));
          long received = session.data.size();
          if (first > received) {
            return incomplete(session);
          }
          int skip = (int) (received - first);
          if (skip < body.length) {
            session.data.write(body, skip, body.length - skip);
          }
        }
      }
      if (total >= 0 && session.data.size() >= total) {
        LocalJob job = scheduler.insert(session.project, session.job, session.data.toByteArray());
        session.done = job;
        return RestResponse.json(job.snapshot());
      }
      return incomplete(session);
    }
  }

  private static RestResponse incomplete(Session session) {
    RestResponse response = RestResponse.empty(308);
    if (session.data.size() > 0) {
      response.header("Range", "bytes=0-" + (session.data.size() - 1));
    }
    return response;
  }

  /** The parts of a {@code multipart/related} body. */
  static final class Multipart {
    private Multipart() {}

    static List<byte[]> parts(byte[] body, @Nullable String contentType) {
      String boundary = boundary(contentType);
      byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      List<byte[]> parts = new ArrayList<>();
      int at = indexOf(body, delimiter, 0);
      while (at >= 0) {
        int start = at + delimiter.length;
        if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
          break;
        }
        int next = indexOf(body, delimiter, start);
        if (next < 0) {
          break;
        }
        int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
        int contentStart;
        if (headersEnd >= 0 && headersEnd < next) {
          contentStart = headersEnd + 4;
        } else {
          int lf = indexOf(body, "\n\n".getBytes(StandardCharsets.ISO_8859_1), start);
          contentStart = lf >= 0 && lf < next ? lf + 2 : start;
        }
        int contentEnd = next;
        if (contentEnd >= 2 && body[contentEnd - 2] == '\r' && body[contentEnd - 1] == '\n') {
          contentEnd -= 2;
        } else if (contentEnd >= 1 && body[contentEnd - 1] == '\n') {
          contentEnd -= 1;
        }
        byte[] part = new byte[Math.max(0, contentEnd - contentStart)];
        System.arraycopy(body, contentStart, part, 0, part.length);
        parts.add(part);
        at = next;
      }
      return parts;
    }

    private static String boundary(@Nullable String contentType) {
      if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
        throw ApiException.invalid("A multipart upload needs Content-Type multipart/related");
      }
      for (String param : contentType.split(";")) {
        String p = param.trim();
        if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
          String b = p.substring("boundary=".length());
          return b.startsWith("\"") && b.endsWith("\"") ? b.substring(1, b.length() - 1) : b;
        }
      }
      throw ApiException.invalid("Content-Type has no multipart boundary: " + contentType);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
      outer:
      for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (data[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
