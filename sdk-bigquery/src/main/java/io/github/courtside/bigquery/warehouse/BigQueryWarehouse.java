package io.github.courtside.bigquery.warehouse;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.paging.Page;
import com.google.auth.Credentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.DmlStats;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TableResult;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.github.courtside.bigquery.BigQuerySchemas;
import io.github.courtside.bigquery.quota.LoadJobQuotaGuard;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.DmlResult;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.SchemaMismatchException;
import io.github.courtside.core.warehouse.SqlDialect;
import io.github.courtside.core.warehouse.SqlStatement;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableInfo;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import io.github.courtside.core.warehouse.WarehouseException;
import io.github.courtside.core.warehouse.WriteGuard;
import io.github.courtside.core.warehouse.WriteGuardRefusedException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Warehouse} port on BigQuery: tables through the REST API, appends through the Storage
 * Write API, partition replaces as one load job, statements and queries as query jobs.
 *
 * <ul>
 *   <li>{@link #append}: a PENDING write stream committed with {@code BatchCommitWriteStreams}, so
 *       a write is all or nothing, uses no load-job quota and its rows can be changed by DML at
 *       once (no streaming buffer).
 *   <li>{@link #replacePartition}: one load job with WRITE_TRUNCATE into the partition decorator
 *       {@code table$YYYYMMDD}: atomic, never DELETE then INSERT. Rows of another partition are
 *       refused before anything is written; the {@link LoadJobQuotaGuard} counts the job.
 *   <li>{@link #execute}, {@link #query}, {@link #transaction}: query jobs with job ids {@code
 *       <prefix><kind>_<uuid>} (logged), waited for up to the query timeout (a job still RUNNING
 *       then is a retryable failure naming it); counts from the job's {@code dmlStats}; results
 *       paged.
 *   <li>Schemas are read once (tables.get) and cached with Caffeine; the cache forgets a table when
 *       this warehouse changes it (create, drop, addColumns, DDL statements) or a job reports a
 *       schema mismatch. Rows are checked against the cached schema ({@link TableSchema#check})
 *       before any write; an unknown column first refreshes the cached schema once.
 *   <li>Failures are {@link WarehouseException}s with {@link WarehouseException#retryable()} from
 *       the HTTP status and reason (429, 5xx, backendError, rateLimitExceeded) and the job id.
 * </ul>
 *
 * <p>Tables without a project are in the default project (that of the {@link BigQueryOptions}
 * unless {@link BigQueryWarehouseSetup#defaultProject()} says otherwise). Column defaults are
 * stored as {@code defaultValueExpression}s and, for appends and loads, filled in by this warehouse
 * from the schema, so an explicit NULL stays NULL.
 *
 * <pre>{@code
 * try (BigQueryWarehouse warehouse = BigQueryWarehouse.builder()
 *     .bigQueryOptions(BigQueryOptions.newBuilder().setProjectId("my-project").setLocation("US").build())
 *     .queryTimeout(Duration.ofMinutes(5))
 *     .loadJobQuotaGuard(LoadJobQuotaGuard.defaults())
 *     .build()) {
 *   warehouse.createTableIfAbsent(games, schema);
 *   warehouse.replacePartition(games, LocalDate.parse("2024-04-10"), rows);
 *   long updated = warehouse.execute("UPDATE `nba.player_game` SET ... WHERE ...").updated();
 * }
 * }</pre>
 */
public final class BigQueryWarehouse implements Warehouse {
  private static final Logger log = LoggerFactory.getLogger(BigQueryWarehouse.class);
  private static final SqlDialect DIALECT = SqlDialect.googleSql();
  private static final DateTimeFormatter DECORATOR =
      DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

  /** The ASSERT description of every guarded script: a constant, never caller text. */
  static final String GUARD_MARKER = "courtside write guard refused";

  private static final Set<String> DDL_TYPES =
      Set.of(
          "CREATE_TABLE",
          "CREATE_TABLE_AS_SELECT",
          "ALTER_TABLE",
          "DROP_TABLE",
          "CREATE_SCHEMA",
          "DROP_SCHEMA",
          "TRUNCATE_TABLE",
          "SCRIPT");

  private final BigQuery bigquery;
  private final String project;
  private final @Nullable String location;
  private final BigQueryWriteClient writeClient;
  private final boolean ownsWriteClient;
  private final PendingStreamAppend appender;
  private final JobRunner jobs;
  private final SchemaCache schemas;
  private final @Nullable LoadJobQuotaGuard quota;
  private final boolean requirePartitionFilter;
  private final boolean createMissingDatasets;
  private final Duration queryTimeout;
  private final long pageSize;

  private BigQueryWarehouse(
      BigQueryWarehouseSetup setup, BigQueryWriteClient writeClient, boolean owns) {
    BigQueryOptions options = setup.bigQueryOptions();
    this.bigquery = options.getService();
    this.project = setup.defaultProject().orElse(options.getProjectId());
    this.location = setup.location().orElse(options.getLocation());
    this.writeClient = writeClient;
    this.ownsWriteClient = owns;
    this.appender = new PendingStreamAppend(writeClient, setup.maxAppendRequestBytes());
    this.queryTimeout = setup.queryTimeout();
    this.jobs =
        new JobRunner(
            bigquery, project, location, setup.jobIdPrefix(), setup.queryTimeout(), setup.clock());
    this.schemas = new SchemaCache(setup.schemaCacheExpiry(), setup.schemaCacheSize());
    this.quota = setup.loadJobQuotaGuard().orElse(null);
    this.requirePartitionFilter = setup.requirePartitionFilter();
    this.createMissingDatasets = setup.createMissingDatasets();
    this.pageSize = setup.pageSize();
  }

  /** A builder of the warehouse's setup; {@code bigQueryOptions} is required. */
  public static BigQueryWarehouseSetup.Builder builder() {
    return BigQueryWarehouseSetup.builder();
  }

  /**
   * The warehouse of a setup: with the shared Storage Write client if the setup names one, else
   * with one it creates (from the setup's write settings, or from the BigQuery options'
   * credentials) and closes on {@link #close()}.
   */
  public static BigQueryWarehouse create(BigQueryWarehouseSetup setup) {
    Optional<BigQueryWriteClient> shared = setup.writeClient();
    if (shared.isPresent()) {
      return new BigQueryWarehouse(setup, shared.get(), false);
    }
    BigQueryWriteSettings settings =
        setup.writeSettings().orElseGet(() -> defaultWriteSettings(setup));
    try {
      return new BigQueryWarehouse(setup, BigQueryWriteClient.create(settings), true);
    } catch (IOException e) {
      throw new WarehouseException(
          null, "cannot create the Storage Write API client: " + e.getMessage(), e);
    }
  }

  private static BigQueryWriteSettings defaultWriteSettings(BigQueryWarehouseSetup setup) {
    BigQueryWriteSettings.Builder defaults = BigQueryWriteSettings.newBuilder();
    Credentials credentials = setup.bigQueryOptions().getCredentials();
    if (credentials != null && !(credentials instanceof NoCredentials)) {
      defaults.setCredentialsProvider(FixedCredentialsProvider.create(credentials));
    }
    try {
      return defaults.build();
    } catch (IOException e) {
      throw new WarehouseException(
          null, "cannot configure the Storage Write API client: " + e.getMessage(), e);
    }
  }

  /** The project of tables that name none. */
  public String defaultProject() {
    return project;
  }

  @Override
  public SqlDialect dialect() {
    return DIALECT;
  }

  // ---- tables ----

  @Override
  public void createTable(TableId table, TableSchema schema) {
    if (!createTableIfAbsent(table, schema)) {
      throw new WarehouseException(table, "table " + table + " already exists");
    }
  }

  @Override
  public boolean createTableIfAbsent(TableId table, TableSchema schema) {
    TableId key = normalise(table);
    StandardTableDefinition definition = BigQuerySchemas.toTableDefinition(schema);
    com.google.cloud.bigquery.TableInfo.Builder info =
        com.google.cloud.bigquery.TableInfo.newBuilder(bq(key), definition);
    if (requirePartitionFilter && schema.partitionColumn().isPresent()) {
      info.setRequirePartitionFilter(true);
    }
    schemas.invalidate(key);
    try {
      bigquery.create(info.build());
      log.info("created table {}", key);
      return true;
    } catch (BigQueryException e) {
      if (e.getCode() == 409) {
        return false;
      }
      if (e.getCode() == 404 && createMissingDatasets && createDataset(key)) {
        try {
          bigquery.create(info.build());
          log.info("created table {}", key);
          return true;
        } catch (BigQueryException again) {
          if (again.getCode() == 409) {
            return false;
          }
          throw BigQueryFailures.of(key, "cannot create table " + key, again, null);
        }
      }
      throw BigQueryFailures.of(key, "cannot create table " + key, e, null);
    }
  }

  /** Creates the table's dataset in the warehouse's location; false when it already existed. */
  private boolean createDataset(TableId table) {
    DatasetInfo.Builder dataset =
        DatasetInfo.newBuilder(DatasetId.of(projectOf(table), table.dataset()));
    if (location != null) {
      dataset.setLocation(location);
    }
    try {
      bigquery.create(dataset.build());
      log.info("created dataset {}.{}", projectOf(table), table.dataset());
      return true;
    } catch (BigQueryException e) {
      if (e.getCode() == 409) {
        return true;
      }
      throw BigQueryFailures.of(table, "cannot create dataset " + table.dataset(), e, null);
    }
  }

  @Override
  public boolean dropTable(TableId table) {
    TableId key = normalise(table);
    schemas.invalidate(key);
    try {
      boolean dropped = bigquery.delete(bq(key));
      if (dropped) {
        log.info("dropped table {}", key);
      }
      return dropped;
    } catch (BigQueryException e) {
      throw BigQueryFailures.of(key, "cannot drop table " + key, e, null);
    } finally {
      schemas.invalidate(key);
    }
  }

  @Override
  public Optional<TableSchema> schema(TableId table) {
    return describe(table).map(TableInfo::schema);
  }

  @Override
  public Optional<TableInfo> describe(TableId table) {
    TableId key = normalise(table);
    return schemas.get(key, this::fetch);
  }

  private @Nullable TableInfo fetch(TableId table) {
    Table found;
    try {
      found = bigquery.getTable(bq(table));
    } catch (BigQueryException e) {
      if (e.getCode() == 404) {
        return null;
      }
      throw BigQueryFailures.of(table, "cannot read table " + table, e, null);
    }
    if (found == null) {
      return null;
    }
    TableDefinition definition = found.getDefinition();
    if (!(definition instanceof StandardTableDefinition standard)) {
      throw new WarehouseException(
          table, table + " is a " + definition.getType() + ", not a table");
    }
    TableSchema schema;
    try {
      schema = BigQuerySchemas.fromTableDefinition(standard);
    } catch (IllegalArgumentException e) {
      throw new WarehouseException(table, "table " + table + ": " + e.getMessage(), e);
    }
    Long created = found.getCreationTime();
    return new TableInfo(table, schema, Optional.ofNullable(created).map(Instant::ofEpochMilli));
  }

  /** Adds nullable columns with {@code tables.patch}; refuses required columns. */
  @Override
  public void addColumns(TableId table, List<Column> columns) {
    TableId key = normalise(table);
    if (columns.isEmpty()) {
      return;
    }
    for (Column column : columns) {
      if (column.required()) {
        throw new WarehouseException(
            key,
            "column "
                + column.name()
                + " is REQUIRED; BigQuery adds only NULLABLE columns to "
                + key);
      }
    }
    schemas.invalidate(key);
    try {
      Table current = bigquery.getTable(bq(key));
      if (current == null) {
        throw new WarehouseException(key, "table " + key + " does not exist");
      }
      StandardTableDefinition definition = current.getDefinition();
      Schema existing = Objects.requireNonNull(definition.getSchema(), "schema");
      List<Field> fields = new ArrayList<>(existing.getFields());
      Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      fields.forEach(f -> names.add(f.getName()));
      TableSchema addition = TableSchema.builder().columns(columns).build();
      for (Field field : BigQuerySchemas.toSchema(addition).getFields()) {
        if (!names.add(field.getName())) {
          throw new WarehouseException(
              key, "column " + field.getName() + " already exists in " + key);
        }
        fields.add(field);
      }
      bigquery.update(
          current.toBuilder()
              .setDefinition(definition.toBuilder().setSchema(Schema.of(fields)).build())
              .build());
      log.info("added columns {} to {}", addition.columnNames(), key);
    } catch (BigQueryException e) {
      throw BigQueryFailures.of(key, "cannot add columns to " + key, e, null);
    } finally {
      schemas.invalidate(key);
    }
  }

  @Override
  public List<TableId> listTables(String dataset, String prefix) {
    return list(Optional.empty(), dataset, prefix);
  }

  @Override
  public List<TableId> listSiblings(TableId table, String prefix) {
    return list(table.project(), table.dataset(), prefix);
  }

  private List<TableId> list(Optional<String> inProject, String dataset, String prefix) {
    String listed = inProject.orElse(project);
    List<TableId> tables = new ArrayList<>();
    try {
      Page<Table> page =
          bigquery.listTables(
              DatasetId.of(listed, dataset), BigQuery.TableListOption.pageSize(pageSize));
      for (Table found : page.iterateAll()) {
        String name = found.getTableId().getTable();
        if (name.startsWith(prefix)) {
          TableId id = TableId.of(dataset, name);
          tables.add(inProject.map(id::inProject).orElse(id));
        }
      }
    } catch (BigQueryException e) {
      if (e.getCode() == 404) {
        return List.of();
      }
      throw BigQueryFailures.of(
          null, "cannot list the tables of " + listed + "." + dataset, e, null);
    }
    tables.sort(Comparator.comparing(TableId::table));
    return tables;
  }

  // ---- writes ----

  /**
   * Appends through a Storage Write API PENDING stream committed with {@code
   * BatchCommitWriteStreams}: all rows or none, no load job, no streaming buffer.
   */
  @Override
  public long append(TableId table, List<Row> rows) {
    TableId key = normalise(table);
    TableSchema schema = checkedSchema(key, rows);
    if (rows.isEmpty()) {
      return 0;
    }
    try {
      return appender.write(projectOf(key), key, schema, rows);
    } catch (WarehouseException e) {
      schemas.invalidate(key);
      throw e;
    }
  }

  /**
   * Replaces the partition with one load job, WRITE_TRUNCATE into {@code table$YYYYMMDD} (NDJSON);
   * an empty list empties the partition with one parameterised DML DELETE instead.
   */
  @Override
  public long replacePartition(TableId table, LocalDate partition, List<Row> rows) {
    TableId key = normalise(table);
    TableSchema schema = checkedSchema(key, rows);
    String column =
        schema
            .partitionColumn()
            .orElseThrow(() -> new WarehouseException(key, "table " + key + " is not partitioned"));
    for (int index = 0; index < rows.size(); index++) {
      Object value = valueOf(rows.get(index), column);
      if (!partition.equals(value)) {
        throw new WarehouseException(
            key,
            "row "
                + index
                + " has "
                + column
                + " = "
                + value
                + ", outside partition "
                + partition
                + " of "
                + key
                + "; nothing written");
      }
    }
    if (rows.isEmpty()) {
      QueryJobConfiguration delete =
          QueryJobConfiguration.newBuilder(
                  "DELETE FROM "
                      + DIALECT.table(key)
                      + " WHERE "
                      + DIALECT.identifier(column)
                      + " = @partition")
              .addNamedParameter("partition", QueryParameterValue.date(partition.toString()))
              .setUseLegacySql(false)
              .build();
      runQuery(delete, key, "empty partition " + partition + " of " + key, "replace");
      return 0;
    }
    if (quota != null) {
      quota.acquire(key);
    }
    com.google.cloud.bigquery.TableId decorated =
        com.google.cloud.bigquery.TableId.of(
            projectOf(key), key.dataset(), key.table() + "$" + DECORATOR.format(partition));
    WriteChannelConfiguration configuration =
        WriteChannelConfiguration.newBuilder(decorated)
            .setFormatOptions(FormatOptions.json())
            .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
            .setCreateDisposition(JobInfo.CreateDisposition.CREATE_NEVER)
            .setIgnoreUnknownValues(false)
            .setMaxBadRecords(0)
            .build();
    JobId jobId = jobs.newJobId("load");
    String what = "replace partition " + partition + " of " + key + " (" + rows.size() + " rows)";
    log.info("job {}: {}", jobId.getJob(), what);
    TableDataWriteChannel channel;
    try {
      channel = bigquery.writer(jobId, configuration);
      try (OutputStream out = Channels.newOutputStream(channel)) {
        for (Row row : rows) {
          out.write(RowValues.toLoadLine(schema, row).getBytes(StandardCharsets.UTF_8));
          out.write('\n');
        }
      }
    } catch (BigQueryException e) {
      throw BigQueryFailures.of(key, what + " failed", e, jobId.getJob());
    } catch (IOException e) {
      throw new WarehouseException(
          key, what + " failed uploading: " + e.getMessage(), e, true, jobId.getJob());
    }
    Job job = channel.getJob();
    if (job == null) {
      job = bigquery.getJob(jobId);
    }
    if (job == null) {
      throw new WarehouseException(
          key, what + ": the load job was not created", null, true, jobId.getJob());
    }
    try {
      job = jobs.await(job, key, what);
    } catch (JobRunner.JobFailedException e) {
      if (BigQueryFailures.isSchemaMismatch(e.error().getReason(), e.error().getMessage())) {
        schemas.invalidate(key);
      }
      throw e;
    }
    JobStatistics.LoadStatistics statistics = job.getStatistics();
    Long output = statistics == null ? null : statistics.getOutputRows();
    return output == null ? rows.size() : output;
  }

  private TableSchema checkedSchema(TableId table, List<Row> rows) {
    TableSchema schema =
        schema(table)
            .orElseThrow(() -> new WarehouseException(table, "table " + table + " does not exist"));
    try {
      schema.check(table, rows);
      return schema;
    } catch (SchemaMismatchException e) {
      // the cached schema may be older than the table: look again once before refusing
      schemas.invalidate(table);
      TableSchema fresh =
          schema(table)
              .orElseThrow(
                  () -> new WarehouseException(table, "table " + table + " does not exist"));
      if (fresh.equals(schema)) {
        throw e;
      }
      fresh.check(table, rows);
      return fresh;
    }
  }

  // ---- statements and queries ----

  @Override
  public DmlResult execute(SqlStatement statement) {
    Job job = runQuery(configuration(statement), null, "statement", "execute");
    return dmlResult(job);
  }

  /**
   * Runs the guard and the statements as one multi-statement script ({@link GuardedScript}) whose
   * query parameters are the guard's and the statements' parameters.
   */
  @Override
  public List<DmlResult> transaction(WriteGuard guard, List<SqlStatement> statements) {
    Objects.requireNonNull(guard, "guard");
    List<SqlStatement> work = statements.stream().map(BigQueryWarehouse::statementText).toList();
    if (work.isEmpty() && guard.equals(WriteGuard.none())) {
      return List.of();
    }
    SqlStatement script = GuardedScript.render(guard, work);
    Job job;
    try {
      job =
          runQuery(
              configuration(script),
              null,
              "transaction of " + work.size() + " statements",
              "transaction");
    } catch (WarehouseException e) {
      // a failed ASSERT comes back as the job's error, or (on some servers) as the insert's 400
      if (String.valueOf(e.getMessage()).contains(GUARD_MARKER)) {
        throw new WriteGuardRefusedException(
            guard,
            "ASSERT failed in job " + e.jobId().orElse("?") + ", the transaction was rolled back");
      }
      throw e;
    }
    return new ScriptResults(bigquery)
        .perStatement(job, work.stream().map(s -> s.sql(DIALECT)).toList());
  }

  @Override
  public List<Row> query(SqlStatement query) {
    Job job = runQuery(configuration(query), null, "query", "query");
    try {
      TableResult result = job.getQueryResults(BigQuery.QueryResultsOption.pageSize(pageSize));
      Schema schema = result.getSchema();
      if (schema == null) {
        return List.of();
      }
      FieldList fields = schema.getFields();
      List<Row> rows = new ArrayList<>();
      for (FieldValueList values : result.iterateAll()) {
        rows.add(RowValues.fromFieldValues(fields, values));
      }
      return rows;
    } catch (BigQueryException e) {
      throw BigQueryFailures.of(null, "reading the results of a query failed", e, jobIdOf(job));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WarehouseException(null, "interrupted reading results", e, true, jobIdOf(job));
    }
  }

  /** A GoogleSQL query job of the statement, its parameters as named query parameters. */
  private static QueryJobConfiguration configuration(SqlStatement statement) {
    QueryJobConfiguration.Builder configuration =
        QueryJobConfiguration.newBuilder(statement.sql(DIALECT)).setUseLegacySql(false);
    statement
        .parameters()
        .forEach((name, value) -> configuration.addNamedParameter(name, QueryParameters.of(value)));
    return configuration.build();
  }

  private Job runQuery(
      QueryJobConfiguration configuration, @Nullable TableId table, String what, String kind) {
    JobId id = jobs.newJobId(kind);
    log.debug("job {}: {}", id.getJob(), configuration.getQuery());
    try {
      Job job = jobs.run(id, configuration, table, what);
      forgetSchemasChangedBy(job);
      return job;
    } catch (JobRunner.JobFailedException e) {
      BigQueryError error = e.error();
      if (BigQueryFailures.isSchemaMismatch(error.getReason(), error.getMessage())) {
        schemas.invalidateAll();
      }
      throw e;
    }
  }

  private void forgetSchemasChangedBy(Job job) {
    if (job.getStatistics() instanceof JobStatistics.QueryStatistics statistics
        && statistics.getStatementType() != null
        && DDL_TYPES.contains(statistics.getStatementType().name())) {
      schemas.invalidateAll();
    }
  }

  static DmlResult dmlResult(Job job) {
    if (!(job.getStatistics() instanceof JobStatistics.QueryStatistics statistics)) {
      return DmlResult.NONE;
    }
    DmlStats dml = statistics.getDmlStats();
    if (dml != null) {
      return new DmlResult(
          orZero(dml.getInsertedRowCount()),
          orZero(dml.getUpdatedRowCount()),
          orZero(dml.getDeletedRowCount()));
    }
    Long affected = statistics.getNumDmlAffectedRows();
    if (affected == null || statistics.getStatementType() == null) {
      return DmlResult.NONE;
    }
    return switch (statistics.getStatementType().name()) {
      case "INSERT" -> DmlResult.inserted(affected);
      case "DELETE", "TRUNCATE_TABLE" -> DmlResult.deleted(affected);
      default -> DmlResult.updated(affected);
    };
  }

  private static long orZero(@Nullable Long value) {
    return value == null ? 0 : value;
  }

  private static @Nullable String jobIdOf(Job job) {
    return job.getJobId() == null ? null : job.getJobId().getJob();
  }

  private static SqlStatement statementText(SqlStatement sql) {
    SqlStatement text = sql.withoutTrailingSemicolons();
    if (text.isBlank()) {
      throw new IllegalArgumentException("empty statement in a transaction");
    }
    return text;
  }

  // ---- ids ----

  /** The id with the default project dropped, so one table has one cache key. */
  private TableId normalise(TableId table) {
    return table.project().filter(project::equals).isPresent() ? table.withoutProject() : table;
  }

  private String projectOf(TableId table) {
    return table.project().orElse(project);
  }

  private com.google.cloud.bigquery.TableId bq(TableId table) {
    return com.google.cloud.bigquery.TableId.of(projectOf(table), table.dataset(), table.table());
  }

  private static @Nullable Object valueOf(Row row, String column) {
    for (Map.Entry<String, @Nullable Object> entry : row.asMap().entrySet()) {
      if (entry.getKey().equalsIgnoreCase(column)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** How many times a table description was fetched from BigQuery (the cache's misses). */
  long schemaFetches() {
    return schemas.loads();
  }

  /** Closes the Storage Write client this warehouse created; the BigQuery client holds nothing. */
  @Override
  public void close() {
    if (ownsWriteClient) {
      writeClient.close();
    }
  }

  @Override
  public String toString() {
    return "BigQueryWarehouse[project="
        + project
        + (location == null ? "" : ", location=" + location)
        + ", queryTimeout="
        + queryTimeout
        + "]";
  }
}
