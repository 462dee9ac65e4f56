package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.ErrorProto;
import com.google.api.services.bigquery.model.JobConfigurationLoad;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import io.github.courtside.bigquery.local.internal.storage.WriteOrigin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Load jobs of uploaded newline-delimited JSON or CSV: the destination (a partition decorator is
 * allowed) is created from the job's schema when {@code CREATE_IF_NEEDED}, its schema evolved with
 * {@code ALLOW_FIELD_ADDITION} / {@code ALLOW_FIELD_RELAXATION} (or by a {@code WRITE_TRUNCATE} of
 * the whole table), bad records are skipped up to {@code maxBadRecords}, and the rows are written
 * in one transaction with the write disposition. Each job counts against the per-table daily quota.
 */
final class LoadJobs {
  private final LocalStorage storage;
  private final LoadJobQuota quota;
  private final Clock clock;
  private final TableWriter writer;

  LoadJobs(LocalStorage storage, LoadJobQuota quota, Clock clock) {
    this.storage = storage;
    this.quota = quota;
    this.clock = clock;
    this.writer = new TableWriter(storage);
  }

  /** Refuses what the local server cannot load, before the job is created. */
  static void checkFormat(JobConfigurationLoad load) {
    String format = JobScheduler.upper(load.getSourceFormat(), "CSV");
    if (!format.equals("NEWLINE_DELIMITED_JSON") && !format.equals("CSV")) {
      throw ApiException.notSupported(
          "load format " + format + " (NEWLINE_DELIMITED_JSON and CSV are supported)");
    }
    if (Boolean.TRUE.equals(load.getAutodetect())) {
      throw ApiException.notSupported("schema autodetection in load jobs (give a schema)");
    }
    if (load.getHivePartitioningOptions() != null) {
      throw ApiException.notSupported("hive partitioning options");
    }
  }

  void run(LocalJob job, byte[] data) {
    JobConfigurationLoad load = job.snapshot().getConfiguration().getLoad();
    TableReference destination = load.getDestinationTable();
    quota.acquire(destination);
    String write = JobScheduler.upper(load.getWriteDisposition(), "WRITE_APPEND");
    String create = JobScheduler.upper(load.getCreateDisposition(), "CREATE_IF_NEEDED");
    Table table =
        writer.ensure(
            destination,
            create,
            new Table()
                .setSchema(load.getSchema())
                .setTimePartitioning(load.getTimePartitioning())
                .setRangePartitioning(load.getRangePartitioning())
                .setClustering(load.getClustering()));
    table =
        evolve(table, load, write.equals("WRITE_TRUNCATE") && !Decorators.decorated(destination));
    List<TableFieldSchema> fields =
        table.getSchema() == null || table.getSchema().getFields() == null
            ? List.of()
            : table.getSchema().getFields();
    String format = JobScheduler.upper(load.getSourceFormat(), "CSV");
    boolean ignoreUnknown = Boolean.TRUE.equals(load.getIgnoreUnknownValues());
    LoadedRows rows =
        format.equals("CSV")
            ? LoadedRows.csv(data, fields, load)
            : LoadedRows.ndjson(data, fields, ignoreUnknown);
    int maxBad = load.getMaxBadRecords() == null ? 0 : load.getMaxBadRecords();
    if (rows.badRecords() > maxBad) {
      String kind = format.equals("CSV") ? "CSV" : "JSON";
      throw new JobScheduler.JobFailure(
          ApiException.invalid(
              "Error while reading data, error message: "
                  + kind
                  + " table encountered too many errors, giving up. Rows: "
                  + (rows.rows().size() + rows.badRecords())
                  + "; errors: "
                  + rows.badRecords()
                  + ". Please look into the errors[] collection for more details."),
          rows.errors().subList(0, Math.min(5, rows.errors().size())));
    }
    long written = writer.write(destination, write, WriteOrigin.LOAD, List.of(rows.rows()));
    List<ErrorProto> warnings = rows.errors();
    job.finish(
        j -> {
          j.getStatistics()
              .setLoad(
                  JobScheduler.loadStatistics(
                      1, data.length, written, rows.goodBytes(), rows.badRecords()));
          if (!warnings.isEmpty()) {
            j.getStatus().setErrors(warnings);
          }
        },
        clock.millis());
  }

  /** Adds the job schema's new fields, or relaxes modes, when the job allows it. */
  private Table evolve(Table table, JobConfigurationLoad load, boolean truncatesTable) {
    TableSchema given = load.getSchema();
    if (given == null || given.getFields() == null || table.getSchema() == null) {
      return table;
    }
    List<String> options =
        load.getSchemaUpdateOptions() == null ? List.of() : load.getSchemaUpdateOptions();
    boolean addition = truncatesTable || options.contains("ALLOW_FIELD_ADDITION");
    boolean relaxation = truncatesTable || options.contains("ALLOW_FIELD_RELAXATION");
    Map<String, TableFieldSchema> current = new LinkedHashMap<>();
    for (TableFieldSchema field : table.getSchema().getFields()) {
      current.put(
          field.getName().toLowerCase(Locale.ROOT),
          JsonCodec.parse(
              JsonCodec.write(field, false).getBytes(java.nio.charset.StandardCharsets.UTF_8),
              TableFieldSchema.class));
    }
    boolean changed = false;
    List<TableFieldSchema> added = new ArrayList<>();
    for (TableFieldSchema field : given.getFields()) {
      TableFieldSchema existing = current.get(field.getName().toLowerCase(Locale.ROOT));
      String name = TablesResource.name(Decorators.base(load.getDestinationTable()));
      if (existing == null) {
        if (!addition) {
          throw ApiException.invalid(
              "Provided Schema does not match Table "
                  + name
                  + ". Cannot add fields (field: "
                  + field.getName()
                  + ")");
        }
        added.add(field);
        changed = true;
      } else if ("REQUIRED".equals(existing.getMode())
          && !"REQUIRED".equals(field.getMode() == null ? "NULLABLE" : field.getMode())) {
        if (!relaxation) {
          throw ApiException.invalid(
              "Provided Schema does not match Table "
                  + name
                  + ". Field "
                  + field.getName()
                  + " has changed mode from REQUIRED to NULLABLE");
        }
        existing.setMode("NULLABLE");
        changed = true;
      }
    }
    if (!changed) {
      return table;
    }
    List<TableFieldSchema> fields = new ArrayList<>(current.values());
    fields.addAll(added);
    return storage.patchTable(
        table.getTableReference(), new Table().setSchema(new TableSchema().setFields(fields)));
  }
}
