package io.github.courtside.models.catboost;

import io.github.courtside.models.feature.FeatureSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each model feature sits in one feature schema, resolved once per schema: the vector
 * positions of the model features (-1 = absent), whether the schema starts with the model's
 * features in model order (the copy needs no index lookups), and the positions of the two features
 * a prediction reads by name ({@code points_std_last_10} for confidence, {@code vegas_points_line}
 * for the line).
 */
final class SchemaMapping {
  final FeatureSchema schema;
  final int[] indexes;
  final boolean identity;
  final int stdIndex;
  final int lineIndex;
  final List<String> absent;

  private SchemaMapping(
      FeatureSchema schema,
      int[] indexes,
      boolean identity,
      int stdIndex,
      int lineIndex,
      List<String> absent) {
    this.schema = schema;
    this.indexes = indexes;
    this.identity = identity;
    this.stdIndex = stdIndex;
    this.lineIndex = lineIndex;
    this.absent = absent;
  }

  static SchemaMapping of(FeatureSchema schema, List<String> modelFeatures) {
    int[] indexes = new int[modelFeatures.size()];
    boolean identity = true;
    List<String> absent = new ArrayList<>(0);
    for (int j = 0; j < indexes.length; j++) {
      String name = modelFeatures.get(j);
      indexes[j] = schema.contains(name) ? schema.indexOf(name) : -1;
      if (indexes[j] < 0) {
        absent.add(name);
      }
      identity &= indexes[j] == j;
    }
    return new SchemaMapping(
        schema,
        indexes,
        identity,
        positionOf(schema, "points_std_last_10"),
        positionOf(schema, "vegas_points_line"),
        List.copyOf(absent));
  }

  private static int positionOf(FeatureSchema schema, String name) {
    return schema.contains(name) ? schema.indexOf(name) : -1;
  }
}
