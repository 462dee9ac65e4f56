package io.github.courtside.bigquery;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The real BigQuery the {@code *LiveIT} suites run against, only with {@code -Plive-gcp}: the
 * project named by the system property {@code courtside.gcp.project} (the profile passes {@code
 * GOOGLE_CLOUD_PROJECT}), with application default credentials. This is the one place the tests
 * read that switch; without a project or credentials each live suite is skipped with a message.
 *
 * <p>The suites write only to datasets they create: {@link #claim} skips the suite when one of its
 * datasets already exists (so nothing of the project's own is ever dropped), and {@link #drop}
 * deletes them with their contents.
 */
public final class LiveBigQuery {
  /** The system property naming the project; blank or absent means "no live run". */
  public static final String PROJECT_PROPERTY = "courtside.gcp.project";

  private static @Nullable GoogleCredentials credentials;

  private LiveBigQuery() {}

  /** The project; skips the calling test when none is configured. */
  public static String projectId() {
    String project = System.getProperty(PROJECT_PROPERTY, "").trim();
    if (project.startsWith("${")) {
      project = ""; // -Plive-gcp without GOOGLE_CLOUD_PROJECT: Maven leaves the expression as is
    }
    assumeTrue(
        !project.isEmpty(),
        "no Google Cloud project ("
            + PROJECT_PROPERTY
            + " / GOOGLE_CLOUD_PROJECT with -Plive-gcp):"
            + " skipping the live BigQuery suite");
    return project;
  }

  /** Client options for the project; skips when application default credentials are missing. */
  public static BigQueryOptions options() {
    return BigQueryOptions.newBuilder()
        .setProjectId(projectId())
        .setCredentials(credentials())
        .build();
  }

  /** Storage Write API settings with the same credentials. */
  public static BigQueryWriteSettings writeSettings() {
    try {
      return BigQueryWriteSettings.newBuilder()
          .setCredentialsProvider(FixedCredentialsProvider.create(credentials()))
          .setQuotaProjectId(projectId())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot configure the Storage Write API client", e);
    }
  }

  /**
   * Skips the suite when any of {@code datasets} exists already in the project: the suite creates
   * and deletes them, and must never touch data it did not write.
   */
  public static void claim(BigQuery client, List<String> datasets) {
    for (String dataset : datasets) {
      assumeTrue(
          client.getDataset(DatasetId.of(projectId(), dataset)) == null,
          "dataset "
              + projectId()
              + "."
              + dataset
              + " exists already: the live suite only writes to datasets it creates; skipping");
    }
  }

  /** Creates {@code dataset} when it does not exist. */
  public static void create(BigQuery client, String dataset) {
    DatasetId id = DatasetId.of(projectId(), dataset);
    if (client.getDataset(id) == null) {
      client.create(DatasetInfo.of(id));
    }
  }

  /** Deletes the datasets (claimed earlier) with everything in them. */
  public static void drop(BigQuery client, List<String> datasets) {
    for (String dataset : datasets) {
      client.delete(
          DatasetId.of(projectId(), dataset), BigQuery.DatasetDeleteOption.deleteContents());
    }
  }

  private static synchronized GoogleCredentials credentials() {
    if (credentials == null) {
      try {
        credentials = GoogleCredentials.getApplicationDefault();
      } catch (IOException e) {
        assumeTrue(
            false,
            "no application default credentials ("
                + e.getMessage()
                + "): run `gcloud auth application-default login`; skipping the live suite");
        throw new AssertionError("unreachable", e);
      }
    }
    return credentials;
  }
}
