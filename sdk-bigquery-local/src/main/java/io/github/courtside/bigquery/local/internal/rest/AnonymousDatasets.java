package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.Dataset;
import com.google.api.services.bigquery.model.DatasetReference;
import com.google.api.services.bigquery.model.TableReference;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where query results go when the job names no destination: one hidden dataset per project, named
 * like BigQuery's ({@code _} and a hash; datasets whose id starts with {@code _} are left out of
 * {@code datasets.list} unless {@code all=true}), one {@code anon...} table per job.
 */
final class AnonymousDatasets {
  private final LocalStorage storage;
  private final String location;

  AnonymousDatasets(LocalStorage storage, String location) {
    this.storage = storage;
    this.location = location;
  }

  static String datasetId(String project) {
    return "_" + hash(project).substring(0, 40);
  }

  /** The result table of a job (the dataset is created when missing, the table is not). */
  synchronized TableReference resultTable(String project, String jobId) {
    String datasetId = datasetId(project);
    if (storage.dataset(project, datasetId).isEmpty()) {
      try {
        storage.createDataset(
            project,
            new Dataset()
                .setDatasetReference(
                    new DatasetReference().setProjectId(project).setDatasetId(datasetId))
                .setLocation(location)
                .setDescription("Query results of the local server's jobs (hidden)"));
      } catch (ApiException e) {
        if (e.httpStatus() != 409) {
          throw e;
        }
      }
    }
    return new TableReference()
        .setProjectId(project)
        .setDatasetId(datasetId)
        .setTableId("anon" + hash(project + "/" + jobId).substring(0, 40));
  }

  private static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
