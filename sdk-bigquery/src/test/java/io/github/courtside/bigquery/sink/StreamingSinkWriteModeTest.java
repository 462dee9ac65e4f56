package io.github.courtside.bigquery.sink;

import static io.github.courtside.bigquery.sink.SinkFixtures.ACCURACY;
import static io.github.courtside.bigquery.sink.SinkFixtures.ISSUES;
import static io.github.courtside.bigquery.sink.SinkFixtures.MODES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import io.github.courtside.core.batch.Delivery;
import io.github.courtside.core.batch.WriteModePolicy;
import io.github.courtside.core.warehouse.TableId;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Both streaming sinks refuse MUTABLE tables when they are built, before any request. */
class StreamingSinkWriteModeTest {
  private static final BigQuery OFFLINE =
      BigQueryOptions.newBuilder()
          .setProjectId("courtside-test")
          .setCredentials(NoCredentials.getInstance())
          .build()
          .getService();

  private static BigQueryWriteSettings offlineWriteSettings() throws IOException {
    // a loopback endpoint nothing listens on: the sinks must not connect before their first write
    return BigQueryWriteSettings.newBuilder()
        .setCredentialsProvider(NoCredentialsProvider.create())
        .setTransportChannelProvider(
            InstantiatingGrpcChannelProvider.newBuilder()
                .setEndpoint("127.0.0.1:9")
                .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
                .build())
        .build();
  }

  private static void assertNamesTheTableAndTheWayOut(StreamingIntoMutableTableException e) {
    assertEquals(ACCURACY, e.table());
    assertTrue(e.getMessage().contains("nba_predictions.prediction_accuracy"), e.getMessage());
    assertTrue(e.getMessage().contains("MUTABLE"), e.getMessage());
    assertTrue(e.getMessage().contains("replacePartition"), e.getMessage());
  }

  @Test
  void storageWriteSinkRefusesAMutableTable() throws IOException {
    BigQueryWriteSettings settings = offlineWriteSettings();
    StreamingIntoMutableTableException e =
        assertThrows(
            StreamingIntoMutableTableException.class,
            () ->
                StorageWriteSink.builder(settings)
                    .project("courtside-test")
                    .table(ACCURACY)
                    .guarantee(DeliveryGuarantee.EXACTLY_ONCE)
                    .writeModes(MODES)
                    .build());
    assertNamesTheTableAndTheWayOut(e);
  }

  @Test
  void insertAllSinkRefusesAMutableTable() {
    StreamingIntoMutableTableException e =
        assertThrows(
            StreamingIntoMutableTableException.class,
            () -> InsertAllSink.builder(OFFLINE).table(ACCURACY).writeModes(MODES).build());
    assertNamesTheTableAndTheWayOut(e);
  }

  @Test
  void aTableNotDeclaredIsTreatedAsMutable() {
    TableId undeclared = TableId.of("nba_processing", "run_history");
    StreamingIntoMutableTableException e =
        assertThrows(
            StreamingIntoMutableTableException.class,
            () -> InsertAllSink.builder(OFFLINE).table(undeclared).build());
    assertEquals(undeclared, e.table());
    assertTrue(e.getMessage().contains("APPEND_ONLY"), e.getMessage());
  }

  @Test
  void anAppendOnlyTableIsAccepted() throws IOException {
    InsertAllSink insertAll =
        InsertAllSink.builder(OFFLINE).table(ISSUES).writeModes(MODES).build();
    assertEquals(Delivery.STREAMING, insertAll.delivery());
    try (StorageWriteSink storageWrite =
        StorageWriteSink.builder(offlineWriteSettings())
            .project("courtside-test")
            .table(ISSUES)
            .writeModes(MODES)
            .build()) {
      assertEquals(Delivery.STREAMING, storageWrite.delivery());
      assertEquals(
          "projects/courtside-test/datasets/courtside_sinks/tables/quality_issues",
          storageWrite.tableName());
    }
    assertTrue(WriteModePolicy.loadOnly().allows(ISSUES, Delivery.LOAD));
  }
}
