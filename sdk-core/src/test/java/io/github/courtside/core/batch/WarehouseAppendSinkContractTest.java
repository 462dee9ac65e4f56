package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import java.util.List;

/**
 * The validating warehouse append sink keeps the sink contract on a strict load-semantics
 * warehouse; the DuckDB module runs the same contract on DuckDB.
 */
class WarehouseAppendSinkContractTest extends BatchSinkContract {
  private final WarehouseAppendSinkTest.StrictWarehouse warehouse =
      new WarehouseAppendSinkTest.StrictWarehouse();

  @Override
  protected BatchSink createSink(TableId table, TableSchema schema) {
    warehouse.createTable(table, schema);
    return WarehouseAppendSink.validating(warehouse, table);
  }

  @Override
  protected List<Row> readBack(TableId table) {
    return warehouse.rows(table);
  }

  @Override
  protected boolean deduplicates() {
    return false;
  }
}
