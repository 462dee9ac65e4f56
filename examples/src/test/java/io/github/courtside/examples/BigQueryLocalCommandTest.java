package io.github.courtside.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.DatasetInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BigQueryLocalCommandTest {
  private static final Pattern REST = Pattern.compile("REST API: +(http://127\\.0\\.0\\.1:\\d+)");

  @Test
  void servesTheRestApiOnLoopbackUntilStopped() throws Exception {
    StringWriter out = new StringWriter();
    BigQueryLocalCommand command = new BigQueryLocalCommand();
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> line.execute("--port", "0", "--grpc-port", "0", "--project", "cli-test"));
    String endpoint = null;
    for (int i = 0; i < 600 && endpoint == null; i++) {
      Matcher matcher = REST.matcher(out.toString());
      if (matcher.find()) {
        endpoint = matcher.group(1);
      } else {
        Thread.sleep(50);
      }
    }
    assertNotNull(endpoint, out.toString());
    assertTrue(out.toString().contains("Storage Write API: 127.0.0.1:"), out.toString());
    BigQuery client =
        BigQueryOptions.newBuilder()
            .setProjectId("cli-test")
            .setHost(endpoint)
            .setCredentials(NoCredentials.getInstance())
            .build()
            .getService();
    client.create(DatasetInfo.of("nba"));
    assertEquals("nba", client.getDataset("nba").getDatasetId().getDataset());
    command.stop();
    assertEquals(0, exit.get(30, TimeUnit.SECONDS));
  }

  @Test
  void helpNamesTheOptions() {
    StringWriter out = new StringWriter();
    assertEquals(
        0,
        CourtsideCli.run(
            new String[] {"bigquery-local", "--help"},
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true)));
    assertTrue(out.toString().contains("--grpc-port"), out.toString());
    assertTrue(out.toString().contains("--data"), out.toString());
  }
}
