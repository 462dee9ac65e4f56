package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.TableReference;

/** Partition decorators on table ids: {@code player_game$20240410}. */
final class Decorators {
  private Decorators() {}

  /** The table itself, without a decorator. */
  static TableReference base(TableReference ref) {
    String id = ref.getTableId();
    int dollar = id.indexOf('$');
    if (dollar < 0) {
      return ref;
    }
    return new TableReference()
        .setProjectId(ref.getProjectId())
        .setDatasetId(ref.getDatasetId())
        .setTableId(id.substring(0, dollar));
  }

  static boolean decorated(TableReference ref) {
    return ref.getTableId().indexOf('$') >= 0;
  }

  /** {@code project:dataset.table}, the key of per-table bookkeeping. */
  static String key(TableReference ref) {
    TableReference base = base(ref);
    return base.getProjectId() + ":" + base.getDatasetId() + "." + base.getTableId();
  }
}
