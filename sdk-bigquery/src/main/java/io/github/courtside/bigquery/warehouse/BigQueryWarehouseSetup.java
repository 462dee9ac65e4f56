package io.github.courtside.bigquery.warehouse;

import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.github.courtside.bigquery.quota.LoadJobQuotaGuard;
import io.github.courtside.core.ComponentStyle;
import io.github.courtside.core.warehouse.TableId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a {@link BigQueryWarehouse} is made of: the BigQuery client options, the Storage Write
 * client (given, or created from settings or from the options' credentials, and then owned by the
 * warehouse) and the job settings. Immutable; the builder is generated ({@link ComponentStyle}) and
 * {@link Builder#build()} makes the warehouse.
 *
 * <pre>{@code
 * BigQueryWarehouse warehouse = BigQueryWarehouse.builder() // = BigQueryWarehouseSetup.builder()
 *     .bigQueryOptions(BigQueryOptions.newBuilder().setProjectId("nba-props").setLocation("US").build())
 *     .queryTimeout(Duration.ofMinutes(5))
 *     .loadJobQuotaGuard(LoadJobQuotaGuard.defaults())
 *     .build();
 * }</pre>
 */
@ComponentStyle
@Value.Immutable
public abstract class BigQueryWarehouseSetup {
  BigQueryWarehouseSetup() {}

  /** A builder; {@link Builder#bigQueryOptions} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The BigQuery client options: project, location, host, credentials (required). */
  public abstract BigQueryOptions bigQueryOptions();

  /**
   * Settings of the Storage Write API client the warehouse creates and closes. Without them (and
   * without {@link #writeClient()}) the client is built from the BigQuery options' credentials and
   * the public endpoint.
   */
  public abstract Optional<BigQueryWriteSettings> writeSettings();

  /** A Storage Write client to share; the warehouse will not close it. */
  public abstract Optional<BigQueryWriteClient> writeClient();

  /** The project of tables that name none (default: the options' project). */
  public abstract Optional<String> defaultProject();

  /** The location of jobs and created datasets (default: the options' location). */
  public abstract Optional<String> location();

  /** How long to wait for a job (default 10 minutes). */
  @Value.Default
  public Duration queryTimeout() {
    return Duration.ofMinutes(10);
  }

  /** The prefix of every job id (default {@code courtside_}); letters, digits, _ and -. */
  @Value.Default
  public String jobIdPrefix() {
    return "courtside_";
  }

  /**
   * How long a cached table description is trusted (default 10 minutes): bounds how long a schema
   * change made by another process goes unseen.
   */
  @Value.Default
  public Duration schemaCacheExpiry() {
    return Duration.ofMinutes(10);
  }

  /** How many table descriptions the schema cache holds at most (default 10,000). */
  @Value.Default
  public long schemaCacheSize() {
    return 10_000;
  }

  /** Counts load jobs per table per day and refuses the ones that would exhaust the quota. */
  public abstract Optional<LoadJobQuotaGuard> loadJobQuotaGuard();

  /** Create partitioned tables with {@code requirePartitionFilter} (default false). */
  @Value.Default
  public boolean requirePartitionFilter() {
    return false;
  }

  /** Create a missing dataset (in the location) when creating a table in it (default true). */
  @Value.Default
  public boolean createMissingDatasets() {
    return true;
  }

  /** Rows per page of query results and tables per page of listings (default 10,000). */
  @Value.Default
  public long pageSize() {
    return 10_000;
  }

  /** The largest AppendRows request (default 9 MiB; BigQuery's limit is 10 MB). */
  @Value.Default
  public long maxAppendRequestBytes() {
    return 9L * 1024 * 1024;
  }

  /** The clock of job timeouts (default system UTC). */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Value.Check
  void check() {
    if (writeSettings().isPresent() && writeClient().isPresent()) {
      throw new IllegalArgumentException(
          "the BigQuery warehouse takes writeSettings or a shared writeClient, not both");
    }
    defaultProject().ifPresent(project -> TableId.of(project, "d", "t"));
    if (queryTimeout().isNegative() || queryTimeout().isZero()) {
      throw new IllegalArgumentException("query timeout must be positive, was " + queryTimeout());
    }
    if (!jobIdPrefix().matches("[A-Za-z0-9_-]{0,200}")) {
      throw new IllegalArgumentException(
          "job id prefix '" + jobIdPrefix() + "' may hold only letters, digits, _ and -");
    }
    if (schemaCacheExpiry().isNegative()) {
      throw new IllegalArgumentException(
          "schema cache expiry must not be negative, was " + schemaCacheExpiry());
    }
    if (schemaCacheSize() < 1) {
      throw new IllegalArgumentException(
          "schema cache size must be positive, was " + schemaCacheSize());
    }
    if (pageSize() < 1) {
      throw new IllegalArgumentException("page size must be positive, was " + pageSize());
    }
    if (maxAppendRequestBytes() < 1024 || maxAppendRequestBytes() > 10_000_000) {
      throw new IllegalArgumentException(
          "append request size must be 1 KiB..10 MB, was " + maxAppendRequestBytes());
    }
  }

  /**
   * Builds a {@link BigQueryWarehouseSetup} ({@link #buildSetup()}) or directly the {@link
   * BigQueryWarehouse} ({@link #build()}).
   */
  public static final class Builder extends ImmutableBigQueryWarehouseSetup.Builder {
    Builder() {}

    /** The warehouse, with its Storage Write client unless a shared one was given. */
    public BigQueryWarehouse build() {
      return BigQueryWarehouse.create(buildSetup());
    }
  }
}
