package io.github.courtside.bigquery.sink;

import io.github.courtside.bigquery.local.LocalBigQuery;
import io.github.courtside.core.batch.BatchSink;
import io.github.courtside.core.batch.BatchSinkContract;
import io.github.courtside.core.batch.WriteMode;
import io.github.courtside.core.batch.WriteModePolicy;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core batch-sink contract for both BigQuery streaming sinks, on one local server. */
class StreamingSinkContractTest {
  @RegisterExtension static LocalBigQuery bigQuery = LocalBigQuery.create();

  private static final TableId CONTRACT_TABLE = TableId.of("courtside_contract", "sink_events");
  private static final WriteModePolicy MODES =
      WriteModePolicy.builder().register(CONTRACT_TABLE, WriteMode.APPEND_ONLY).build();

  abstract static class OnLocalServer extends BatchSinkContract {
    /**
     * Tells this test's rows from those of earlier tests on the same (recreated) table: the rows'
     * ids are content hashes, and the server remembers insertIds per table name for a while.
     */
    private final String run = UUID.randomUUID().toString();

    private final List<AutoCloseable> opened = new ArrayList<>();
    private TableSchema schema = SCHEMA;

    abstract BatchSink open(TableId table);

    @Override
    protected Row event(int n) {
      return super.event(n).toBuilder().set("contract_run", run).build();
    }

    @Override
    protected BatchSink createSink(TableId table, TableSchema contractSchema) {
      this.schema =
          contractSchema.toBuilder()
              .column(Column.nullable("contract_run", ColumnType.STRING))
              .build();
      LocalTables.recreate(bigQuery, table, schema);
      BatchSink sink = open(table);
      if (sink instanceof AutoCloseable closeable) {
        opened.add(closeable);
      }
      return sink;
    }

    @Override
    protected List<Row> readBack(TableId table) {
      return LocalTables.read(bigQuery, table, schema);
    }

    @AfterEach
    void closeSinks() throws Exception {
      for (AutoCloseable closeable : opened) {
        closeable.close();
      }
      opened.clear();
    }
  }

  @Nested
  class StorageWriteAtLeastOnce extends OnLocalServer {
    @Override
    BatchSink open(TableId table) {
      return StorageWriteSink.builder(bigQuery.writeSettings())
          .project(bigQuery.projectId())
          .table(table)
          .writeModes(MODES)
          .build();
    }

    @Override
    protected boolean deduplicates() {
      return false;
    }
  }

  @Nested
  class StorageWriteExactlyOnce extends OnLocalServer {
    @Override
    BatchSink open(TableId table) {
      return StorageWriteSink.builder(bigQuery.writeSettings())
          .project(bigQuery.projectId())
          .table(table)
          .guarantee(DeliveryGuarantee.EXACTLY_ONCE)
          .writeModes(MODES)
          .build();
    }

    @Override
    protected boolean deduplicates() {
      // exactly-once covers retries of a failed append, not a second request with the same rows
      return false;
    }
  }

  @Nested
  class InsertAll extends OnLocalServer {
    @Override
    BatchSink open(TableId table) {
      return InsertAllSink.builder(bigQuery.client()).table(table).writeModes(MODES).build();
    }

    @Override
    protected boolean deduplicates() {
      return true;
    }
  }
}
