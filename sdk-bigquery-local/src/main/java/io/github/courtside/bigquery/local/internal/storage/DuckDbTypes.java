package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.services.bigquery.model.TableFieldSchema;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.util.List;
import java.util.StringJoiner;

/**
 * How BigQuery column types are stored in DuckDB; the SQL runner uses the same mapping for casts
 * and result columns.
 *
 * <table>
 *   <caption>BigQuery type and DuckDB type</caption>
 *   <tr><td>INT64</td><td>BIGINT</td></tr>
 *   <tr><td>FLOAT64</td><td>DOUBLE</td></tr>
 *   <tr><td>NUMERIC</td><td>DECIMAL(38,9) (BigQuery: precision 38, scale 9, the same)</td></tr>
 *   <tr><td>BIGNUMERIC</td><td>DECIMAL(38,19): DuckDB's widest decimal. BigQuery's BIGNUMERIC has
 *       76 digits with 38 after the point; values with more than 19 integer digits or more than 19
 *       fractional digits are refused with 400 invalid ("not supported by the local server")
 *       instead of being rounded</td></tr>
 *   <tr><td>BOOL</td><td>BOOLEAN</td></tr>
 *   <tr><td>STRING</td><td>VARCHAR</td></tr>
 *   <tr><td>BYTES</td><td>BLOB</td></tr>
 *   <tr><td>DATE</td><td>DATE</td></tr>
 *   <tr><td>DATETIME</td><td>TIMESTAMP (microseconds, no time zone)</td></tr>
 *   <tr><td>TIME</td><td>TIME</td></tr>
 *   <tr><td>TIMESTAMP</td><td>TIMESTAMPTZ (microseconds; sessions run with TimeZone UTC)</td></tr>
 *   <tr><td>JSON</td><td>JSON (DuckDB's json extension, bundled in the JDBC jar)</td></tr>
 *   <tr><td>GEOGRAPHY</td><td>VARCHAR holding WKT text</td></tr>
 *   <tr><td>RECORD</td><td>STRUCT("a" T, ...) with the fields in declared order and case</td></tr>
 *   <tr><td>mode REPEATED</td><td>T[] (a DuckDB LIST)</td></tr>
 * </table>
 *
 * <pre>{@code
 * String sqlType = DuckDbTypes.of(field);          // e.g. STRUCT("a" BIGINT, "b" VARCHAR[])[]
 * String column = DuckDbTypes.quote("player id");  // "player id"
 * }</pre>
 */
public final class DuckDbTypes {
  /** Scale of NUMERIC columns. */
  public static final int NUMERIC_SCALE = 9;

  /** Scale of BIGNUMERIC columns (DuckDB's DECIMAL stops at 38 digits). */
  public static final int BIGNUMERIC_SCALE = 19;

  private DuckDbTypes() {}

  /** The DuckDB type of a field, with its mode (REPEATED becomes a LIST). */
  public static String of(TableFieldSchema field) {
    String element = elementType(field);
    return BigQueryType.isRepeated(field) ? element + "[]" : element;
  }

  /** The DuckDB type of one value of the field (ignores REPEATED). */
  public static String elementType(TableFieldSchema field) {
    BigQueryType type = BigQueryType.of(field);
    if (type == BigQueryType.RECORD) {
      return struct(field.getFields(), field.getName());
    }
    return scalar(type);
  }

  /** The DuckDB type of a scalar BigQuery type. */
  public static String scalar(BigQueryType type) {
    return switch (type) {
      case INT64 -> "BIGINT";
      case FLOAT64 -> "DOUBLE";
      case NUMERIC -> "DECIMAL(38," + NUMERIC_SCALE + ")";
      case BIGNUMERIC -> "DECIMAL(38," + BIGNUMERIC_SCALE + ")";
      case BOOL -> "BOOLEAN";
      case STRING, GEOGRAPHY -> "VARCHAR";
      case BYTES -> "BLOB";
      case DATE -> "DATE";
      case DATETIME -> "TIMESTAMP";
      case TIME -> "TIME";
      case TIMESTAMP -> "TIMESTAMPTZ";
      case JSON -> "JSON";
      case RECORD -> throw new IllegalArgumentException("RECORD has no scalar DuckDB type");
    };
  }

  /** A STRUCT type with the given fields. */
  public static String struct(List<TableFieldSchema> fields, String ownerName) {
    if (fields == null || fields.isEmpty()) {
      throw ApiException.invalid(
          "Field " + ownerName + " is type RECORD but has no schema (fields)");
    }
    StringJoiner joiner = new StringJoiner(", ", "STRUCT(", ")");
    for (TableFieldSchema child : fields) {
      joiner.add(quote(child.getName()) + " " + of(child));
    }
    return joiner.toString();
  }

  /** A DuckDB identifier in double quotes, with embedded double quotes doubled. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** A DuckDB string literal in single quotes, with embedded single quotes doubled. */
  public static String literal(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }
}
