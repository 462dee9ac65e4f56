package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.services.bigquery.model.Dataset;
import com.google.api.services.bigquery.model.DatasetReference;
import com.google.api.services.bigquery.model.Streamingbuffer;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.ServerSettings;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LocalStorage} on DuckDB.
 *
 * <h2>Physical layout (for the SQL runner)</h2>
 *
 * <ul>
 *   <li>One DuckDB schema per dataset, named {@code "<project>.<dataset>"} (a dot cannot occur in a
 *       project or dataset id, so names never collide across projects). DuckDB folds identifier
 *       case, BigQuery does not: when two ids differ only in case the later one gets a suffix
 *       ({@code "p.D~2"}). Always use {@link #physicalName}; never build names yourself.
 *   <li>One DuckDB table per BigQuery table; one column per top-level field, typed by {@link
 *       DuckDbTypes#of}, REQUIRED top-level fields NOT NULL.
 *   <li>Hidden columns that are never schema fields: {@code _PARTITIONTIME TIMESTAMPTZ} in
 *       ingestion-time partitioned tables (the start of the partition the row was written to: the
 *       UTC day, month or year of the write by the server clock, or the decorator's partition); DML
 *       that inserts into such a table must set it (e.g. to the current day); queries may expose it
 *       and {@code _PARTITIONDATE} ({@code CAST(_PARTITIONTIME AS DATE)}) as pseudo columns. {@code
 *       _TABLE_NO_COLUMNS BOOLEAN} in tables created without a schema (DuckDB needs a column). Both
 *       names use prefixes BigQuery reserves, so no field can clash.
 *   <li>Table order is DuckDB's physical order (rowid order), which a plain scan returns because
 *       {@code preserve_insertion_order} is on: insertion order, kept across deletes and in-place
 *       updates ({@link #read} pages with {@code LIMIT/OFFSET} and no ORDER BY, which stays cheap
 *       deep into big tables).
 *   <li>The resources live in the schema {@code "__local_bigquery"} (tables {@code datasets} and
 *       {@code tables}, JSON text); the SQL runner must not show it.
 * </ul>
 *
 * <p>Sessions run with {@code TimeZone = 'UTC'}.
 */
public final class DuckDbLocalStorage implements LocalStorage {
  private static final Logger log = LoggerFactory.getLogger(DuckDbLocalStorage.class);
  static final String NO_COLUMNS = "_TABLE_NO_COLUMNS";
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,299}");
  private static final List<String> RESERVED_PREFIXES =
      List.of("_PARTITION", "_TABLE_", "_FILE_", "_ROW_TIMESTAMP", "__ROOT__", "_COLIDENTIFIER");

  private final ServerSettings settings;
  private final DuckDBConnection root;

  /**
   * Whether the resources are kept in the metadata tables: only with a data directory, the only
   * case in which they are read again (when the storage opens); in memory they are written for
   * nobody, and each write was a DuckDB transaction of its own per DML statement.
   */
  private final boolean persistent;

  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final Map<String, DatasetEntry> datasets = new ConcurrentHashMap<>();

  /** A dataset: its resource and its tables. Fields change only under the write lock. */
  private static final class DatasetEntry {
    final String project;
    final String datasetId;
    final String schemaName;
    volatile Dataset resource;
    final ConcurrentSkipListMap<String, TableEntry> tables = new ConcurrentSkipListMap<>();

    DatasetEntry(String project, String datasetId, String schemaName, Dataset resource) {
      this.project = project;
      this.datasetId = datasetId;
      this.schemaName = schemaName;
      this.resource = resource;
    }
  }

  /** Rows streamed at one moment, still in the streaming buffer. */
  private record BufferedRows(Instant at, long rows, long bytes) {}

  /** A table: its resource, physical name and streaming buffer. */
  private static final class TableEntry {
    final DatasetEntry dataset;
    final String tableId;
    final String physicalTable;
    volatile Table resource;
    final List<BufferedRows> buffer = new ArrayList<>();

    TableEntry(DatasetEntry dataset, String tableId, String physicalTable, Table resource) {
      this.dataset = dataset;
      this.tableId = tableId;
      this.physicalTable = physicalTable;
      this.resource = resource;
    }

    String quotedName() {
      return DuckDbTypes.quote(dataset.schemaName) + "." + DuckDbTypes.quote(physicalTable);
    }

    String displayName() {
      return dataset.project + ":" + dataset.datasetId + "." + tableId;
    }

    List<TableFieldSchema> fields() {
      TableSchema schema = resource.getSchema();
      return schema == null || schema.getFields() == null ? List.of() : schema.getFields();
    }
  }

  private DuckDbLocalStorage(ServerSettings settings, DuckDBConnection root) {
    this.settings = settings;
    this.root = root;
    this.persistent = settings.dataDirectory() != null;
  }

  /** Opens the storage: in memory, or in {@link ServerSettings#dataDirectory()}. */
  public static LocalStorage open(ServerSettings settings) {
    try {
      String url = "jdbc:duckdb:";
      Path dir = settings.dataDirectory();
      if (dir != null) {
        Files.createDirectories(dir);
        url = "jdbc:duckdb:" + dir.resolve("bigquery.duckdb").toAbsolutePath();
      }
      DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection(url);
      try (Statement s = root.createStatement()) {
        s.execute("SET GLOBAL TimeZone = 'UTC'");
        s.execute("SET GLOBAL preserve_insertion_order = true");
      }
      DuckDbLocalStorage storage = new DuckDbLocalStorage(settings, root);
      storage.load();
      return storage;
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException(
          "cannot open the local BigQuery storage: " + e.getMessage(), e);
    }
  }

  private void load() throws SQLException {
    try (Connection c = connect()) {
      MetadataTable.create(c);
      for (MetadataTable.StoredDataset d : MetadataTable.datasets(c)) {
        datasets.put(
            key(d.project(), d.datasetId()),
            new DatasetEntry(d.project(), d.datasetId(), d.schemaName(), d.resource()));
      }
      for (MetadataTable.StoredTable t : MetadataTable.tables(c)) {
        DatasetEntry d = datasets.get(key(t.project(), t.datasetId()));
        if (d != null) {
          d.tables.put(
              t.tableId(), new TableEntry(d, t.tableId(), t.physicalTable(), t.resource()));
        }
      }
    }
    log.debug("local BigQuery storage open with {} datasets", datasets.size());
  }

  private static String key(String project, String datasetId) {
    return project + ":" + datasetId;
  }

  // ---- datasets ----

  @Override
  public Dataset createDataset(String project, Dataset dataset) {
    DatasetReference ref = dataset.getDatasetReference();
    String datasetId = ref == null ? null : ref.getDatasetId();
    if (datasetId == null || datasetId.isEmpty()) {
      throw ApiException.invalid("Dataset reference (datasetId) is required");
    }
    if (!datasetId.matches("[A-Za-z0-9_]{1,1024}")) {
      throw ApiException.invalid(
          "Invalid dataset ID \""
              + datasetId
              + "\". Dataset IDs must be alphanumeric (plus underscores) and must be at most 1024"
              + " characters long.");
    }
    writeLock.lock();
    try {
      if (datasets.containsKey(key(project, datasetId))) {
        throw ApiException.duplicate("Already Exists: Dataset " + key(project, datasetId));
      }
      long now = settings.clock().millis();
      Dataset resource = MetadataTable.copy(dataset);
      resource.setDatasetReference(
          new DatasetReference().setProjectId(project).setDatasetId(datasetId));
      resource.setKind("bigquery#dataset");
      resource.setId(key(project, datasetId));
      resource.setCreationTime(now);
      resource.setLastModifiedTime(now);
      if (resource.getLocation() == null) {
        resource.setLocation(settings.location());
      }
      resource.setEtag(etag(resource.getId(), now));
      String schemaName = uniqueSchemaName(project + "." + datasetId);
      try (Connection c = connect()) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          s.execute("CREATE SCHEMA " + DuckDbTypes.quote(schemaName));
          if (persistent) {
            MetadataTable.insertDataset(c, project, datasetId, schemaName, resource);
          }
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw internal("create dataset " + key(project, datasetId), e);
      }
      datasets.put(
          key(project, datasetId), new DatasetEntry(project, datasetId, schemaName, resource));
      return MetadataTable.copy(resource);
    } finally {
      writeLock.unlock();
    }
  }

  private String uniqueSchemaName(String base) {
    String name = base;
    for (int i = 2; ; i++) {
      String candidate = name;
      if (datasets.values().stream().noneMatch(d -> d.schemaName.equalsIgnoreCase(candidate))) {
        return candidate;
      }
      name = base + "~" + i;
    }
  }

  @Override
  public Optional<Dataset> dataset(String project, String datasetId) {
    DatasetEntry d = datasets.get(key(project, datasetId));
    return d == null ? Optional.empty() : Optional.of(MetadataTable.copy(d.resource));
  }

  @Override
  public List<Dataset> datasets(String project) {
    return datasets.values().stream()
        .filter(d -> d.project.equals(project))
        .sorted((a, b) -> a.datasetId.compareTo(b.datasetId))
        .map(d -> MetadataTable.copy(d.resource))
        .toList();
  }

  @Override
  public Dataset patchDataset(String project, String datasetId, Dataset patch) {
    writeLock.lock();
    try {
      DatasetEntry d = requireDataset(project, datasetId);
      Dataset resource = MetadataTable.copy(d.resource);
      for (Map.Entry<String, Object> e : patch.entrySet()) {
        switch (e.getKey()) {
          case "datasetReference",
              "id",
              "kind",
              "creationTime",
              "lastModifiedTime",
              "etag",
              "selfLink" -> {}
          case "location" -> {
            if (!Objects.equals(e.getValue(), resource.getLocation())) {
              throw ApiException.invalid(
                  "Cannot change the location of dataset " + key(project, datasetId));
            }
          }
          default -> resource.set(e.getKey(), e.getValue());
        }
      }
      long now = settings.clock().millis();
      resource.setLastModifiedTime(now);
      resource.setEtag(etag(resource.getId(), now));
      try (Connection c = connect()) {
        if (persistent) {
          MetadataTable.updateDataset(c, project, datasetId, resource);
        }
      } catch (SQLException e) {
        throw internal("patch dataset " + key(project, datasetId), e);
      }
      d.resource = resource;
      return MetadataTable.copy(resource);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void deleteDataset(String project, String datasetId, boolean deleteContents) {
    writeLock.lock();
    try {
      DatasetEntry d = requireDataset(project, datasetId);
      if (!d.tables.isEmpty() && !deleteContents) {
        throw new ApiException(
            400, "resourceInUse", "Dataset " + key(project, datasetId) + " is still in use");
      }
      try (Connection c = connect()) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA " + DuckDbTypes.quote(d.schemaName) + " CASCADE");
          if (persistent) {
            MetadataTable.deleteDataset(c, project, datasetId);
          }
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw internal("delete dataset " + key(project, datasetId), e);
      }
      datasets.remove(key(project, datasetId));
    } finally {
      writeLock.unlock();
    }
  }

  private DatasetEntry requireDataset(String project, String datasetId) {
    DatasetEntry d = datasets.get(key(project, datasetId));
    if (d == null) {
      throw ApiException.notFound("Not found: Dataset " + key(project, datasetId));
    }
    return d;
  }

  // ---- tables ----

  @Override
  public Table createTable(Table table) {
    TableReference ref = table.getTableReference();
    if (ref == null || ref.getTableId() == null || ref.getDatasetId() == null) {
      throw ApiException.invalid("Table reference (projectId, datasetId, tableId) is required");
    }
    String project = ref.getProjectId() == null ? settings.defaultProject() : ref.getProjectId();
    String tableId = ref.getTableId();
    if (!tableId.matches("[\\p{L}\\p{M}\\p{N}\\p{Pc}\\p{Pd} ]{1,1024}")) {
      throw ApiException.invalid("Invalid table ID \"" + tableId + "\".");
    }
    writeLock.lock();
    try {
      DatasetEntry d = requireDataset(project, ref.getDatasetId());
      String display = key(project, ref.getDatasetId()) + "." + tableId;
      TableEntry existing = d.tables.get(tableId);
      if (existing != null && expired(existing)) {
        dropExpired(existing);
      }
      if (d.tables.containsKey(tableId)) {
        throw ApiException.duplicate("Already Exists: Table " + display);
      }
      long now = settings.clock().millis();
      Table resource = MetadataTable.copy(table);
      resource.setTableReference(
          new TableReference().setProjectId(project).setDatasetId(d.datasetId).setTableId(tableId));
      resource.setKind("bigquery#table");
      resource.setId(display);
      resource.setType("TABLE");
      resource.setLocation(d.resource.getLocation());
      resource.setCreationTime(now);
      resource.setLastModifiedTime(BigInteger.valueOf(now));
      resource.setNumRows(BigInteger.ZERO);
      resource.setNumBytes(0L);
      resource.setEtag(etag(display, now));
      resource.setStreamingBuffer(null);
      Long defaultExpiration = d.resource.getDefaultTableExpirationMs();
      if (resource.getExpirationTime() == null && defaultExpiration != null) {
        resource.setExpirationTime(now + defaultExpiration);
      }
      List<TableFieldSchema> fields =
          resource.getSchema() == null || resource.getSchema().getFields() == null
              ? List.of()
              : resource.getSchema().getFields();
      checkFieldNames(fields, "", display);
      TablePartitioning partitioning = TablePartitioning.of(resource);
      if (partitioning != null) {
        partitioning.validate();
        if (resource.getTimePartitioning().getType() == null) {
          resource.getTimePartitioning().setType("DAY");
        }
      }
      checkClustering(resource, fields);
      String physical = uniqueTableName(d, tableId);
      StringBuilder ddl = new StringBuilder("CREATE TABLE ");
      ddl.append(DuckDbTypes.quote(d.schemaName)).append('.').append(DuckDbTypes.quote(physical));
      ddl.append(" (");
      List<String> columns = new ArrayList<>();
      for (TableFieldSchema f : fields) {
        columns.add(
            DuckDbTypes.quote(f.getName())
                + " "
                + DuckDbTypes.of(f)
                + (BigQueryType.isRequired(f) ? " NOT NULL" : ""));
      }
      if (partitioning != null && partitioning.ingestionTime()) {
        columns.add(DuckDbTypes.quote(TablePartitioning.PARTITIONTIME) + " TIMESTAMPTZ");
      }
      if (columns.isEmpty()) {
        columns.add(DuckDbTypes.quote(NO_COLUMNS) + " BOOLEAN");
      }
      ddl.append(String.join(", ", columns)).append(')');
      try (Connection c = connect()) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          s.execute(ddl.toString());
          if (persistent) {
            MetadataTable.insertTable(c, project, d.datasetId, tableId, physical, resource);
          }
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw internal("create table " + display, e);
      }
      d.tables.put(tableId, new TableEntry(d, tableId, physical, resource));
      return MetadataTable.copy(resource);
    } finally {
      writeLock.unlock();
    }
  }

  static void checkFieldNames(List<TableFieldSchema> fields, String prefix, String table) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (TableFieldSchema f : fields) {
      String name = f.getName();
      if (name == null || !FIELD_NAME.matcher(name).matches()) {
        throw ApiException.invalid(
            "Invalid field name \""
                + name
                + "\". Fields must contain only letters, numbers, and underscores, start with a"
                + " letter or underscore, and be at most 300 characters long.");
      }
      String upper = name.toUpperCase(Locale.ROOT);
      if (prefix.isEmpty()) {
        for (String reserved : RESERVED_PREFIXES) {
          if (upper.startsWith(reserved)) {
            throw ApiException.invalid(
                "Invalid field name \""
                    + name
                    + "\". Field names are not allowed to start with the (case-insensitive)"
                    + " prefixes _PARTITION, _TABLE_, _FILE_, _ROW_TIMESTAMP, __ROOT__ and"
                    + " _COLIDENTIFIER");
          }
        }
      }
      if (!seen.add(upper)) {
        throw ApiException.invalid("Field " + prefix + name + " already exists in schema");
      }
      if (f.getMode() != null
          && !List.of("NULLABLE", "REQUIRED", "REPEATED")
              .contains(f.getMode().toUpperCase(Locale.ROOT))) {
        throw ApiException.invalid("Invalid mode " + f.getMode() + " for field " + prefix + name);
      }
      BigQueryType type = BigQueryType.of(f);
      if (type == BigQueryType.RECORD) {
        if (f.getFields() == null || f.getFields().isEmpty()) {
          throw ApiException.invalid(
              "Field " + prefix + name + " is type RECORD but has no schema");
        }
        checkFieldNames(f.getFields(), prefix + name + ".", table);
      }
    }
  }

  private static void checkClustering(Table resource, List<TableFieldSchema> fields) {
    if (resource.getClustering() == null || resource.getClustering().getFields() == null) {
      return;
    }
    List<String> clustering = resource.getClustering().getFields();
    if (clustering.size() > 4) {
      throw ApiException.invalid("Too many clustering fields: " + clustering.size() + ", max 4");
    }
    for (String name : clustering) {
      if (fields.stream().noneMatch(f -> f.getName().equalsIgnoreCase(name))) {
        throw ApiException.invalid(
            "The field specified for clustering cannot be found in the schema: " + name);
      }
    }
  }

  private static String uniqueTableName(DatasetEntry d, String base) {
    String name = base;
    for (int i = 2; ; i++) {
      String candidate = name;
      if (d.tables.values().stream().noneMatch(t -> t.physicalTable.equalsIgnoreCase(candidate))) {
        return candidate;
      }
      name = base + "~" + i;
    }
  }

  @Override
  public Optional<Table> table(TableReference ref) {
    TableEntry t = findTable(ref);
    return t == null ? Optional.empty() : Optional.of(view(t));
  }

  private Table view(TableEntry t) {
    Table resource = MetadataTable.copy(t.resource);
    Streamingbuffer buffer = streamingBuffer(t);
    if (buffer != null) {
      resource.setStreamingBuffer(buffer);
    }
    return resource;
  }

  private @Nullable Streamingbuffer streamingBuffer(TableEntry t) {
    synchronized (t.buffer) {
      Instant cutoff = settings.clock().instant().minus(settings.streamingBufferWindow());
      t.buffer.removeIf(b -> !b.at().isAfter(cutoff));
      if (t.buffer.isEmpty()) {
        return null;
      }
      long rows = 0;
      long bytes = 0;
      for (BufferedRows b : t.buffer) {
        rows += b.rows();
        bytes += b.bytes();
      }
      return new Streamingbuffer()
          .setEstimatedRows(BigInteger.valueOf(rows))
          .setEstimatedBytes(BigInteger.valueOf(bytes))
          .setOldestEntryTime(BigInteger.valueOf(t.buffer.get(0).at().toEpochMilli()));
    }
  }

  @Override
  public List<Table> tables(String project, String datasetId) {
    DatasetEntry d = requireDataset(project, datasetId);
    for (TableEntry t : List.copyOf(d.tables.values())) {
      if (expired(t)) {
        dropExpired(t);
      }
    }
    return d.tables.values().stream().map(this::view).toList();
  }

  @Override
  public Table patchTable(TableReference ref, Table patch) {
    writeLock.lock();
    try {
      TableEntry t = requireTable(ref);
      Table resource = MetadataTable.copy(t.resource);
      List<String> alters = new ArrayList<>();
      for (Map.Entry<String, Object> e : patch.entrySet()) {
        switch (e.getKey()) {
          case "tableReference",
              "id",
              "kind",
              "creationTime",
              "lastModifiedTime",
              "etag",
              "selfLink",
              "numRows",
              "numBytes",
              "type",
              "location",
              "streamingBuffer",
              "numLongTermBytes",
              "numPhysicalBytes" -> {}
          case "schema" -> {
            TableSchema schema = patch.getSchema();
            if (schema != null && schema.getFields() != null) {
              checkFieldNames(schema.getFields(), "", t.displayName());
              alters.addAll(
                  SchemaEvolution.alterations(
                      t.displayName(), t.quotedName(), t.fields(), schema.getFields()));
              resource.setSchema(MetadataTable.copy(schema));
            }
          }
          case "timePartitioning" -> {
            if (!Objects.equals(normalisedPartitioning(resource), normalisedPartitioning(patch))) {
              throw ApiException.invalid(
                  "Cannot change partitioning/clustering spec for " + t.displayName());
            }
          }
          case "rangePartitioning" -> {
            if (!Objects.equals(resource.getRangePartitioning(), patch.getRangePartitioning())) {
              throw ApiException.invalid("Cannot change partitioning spec for " + t.displayName());
            }
          }
          default -> resource.set(e.getKey(), e.getValue());
        }
      }
      List<TableFieldSchema> fields =
          resource.getSchema() == null || resource.getSchema().getFields() == null
              ? List.of()
              : resource.getSchema().getFields();
      checkClustering(resource, fields);
      long now = settings.clock().millis();
      resource.setLastModifiedTime(BigInteger.valueOf(now));
      resource.setEtag(etag(t.displayName(), now));
      try (Connection c = connect()) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          for (String alter : alters) {
            s.execute(alter);
          }
          if (persistent) {
            MetadataTable.updateTable(
                c, t.dataset.project, t.dataset.datasetId, t.tableId, resource);
          }
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw internal("patch table " + t.displayName(), e);
      }
      t.resource = resource;
      return view(t);
    } finally {
      writeLock.unlock();
    }
  }

  private static @Nullable List<Object> normalisedPartitioning(Table table) {
    var tp = table.getTimePartitioning();
    if (tp == null) {
      return null;
    }
    return java.util.Arrays.asList(tp.getType() == null ? "DAY" : tp.getType(), tp.getField());
  }

  @Override
  public boolean deleteTable(TableReference ref) {
    writeLock.lock();
    try {
      TableEntry t = findTable(ref);
      if (t == null) {
        return false;
      }
      try (Connection c = connect()) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          s.execute("DROP TABLE " + t.quotedName());
          if (persistent) {
            MetadataTable.deleteTable(c, t.dataset.project, t.dataset.datasetId, t.tableId);
          }
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw internal("delete table " + t.displayName(), e);
      }
      t.dataset.tables.remove(t.tableId);
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  private @Nullable TableEntry findTable(TableReference ref) {
    String project = ref.getProjectId() == null ? settings.defaultProject() : ref.getProjectId();
    DatasetEntry d = datasets.get(key(project, Objects.requireNonNull(ref.getDatasetId())));
    TableEntry t = d == null ? null : d.tables.get(Objects.requireNonNull(ref.getTableId()));
    if (t != null && expired(t)) {
      dropExpired(t);
      return null;
    }
    return t;
  }

  /** Whether the table's {@code expirationTime} has passed by the server clock. */
  private boolean expired(TableEntry t) {
    Long expiration = t.resource.getExpirationTime();
    return expiration != null && expiration <= settings.clock().millis();
  }

  /** Drops an expired table, as BigQuery does once its expiration time has passed. */
  private void dropExpired(TableEntry t) {
    writeLock.lock();
    try {
      if (t.dataset.tables.get(t.tableId) == t && expired(t)) {
        log.debug("table {} expired", t.displayName());
        try (Connection c = connect()) {
          c.setAutoCommit(false);
          try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + t.quotedName());
            if (persistent) {
              MetadataTable.deleteTable(c, t.dataset.project, t.dataset.datasetId, t.tableId);
            }
            c.commit();
          } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
          }
        } catch (SQLException e) {
          throw internal("drop expired table " + t.displayName(), e);
        }
        t.dataset.tables.remove(t.tableId);
      }
    } finally {
      writeLock.unlock();
    }
  }

  private TableEntry requireTable(TableReference ref) {
    TableEntry t = findTable(ref);
    if (t == null) {
      String project = ref.getProjectId() == null ? settings.defaultProject() : ref.getProjectId();
      throw ApiException.notFound(
          "Not found: Table " + project + ":" + ref.getDatasetId() + "." + ref.getTableId());
    }
    return t;
  }

  // ---- rows ----

  /** One append, checked and ready to write. */
  private record PlannedAppend(
      TableAppend append,
      TableEntry table,
      @Nullable TablePartitioning partitioning,
      List<Map<String, @Nullable Object>> rows,
      long bytes) {}

  @Override
  public List<Long> append(List<TableAppend> appends) {
    writeLock.lock();
    try {
      List<PlannedAppend> plans = new ArrayList<>(appends.size());
      for (TableAppend append : appends) {
        plans.add(plan(append));
      }
      Instant now = settings.clock().instant();
      Map<TableEntry, Table> updated = new HashMap<>();
      try (Connection c = connect()) {
        c.setAutoCommit(false);
        try {
          for (PlannedAppend plan : plans) {
            write(c, plan, now, updated);
          }
          for (Map.Entry<TableEntry, Table> e : updated.entrySet()) {
            TableEntry t = e.getKey();
            if (persistent) {
              MetadataTable.updateTable(
                  c, t.dataset.project, t.dataset.datasetId, t.tableId, e.getValue());
            }
          }
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw internal("append", e);
      }
      List<Long> counts = new ArrayList<>(plans.size());
      for (PlannedAppend plan : plans) {
        counts.add((long) plan.rows().size());
      }
      for (Map.Entry<TableEntry, Table> e : updated.entrySet()) {
        e.getKey().resource = e.getValue();
      }
      for (PlannedAppend plan : plans) {
        TableEntry t = plan.table();
        synchronized (t.buffer) {
          if (plan.append().disposition().equals("WRITE_TRUNCATE")
              && plan.append().partition() == null) {
            t.buffer.clear();
          }
          if (plan.append().origin() == WriteOrigin.STREAMING_INSERT && !plan.rows().isEmpty()) {
            t.buffer.add(new BufferedRows(now, plan.rows().size(), plan.bytes()));
          }
        }
      }
      return counts;
    } finally {
      writeLock.unlock();
    }
  }

  private PlannedAppend plan(TableAppend append) {
    TableEntry t = requireTable(append.table());
    String disposition = append.disposition();
    if (!List.of("WRITE_APPEND", "WRITE_TRUNCATE", "WRITE_EMPTY").contains(disposition)) {
      throw ApiException.invalid("Invalid write disposition " + disposition);
    }
    TablePartitioning partitioning = TablePartitioning.of(t.resource);
    LocalDate partition = append.partition();
    if (partition != null) {
      if (partitioning == null) {
        throw ApiException.invalid(
            "Cannot write to a partition of non-partitioned table " + t.displayName());
      }
      partitioning.checkDecorator(partition, t.displayName());
    }
    List<FieldSpec> fields = FieldSpec.of(t.fields());
    List<Map<String, @Nullable Object>> rows = new ArrayList<>(append.rows().size());
    CanonicalRows.Size size = new CanonicalRows.Size();
    String display = t.displayName();
    long index = 0;
    for (Map<String, @Nullable Object> row : append.rows()) {
      Map<String, @Nullable Object> checked =
          CanonicalRows.check(display, index, fields, row, size);
      if (partition != null && partitioning != null && !partitioning.ingestionTime()) {
        LocalDate actual = partitioning.partitionOf(checked);
        if (!actual.equals(partition)) {
          throw new ApiException(
              400,
              "invalid",
              "Some rows belong to different partitions rather than destination partition "
                  + TablePartitioning.decorator(partition)
                  + " (row "
                  + index
                  + " of table "
                  + display
                  + ", field "
                  + partitioning.column()
                  + " is in partition "
                  + TablePartitioning.decorator(actual)
                  + ")",
              partitioning.column());
        }
      }
      rows.add(checked);
      index++;
    }
    return new PlannedAppend(append, t, partitioning, rows, size.bytes);
  }

  private void write(Connection c, PlannedAppend plan, Instant now, Map<TableEntry, Table> updated)
      throws SQLException {
    TableEntry t = plan.table();
    TableAppend append = plan.append();
    LocalDate partition = append.partition();
    TablePartitioning partitioning = plan.partitioning();
    String where =
        partition == null
            ? ""
            : " WHERE " + Objects.requireNonNull(partitioning).predicate(partition);
    Table resource = MetadataTable.copy(updated.getOrDefault(t, t.resource));
    long rowsBefore =
        append.disposition().equals("WRITE_APPEND") ? -1 : count(c, t.quotedName(), "");
    long bytesBefore = resource.getNumBytes() == null ? 0 : resource.getNumBytes();
    long removedBytes = 0;
    String target =
        partition == null
            ? t.displayName()
            : t.displayName() + "$" + TablePartitioning.decorator(partition);
    switch (append.disposition()) {
      case "WRITE_EMPTY" -> {
        if (count(c, t.quotedName(), where) > 0) {
          throw ApiException.duplicate("Already Exists: Table " + target);
        }
      }
      case "WRITE_TRUNCATE" -> {
        try (Statement s = c.createStatement()) {
          long deleted = s.executeUpdate("DELETE FROM " + t.quotedName() + where);
          removedBytes = rowsBefore == 0 ? 0 : bytesBefore * deleted / rowsBefore;
        }
      }
      default -> {}
    }
    List<RowWriter.Column> columns = columns(c, t, partitioning, now, partition);
    RowWriter.write(
        (DuckDBConnection) c, t.dataset.schemaName, t.physicalTable, columns, plan.rows());
    long rowsAfter = count(c, t.quotedName(), "");
    boolean changed = !plan.rows().isEmpty() || (rowsBefore >= 0 && rowsAfter != rowsBefore);
    resource.setNumRows(BigInteger.valueOf(rowsAfter));
    resource.setNumBytes(Math.max(0, bytesBefore - removedBytes + plan.bytes()));
    if (changed) {
      resource.setLastModifiedTime(BigInteger.valueOf(now.toEpochMilli()));
      resource.setEtag(etag(t.displayName(), now.toEpochMilli()));
    }
    updated.put(t, resource);
  }

  private List<RowWriter.Column> columns(
      Connection c,
      TableEntry t,
      @Nullable TablePartitioning partitioning,
      Instant now,
      @Nullable LocalDate partition)
      throws SQLException {
    List<FieldSpec> fields = FieldSpec.of(t.fields());
    List<RowWriter.Column> columns = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = ?"
                + " ORDER BY column_index")) {
      p.setString(1, t.dataset.schemaName);
      p.setString(2, t.physicalTable);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          String name = r.getString(1);
          FieldSpec field =
              fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst().orElse(null);
          Object hidden = null;
          if (field == null
              && name.equalsIgnoreCase(TablePartitioning.PARTITIONTIME)
              && partitioning != null
              && partitioning.ingestionTime()) {
            hidden = partitioning.ingestionTime(now, partition);
          }
          columns.add(new RowWriter.Column(name, field, hidden));
        }
      }
    }
    return columns;
  }

  private static long count(Connection c, String table, String where) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + table + where)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Override
  public RowPage read(
      TableReference ref, long startIndex, long maxRows, @Nullable List<String> selectedFields) {
    TableEntry t = requireTable(ref);
    List<TableFieldSchema> all = t.fields();
    List<TableFieldSchema> fields;
    if (selectedFields == null) {
      fields = all;
    } else {
      fields = new ArrayList<>();
      for (TableFieldSchema f : all) {
        if (selectedFields.stream().anyMatch(s -> s.trim().equalsIgnoreCase(f.getName()))) {
          fields.add(f);
        }
      }
      for (String s : selectedFields) {
        String name = s.trim();
        if (name.isEmpty()) {
          continue;
        }
        if (name.contains(".")) {
          throw ApiException.invalid(
              "not supported by the local server: nested selectedFields " + name);
        }
        if (all.stream().noneMatch(f -> f.getName().equalsIgnoreCase(name))) {
          throw ApiException.invalid("Field " + name + " not found in table " + t.displayName());
        }
      }
    }
    if (startIndex < 0 || maxRows < 0) {
      throw ApiException.invalid("startIndex and maxResults must not be negative");
    }
    TableSchema schema = new TableSchema().setFields(new ArrayList<>(fields));
    List<Map<String, @Nullable Object>> rows = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      long total;
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + t.quotedName())) {
        r.next();
        total = r.getLong(1);
      }
      if (!fields.isEmpty() && maxRows > 0 && startIndex < total) {
        List<FieldSpec> specs = FieldSpec.of(fields);
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < fields.size(); i++) {
          sql.append(i == 0 ? "" : ", ").append(DuckDbTypes.quote(fields.get(i).getName()));
        }
        sql.append(" FROM ")
            .append(t.quotedName())
            .append(" LIMIT ")
            .append(maxRows)
            .append(" OFFSET ")
            .append(startIndex);
        try (ResultSet r = s.executeQuery(sql.toString())) {
          while (r.next()) {
            Map<String, @Nullable Object> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
              row.put(
                  fields.get(i).getName(),
                  JdbcValues.toCanonical(r.getObject(i + 1), specs.get(i)));
            }
            rows.add(row);
          }
        }
      } else if (fields.isEmpty() && maxRows > 0 && startIndex < total) {
        long n = Math.min(maxRows, total - startIndex);
        for (long i = 0; i < n; i++) {
          rows.add(new java.util.LinkedHashMap<>());
        }
      }
      return new RowPage(schema, rows, total);
    } catch (SQLException e) {
      throw internal("read " + t.displayName(), e);
    }
  }

  @Override
  public Optional<Instant> streamingBufferOldestEntry(TableReference ref) {
    TableEntry t = requireTable(ref);
    Streamingbuffer buffer = streamingBuffer(t);
    return buffer == null
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(buffer.getOldestEntryTime().longValue()));
  }

  // ---- for the SQL runner ----

  /**
   * The {@code _PARTITIONTIME} a row inserted now into {@code table} gets (the start of the current
   * partition by the server clock), or empty when the table is not partitioned by ingestion time.
   * The SQL runner sets the hidden column to this when DML inserts rows:
   *
   * <pre>{@code
   * DuckDbLocalStorage.ingestionPartitionTime(table, settings.clock().instant())
   *     .ifPresent(t -> columns.put("_PARTITIONTIME", t));
   * }</pre>
   */
  public static Optional<Instant> ingestionPartitionTime(Table table, Instant now) {
    TablePartitioning partitioning = TablePartitioning.of(table);
    return partitioning == null || !partitioning.ingestionTime()
        ? Optional.empty()
        : Optional.of(partitioning.ingestionTime(now, null));
  }

  @Override
  public Connection connect() {
    try {
      DuckDBConnection c = root.duplicate();
      try (Statement s = c.createStatement()) {
        s.execute("SET TimeZone = 'UTC'");
      }
      return c;
    } catch (SQLException e) {
      throw internal("connect", e);
    }
  }

  @Override
  public String physicalName(TableReference ref) {
    return requireTable(ref).quotedName();
  }

  @Override
  public void touched(TableReference ref) {
    writeLock.lock();
    try {
      TableEntry t = requireTable(ref);
      Table resource = MetadataTable.copy(t.resource);
      long now = settings.clock().millis();
      try (Connection c = connect()) {
        long rows = count(c, t.quotedName(), "");
        long oldRows = resource.getNumRows() == null ? 0 : resource.getNumRows().longValue();
        long oldBytes = resource.getNumBytes() == null ? 0 : resource.getNumBytes();
        long perRow = oldRows == 0 ? 8L * Math.max(1, t.fields().size()) : oldBytes / oldRows;
        resource.setNumRows(BigInteger.valueOf(rows));
        resource.setNumBytes(rows * perRow);
        resource.setLastModifiedTime(BigInteger.valueOf(now));
        resource.setEtag(etag(t.displayName(), now));
        if (persistent) {
          MetadataTable.updateTable(c, t.dataset.project, t.dataset.datasetId, t.tableId, resource);
        }
      } catch (SQLException e) {
        throw internal("update " + t.displayName(), e);
      }
      t.resource = resource;
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public Lock writeLock() {
    return writeLock;
  }

  @Override
  public void close() {
    try {
      root.close();
    } catch (SQLException e) {
      log.warn("closing the local BigQuery storage failed: {}", e.getMessage());
    }
  }

  private static String etag(String id, long millis) {
    String text = id + "@" + millis + "#" + System.nanoTime();
    return Base64.getEncoder()
        .encodeToString(
            Integer.toHexString(text.hashCode())
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static ApiException internal(String what, SQLException e) {
    log.debug("storage failure in {}", what, e);
    return new ApiException(
        500, "backendError", "Local storage failed to " + what + ": " + e.getMessage());
  }
}
