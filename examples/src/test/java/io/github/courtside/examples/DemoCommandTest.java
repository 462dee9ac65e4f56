package io.github.courtside.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo command's choices of backend and coordination. */
class DemoCommandTest {

  @Test
  void anUnknownBackendIsAUsageErrorNamingTheAllowedValues() {
    Outcome outcome = run("demo", "--backend", "nosuch");

    assertEquals(2, outcome.exitCode(), outcome.err());
    assertTrue(
        outcome.err().contains("--backend") && outcome.err().contains("duckdb, bigquery"),
        outcome.err());
    assertTrue(outcome.err().contains("'nosuch'"), outcome.err());
  }

  @Test
  void anUnknownCoordinationIsAUsageErrorNamingTheAllowedValues() {
    Outcome outcome = run("demo", "--coordination", "zookeeper");

    assertEquals(2, outcome.exitCode(), outcome.err());
    assertTrue(outcome.err().contains("embedded, firestore"), outcome.err());
  }

  @Test
  void aBigQueryHostNeedsTheBigQueryBackend() {
    Outcome outcome = run("demo", "--bigquery-host", "http://127.0.0.1:9050");

    assertEquals(2, outcome.exitCode(), outcome.err());
    assertTrue(outcome.err().contains("--backend bigquery"), outcome.err());
  }

  @Test
  void firestoreWithoutEmulatorOrProjectIsAUsageErrorSayingWhatIsMissing(@TempDir Path folder) {
    assumeTrue(
        System.getenv("FIRESTORE_EMULATOR_HOST") == null
            && System.getenv("GOOGLE_CLOUD_PROJECT") == null);

    Outcome outcome = run("demo", "--coordination", "firestore", "--dir", folder.toString());

    assertEquals(2, outcome.exitCode(), outcome.err());
    assertTrue(outcome.err().contains("FIRESTORE_EMULATOR_HOST"), outcome.err());
  }

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CourtsideCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }

  private record Outcome(int exitCode, String out, String err) {}
}
