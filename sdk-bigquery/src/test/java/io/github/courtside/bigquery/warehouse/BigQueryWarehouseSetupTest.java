package io.github.courtside.bigquery.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BigQueryWarehouseSetupTest {
  private static final BigQueryOptions OPTIONS =
      BigQueryOptions.newBuilder()
          .setProjectId("nba-props")
          .setCredentials(NoCredentials.getInstance())
          .build();

  @Test
  void defaultsAreTheDocumentedOnes() {
    BigQueryWarehouseSetup setup =
        BigQueryWarehouse.builder().bigQueryOptions(OPTIONS).buildSetup();
    assertEquals(Duration.ofMinutes(10), setup.queryTimeout());
    assertEquals("courtside_", setup.jobIdPrefix());
    assertEquals(10_000, setup.pageSize());
    assertEquals(9L * 1024 * 1024, setup.maxAppendRequestBytes());
    assertTrue(setup.createMissingDatasets());
    assertTrue(setup.loadJobQuotaGuard().isEmpty());
  }

  @Test
  void theOptionsAreRequired() {
    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> BigQueryWarehouse.builder().buildSetup());
    assertTrue(missing.getMessage().contains("bigQueryOptions"), missing.getMessage());
  }

  @Test
  void writeSettingsAndASharedClientAreRefusedTogether() throws IOException {
    BigQueryWriteSettings settings =
        BigQueryWriteSettings.newBuilder()
            .setCredentialsProvider(NoCredentialsProvider.create())
            .build();
    try (var client = com.google.cloud.bigquery.storage.v1.BigQueryWriteClient.create(settings)) {
      IllegalArgumentException both =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  BigQueryWarehouse.builder()
                      .bigQueryOptions(OPTIONS)
                      .writeSettings(settings)
                      .writeClient(client)
                      .buildSetup());
      assertTrue(both.getMessage().contains("not both"), both.getMessage());
    }
  }

  @Test
  void outOfRangeSettingsAreRefusedNamingTheSetting() {
    assertRefused("job id prefix 'bad prefix!'", b -> b.jobIdPrefix("bad prefix!"));
    assertRefused("query timeout must be positive", b -> b.queryTimeout(Duration.ZERO));
    assertRefused("page size must be positive", b -> b.pageSize(0));
    assertRefused("append request size", b -> b.maxAppendRequestBytes(20_000_000));
    assertRefused("schema cache size", b -> b.schemaCacheSize(0));
  }

  private static void assertRefused(
      String message, java.util.function.Consumer<BigQueryWarehouseSetup.Builder> setting) {
    BigQueryWarehouseSetup.Builder builder = BigQueryWarehouse.builder().bigQueryOptions(OPTIONS);
    setting.accept(builder);
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, builder::buildSetup);
    assertTrue(refused.getMessage().contains(message), refused.getMessage());
  }
}
