package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.services.bigquery.model.Dataset;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * The local server's datasets, tables and rows, kept in one DuckDB database, with each table's
 * BigQuery resource (schema with modes and RECORD fields, time partitioning, clustering, times, row
 * counts) as metadata. The REST layer, the SQL runner and the Storage Write service all work
 * through it.
 *
 * <h2>Canonical cell values</h2>
 *
 * Rows cross this interface as {@code Map<String, @Nullable Object>} from field name to value:
 *
 * <table>
 *   <caption>BigQuery type and Java value</caption>
 *   <tr><td>INT64 (INTEGER)</td><td>{@link Long}</td></tr>
 *   <tr><td>FLOAT64 (FLOAT)</td><td>{@link Double}</td></tr>
 *   <tr><td>NUMERIC, BIGNUMERIC</td><td>{@link java.math.BigDecimal}</td></tr>
 *   <tr><td>BOOL (BOOLEAN)</td><td>{@link Boolean}</td></tr>
 *   <tr><td>STRING</td><td>{@link String}</td></tr>
 *   <tr><td>BYTES</td><td>{@code byte[]}</td></tr>
 *   <tr><td>DATE</td><td>{@link java.time.LocalDate}</td></tr>
 *   <tr><td>DATETIME</td><td>{@link java.time.LocalDateTime}</td></tr>
 *   <tr><td>TIME</td><td>{@link java.time.LocalTime}</td></tr>
 *   <tr><td>TIMESTAMP</td><td>{@link Instant} (microsecond precision)</td></tr>
 *   <tr><td>JSON</td><td>{@link String}, the JSON text</td></tr>
 *   <tr><td>RECORD (STRUCT)</td><td>{@code Map<String, @Nullable Object>}</td></tr>
 *   <tr><td>mode REPEATED</td><td>{@code List<Object>} of the element values (never null; an
 *       absent repeated field reads as an empty list)</td></tr>
 * </table>
 *
 * <p>Every method may throw {@link io.github.courtside.bigquery.local.internal.ApiException} with
 * BigQuery's status, reason and message ({@code notFound}, {@code duplicate}, {@code invalid}...).
 * Writes are serialised by {@link #writeLock()}; reads run concurrently.
 */
public interface LocalStorage extends AutoCloseable {

  // ---- datasets ----

  /** Creates a dataset; 409 {@code duplicate} when it exists. Fills creationTime, etag, id... */
  Dataset createDataset(String project, Dataset dataset);

  /** The dataset, or empty. */
  Optional<Dataset> dataset(String project, String datasetId);

  /** The project's datasets, sorted by id. */
  List<Dataset> datasets(String project);

  /** Applies the set fields of {@code patch} (description, labels, friendlyName...). */
  Dataset patchDataset(String project, String datasetId, Dataset patch);

  /**
   * Deletes a dataset; 404 when missing; 400 {@code resourceInUse} when it still has tables and
   * {@code deleteContents} is false.
   */
  void deleteDataset(String project, String datasetId, boolean deleteContents);

  // ---- tables ----

  /**
   * Creates a table from its resource ({@code tableReference}, {@code schema}, {@code
   * timePartitioning}, {@code rangePartitioning}, {@code clustering}, {@code
   * requirePartitionFilter}, {@code description}, {@code labels}, {@code expirationTime}); 404 when
   * the dataset is missing, 409 when the table exists.
   */
  Table createTable(Table table);

  /**
   * The table's current resource: schema, partitioning, clustering, {@code creationTime}, {@code
   * lastModifiedTime}, {@code numRows}, {@code numBytes}, {@code streamingBuffer} while it holds
   * rows, {@code type} TABLE; or empty.
   */
  Optional<Table> table(TableReference ref);

  /** The dataset's tables, sorted by table id; 404 when the dataset is missing. */
  List<Table> tables(String project, String datasetId);

  /**
   * Applies the set fields of {@code patch}. A schema may only add NULLABLE or REPEATED fields
   * (also inside RECORDs) and relax REQUIRED to NULLABLE, as in BigQuery; anything else is 400
   * {@code invalid} naming the field.
   */
  Table patchTable(TableReference ref, Table patch);

  /** Deletes a table; returns whether it existed. */
  boolean deleteTable(TableReference ref);

  // ---- rows ----

  /**
   * Writes the rows of every append in one DuckDB transaction: all of them or none. Each row is
   * checked against its table's schema first (unknown field, wrong value type, NULL in a REQUIRED
   * field, a row outside the append's partition): 400 {@code invalid} naming the table, the row
   * index and the field. Returns the number of rows written per append, in order.
   */
  List<Long> append(List<TableAppend> appends);

  /**
   * A page of the table's rows in table order, starting at {@code startIndex}; {@code
   * selectedFields} (top-level names) limits the columns when not null.
   */
  RowPage read(
      TableReference ref, long startIndex, long maxRows, @Nullable List<String> selectedFields);

  /**
   * When the oldest row still in the table's streaming buffer was streamed, or empty when the
   * buffer is empty (rows leave it {@code streamingBufferWindow} after they were streamed, by the
   * server's clock).
   */
  Optional<Instant> streamingBufferOldestEntry(TableReference ref);

  // ---- for the SQL runner ----

  /** A new connection to the database (one per thread; the caller closes it), in TimeZone UTC. */
  Connection connect();

  /** The quoted DuckDB name of the table that holds a table's rows; 404 when it is missing. */
  String physicalName(TableReference ref);

  /** Records that DML changed a table's rows (lastModifiedTime, numRows). */
  void touched(TableReference ref);

  /** Held while anything writes: appends, DML, DDL, transactions. Reentrant. */
  Lock writeLock();

  @Override
  void close();
}
