package io.github.courtside.bigquery.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a {@link LocalBigQuery} server is configured with. Immutable; the builder is generated and
 * {@link Builder#build()} makes the (unstarted) server. The style is the SDK's {@code
 * ComponentStyle}, spelled out here because this module does not depend on {@code courtside-core}.
 *
 * <pre>{@code
 * LocalBigQuery server = LocalBigQuery.builder()   // = LocalBigQuerySetup.builder()
 *     .project("demo")
 *     .dataDirectory(Path.of("target/local-bigquery"))
 *     .build();
 * }</pre>
 */
@Value.Style(
    typeImmutable = "Immutable*",
    build = "buildSetup",
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = false, prehash = false))
@Value.Immutable
public abstract class LocalBigQuerySetup {
  LocalBigQuerySetup() {}

  /** A builder; every setting has a default. */
  public static Builder builder() {
    return new Builder();
  }

  /** The project of the handed-out clients (default {@code local-project}). */
  @Value.Default
  public String project() {
    return "local-project";
  }

  /** The location of datasets and jobs (default {@code US}). */
  @Value.Default
  public String location() {
    return "US";
  }

  /** The clock of creation times, the streaming buffer and the load-job quota day. */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** How long streamed rows stay out of DML's reach (default 30 minutes). */
  @Value.Default
  public Duration streamingBufferWindow() {
    return Duration.ofMinutes(30);
  }

  /** Load jobs accepted per table per UTC day (default 1,500). */
  @Value.Default
  public int loadJobsPerTablePerDay() {
    return 1_500;
  }

  /** A folder that keeps the data between runs (default: in memory). */
  public abstract Optional<Path> dataDirectory();

  /** The HTTP port (default 0: any free port). */
  @Value.Default
  public int restPort() {
    return 0;
  }

  /** The gRPC port of the Storage Write API (default 0: any free port). */
  @Value.Default
  public int grpcPort() {
    return 0;
  }

  @Value.Check
  void check() {
    if (loadJobsPerTablePerDay() < 0) {
      throw new IllegalArgumentException(
          "local BigQuery loadJobsPerTablePerDay must not be negative, was "
              + loadJobsPerTablePerDay());
    }
    checkPort("restPort", restPort());
    checkPort("grpcPort", grpcPort());
  }

  private static void checkPort(String name, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("local BigQuery " + name + " is not a port: " + port);
    }
  }

  /**
   * Builds a {@link LocalBigQuerySetup} ({@link #buildSetup()}) or directly the unstarted {@link
   * LocalBigQuery} ({@link #build()}).
   */
  public static final class Builder extends ImmutableLocalBigQuerySetup.Builder {
    Builder() {}

    /** An unstarted server. */
    public LocalBigQuery build() {
      return LocalBigQuery.create(buildSetup());
    }
  }
}
