package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.services.bigquery.model.TableFieldSchema;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * BigQuery's schema-evolution rules for {@code tables.patch}/{@code tables.update}: existing fields
 * keep their order, name and type; new fields may be added at the end (also inside RECORDs) when
 * NULLABLE or REPEATED; REQUIRED may be relaxed to NULLABLE. Anything else is 400 {@code invalid}
 * "Provided Schema does not match Table ...". Produces the DuckDB ALTER TABLE statements.
 */
final class SchemaEvolution {
  private SchemaEvolution() {}

  static List<String> alterations(
      String tableName,
      String quotedTable,
      List<TableFieldSchema> current,
      List<TableFieldSchema> proposed) {
    List<String> alters = new ArrayList<>();
    compare(tableName, quotedTable, "", current, proposed, alters, true);
    return alters;
  }

  private static void compare(
      String tableName,
      String quotedTable,
      String prefix,
      List<TableFieldSchema> current,
      List<TableFieldSchema> proposed,
      List<String> alters,
      boolean topLevel) {
    for (TableFieldSchema old : current) {
      boolean present =
          proposed.stream().anyMatch(p -> p.getName().equalsIgnoreCase(old.getName()));
      if (!present) {
        throw mismatch(tableName, "Field " + prefix + old.getName() + " is missing in new schema");
      }
    }
    for (int i = 0; i < proposed.size(); i++) {
      TableFieldSchema next = proposed.get(i);
      TableFieldSchema old = i < current.size() ? current.get(i) : null;
      String path = prefix + next.getName();
      if (old != null && !old.getName().equalsIgnoreCase(next.getName())) {
        throw mismatch(tableName, "Field " + path + " has changed position");
      }
      if (old == null) {
        String mode = mode(next);
        if (mode.equals("REQUIRED")) {
          throw mismatch(tableName, "Cannot add required field " + path + " to existing schema");
        }
        alters.add(
            "ALTER TABLE "
                + quotedTable
                + " ADD COLUMN "
                + columnPath(prefix, next.getName())
                + " "
                + DuckDbTypes.of(next));
        continue;
      }
      BigQueryType oldType = BigQueryType.of(old);
      BigQueryType newType = BigQueryType.of(next);
      if (oldType != newType) {
        throw mismatch(
            tableName, "Field " + path + " has changed type from " + oldType + " to " + newType);
      }
      String oldMode = mode(old);
      String newMode = mode(next);
      if (!oldMode.equals(newMode)) {
        if (oldMode.equals("REQUIRED") && newMode.equals("NULLABLE")) {
          if (topLevel) {
            alters.add(
                "ALTER TABLE "
                    + quotedTable
                    + " ALTER COLUMN "
                    + DuckDbTypes.quote(old.getName())
                    + " DROP NOT NULL");
          }
        } else {
          throw mismatch(
              tableName, "Field " + path + " has changed mode from " + oldMode + " to " + newMode);
        }
      }
      if (oldType == BigQueryType.RECORD) {
        if (BigQueryType.isRepeated(old)) {
          List<String> nested = new ArrayList<>();
          compare(
              tableName, quotedTable, path + ".", old.getFields(), next.getFields(), nested, false);
          if (!nested.isEmpty()) {
            // a LIST of STRUCTs cannot be altered in place: retype the column by casting
            if (!prefix.isEmpty()) {
              throw ApiException.invalid(
                  "not supported by the local server: adding fields to the repeated RECORD "
                      + path
                      + " inside another RECORD");
            }
            alters.add(
                "ALTER TABLE "
                    + quotedTable
                    + " ALTER COLUMN "
                    + DuckDbTypes.quote(old.getName())
                    + " TYPE "
                    + DuckDbTypes.of(next));
          }
        } else {
          compare(
              tableName, quotedTable, path + ".", old.getFields(), next.getFields(), alters, false);
        }
      }
    }
  }

  private static String columnPath(String prefix, String name) {
    if (prefix.isEmpty()) {
      return DuckDbTypes.quote(name);
    }
    StringBuilder out = new StringBuilder();
    for (String part : prefix.split("\\.")) {
      out.append(DuckDbTypes.quote(part)).append('.');
    }
    return out.append(DuckDbTypes.quote(name)).toString();
  }

  private static String mode(TableFieldSchema f) {
    return f.getMode() == null ? "NULLABLE" : f.getMode().toUpperCase(Locale.ROOT);
  }

  private static ApiException mismatch(String tableName, String detail) {
    Objects.requireNonNull(detail);
    return ApiException.invalid(
        "Provided Schema does not match Table " + tableName + ". " + detail + ".");
  }
}
