package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.services.bigquery.model.TableFieldSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema field resolved once (type, mode, children), so per-cell work does no string handling.
 */
record FieldSpec(
    String name,
    BigQueryType type,
    boolean repeated,
    boolean required,
    List<FieldSpec> children,
    TableFieldSchema field) {

  static List<FieldSpec> of(List<TableFieldSchema> fields) {
    List<FieldSpec> out = new ArrayList<>(fields.size());
    for (TableFieldSchema f : fields) {
      BigQueryType type = BigQueryType.of(f);
      out.add(
          new FieldSpec(
              f.getName(),
              type,
              BigQueryType.isRepeated(f),
              BigQueryType.isRequired(f),
              type == BigQueryType.RECORD && f.getFields() != null ? of(f.getFields()) : List.of(),
              f));
    }
    return List.copyOf(out);
  }
}
