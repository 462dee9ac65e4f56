package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.client.json.GenericJson;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.bigquery.model.Dataset;
import com.google.api.services.bigquery.model.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The resources of datasets and tables, kept as the client's own JSON in two DuckDB tables of the
 * schema {@value #SCHEMA} (a name without a dot, so it never collides with a dataset's schema
 * {@code "<project>.<dataset>"}), written in the same transaction as the change they describe.
 */
final class MetadataTable {
  static final String SCHEMA = "__local_bigquery";
  private static final String DATASETS = DuckDbTypes.quote(SCHEMA) + ".\"datasets\"";
  private static final String TABLES = DuckDbTypes.quote(SCHEMA) + ".\"tables\"";
  private static final GsonFactory JSON = GsonFactory.getDefaultInstance();

  record StoredDataset(String project, String datasetId, String schemaName, Dataset resource) {}

  record StoredTable(
      String project, String datasetId, String tableId, String physicalTable, Table resource) {}

  private MetadataTable() {}

  static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + DuckDbTypes.quote(SCHEMA));
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + DATASETS
              + " (project VARCHAR, dataset_id VARCHAR, schema_name VARCHAR, resource VARCHAR)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLES
              + " (project VARCHAR, dataset_id VARCHAR, table_id VARCHAR, physical_table VARCHAR,"
              + " resource VARCHAR)");
    }
  }

  static List<StoredDataset> datasets(Connection c) throws SQLException {
    List<StoredDataset> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT project, dataset_id, schema_name, resource FROM " + DATASETS)) {
      while (r.next()) {
        out.add(
            new StoredDataset(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                parse(r.getString(4), Dataset.class)));
      }
    }
    return out;
  }

  static List<StoredTable> tables(Connection c) throws SQLException {
    List<StoredTable> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT project, dataset_id, table_id, physical_table, resource FROM " + TABLES)) {
      while (r.next()) {
        out.add(
            new StoredTable(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                parse(r.getString(5), Table.class)));
      }
    }
    return out;
  }

  static void insertDataset(Connection c, String project, String id, String schema, Dataset d)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO " + DATASETS + " VALUES (?,?,?,?)")) {
      p.setString(1, project);
      p.setString(2, id);
      p.setString(3, schema);
      p.setString(4, text(d));
      p.executeUpdate();
    }
  }

  static void updateDataset(Connection c, String project, String id, Dataset d)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE " + DATASETS + " SET resource = ? WHERE project = ? AND dataset_id = ?")) {
      p.setString(1, text(d));
      p.setString(2, project);
      p.setString(3, id);
      p.executeUpdate();
    }
  }

  static void deleteDataset(Connection c, String project, String id) throws SQLException {
    for (String table : List.of(DATASETS, TABLES)) {
      try (PreparedStatement p =
          c.prepareStatement("DELETE FROM " + table + " WHERE project = ? AND dataset_id = ?")) {
        p.setString(1, project);
        p.setString(2, id);
        p.executeUpdate();
      }
    }
  }

  static void insertTable(
      Connection c, String project, String dataset, String table, String physical, Table t)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO " + TABLES + " VALUES (?,?,?,?,?)")) {
      p.setString(1, project);
      p.setString(2, dataset);
      p.setString(3, table);
      p.setString(4, physical);
      p.setString(5, text(t));
      p.executeUpdate();
    }
  }

  static void updateTable(Connection c, String project, String dataset, String table, Table t)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE "
                + TABLES
                + " SET resource = ? WHERE project = ? AND dataset_id = ? AND table_id = ?")) {
      p.setString(1, text(t));
      p.setString(2, project);
      p.setString(3, dataset);
      p.setString(4, table);
      p.executeUpdate();
    }
  }

  static void deleteTable(Connection c, String project, String dataset, String table)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "DELETE FROM " + TABLES + " WHERE project = ? AND dataset_id = ? AND table_id = ?")) {
      p.setString(1, project);
      p.setString(2, dataset);
      p.setString(3, table);
      p.executeUpdate();
    }
  }

  static String text(GenericJson resource) {
    try {
      return JSON.toString(resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T parse(String text, Class<T> type) {
    try {
      return JSON.fromString(text, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A deep copy through the client's JSON (GenericData.clone cannot copy immutable lists such as
   * those of {@code List.of}).
   */
  @SuppressWarnings("unchecked")
  static <T extends GenericJson> T copy(T resource) {
    return (T) parse(text(resource), resource.getClass());
  }
}
