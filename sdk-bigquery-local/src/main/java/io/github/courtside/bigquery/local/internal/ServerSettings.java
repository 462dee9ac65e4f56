package io.github.courtside.bigquery.local.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every part of one local server is configured with.
 *
 * @param defaultProject the project the handed-out clients use
 * @param location the location reported on datasets and jobs ({@code US})
 * @param clock creation and modification times, job times, the streaming buffer and the load-job
 *     quota day all read this clock
 * @param streamingBufferWindow how long rows written by {@code tabledata.insertAll} stay in the
 *     streaming buffer, where DML may not touch them (BigQuery: up to 30 minutes)
 * @param loadJobsPerTablePerDay load jobs accepted per destination table per UTC day; the next one
 *     fails with {@code quotaExceeded} (BigQuery: 1,500)
 * @param dataDirectory a folder that keeps the DuckDB database and metadata between runs, or null
 *     for an in-memory server
 * @param restPort the HTTP port, 0 for any free one
 * @param grpcPort the gRPC port of the Storage Write API, 0 for any free one
 */
public record ServerSettings(
    String defaultProject,
    String location,
    Clock clock,
    Duration streamingBufferWindow,
    int loadJobsPerTablePerDay,
    @Nullable Path dataDirectory,
    int restPort,
    int grpcPort) {
  public ServerSettings {
    Objects.requireNonNull(defaultProject, "defaultProject");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(streamingBufferWindow, "streamingBufferWindow");
  }
}
