package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.JobConfigurationTableCopy;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import io.github.courtside.bigquery.local.internal.storage.WriteOrigin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Copy jobs: the rows of one or more source tables into the destination, in one transaction, with
 * the create disposition (the first source's schema, partitioning and clustering) and the write
 * disposition (default {@code WRITE_EMPTY}).
 */
final class CopyJobs {
  private final TableWriter writer;
  private final Clock clock;

  CopyJobs(TableWriter writer, Clock clock) {
    this.writer = writer;
    this.clock = clock;
  }

  void run(LocalJob job) {
    JobConfigurationTableCopy copy = job.snapshot().getConfiguration().getCopy();
    List<TableReference> sources = new ArrayList<>();
    if (copy.getSourceTable() != null) {
      sources.add(copy.getSourceTable());
    }
    if (copy.getSourceTables() != null) {
      sources.addAll(copy.getSourceTables());
    }
    List<List<Map<String, @Nullable Object>>> rows = new ArrayList<>();
    Table first = null;
    for (TableReference source : sources) {
      Table table =
          writer.storage().table(source).orElseThrow(() -> TablesResource.notFound(source));
      if (first == null) {
        first = table;
      }
      rows.add(writer.readAll(source));
    }
    TableReference destination = copy.getDestinationTable();
    writer.ensure(
        destination,
        JobScheduler.upper(copy.getCreateDisposition(), "CREATE_IF_NEEDED"),
        first == null ? new Table() : first);
    long written =
        writer.write(
            destination,
            JobScheduler.upper(copy.getWriteDisposition(), "WRITE_EMPTY"),
            WriteOrigin.LOAD,
            rows);
    job.finish(
        j -> j.getStatistics().setCopy(JobScheduler.copyStatistics(written, written * 64)),
        clock.millis());
  }
}
