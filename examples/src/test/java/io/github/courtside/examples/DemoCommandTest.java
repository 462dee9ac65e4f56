package io.github.courtside.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void theSameSeedPrintsTheSameSummaryAndWritesTheSameGradedRows(@TempDir Path folder)
      throws Exception {
    String[] small = {"--teams", "4", "--games", "12", "--graded-dates", "3", "--seed", "5"};
    Outcome first = run(demo(folder.resolve("one"), small));
    Outcome second = run(demo(folder.resolve("two"), small));

    assertEquals(0, first.exitCode(), first.err());
    assertEquals(0, second.exitCode(), second.err());
    List<String> summary = summary(first.out());
    assertEquals(9, summary.size(), first.out());
    assertEquals(summary, summary(second.out()));
    assertTrue(first.out().contains("hit rate"), first.out());
    assertTrue(first.out().contains("fallbacks"), first.out());
    Path index = folder.resolve("one").resolve("report").resolve("index.html");
    assertTrue(first.out().contains("report     " + index), first.out());
    assertTrue(Files.isRegularFile(index));
    assertEquals(
        Files.readString(folder.resolve("one").resolve("report").resolve("graded.csv")),
        Files.readString(folder.resolve("two").resolve("report").resolve("graded.csv")));
  }

  private static String[] demo(Path folder, String... options) {
    List<String> args = new ArrayList<>(List.of("demo", "--dir", folder.toString()));
    args.addAll(List.of(options));
    return args.toArray(String[]::new);
  }

  /** The numbered summary lines and their continuations, without timings and folders. */
  private static List<String> summary(String out) {
    return out.lines().filter(line -> line.matches("^(\\d\\. |   (gate|rerun) ).*")).toList();
  }

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CourtsideCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }

  private record Outcome(int exitCode, String out, String err) {}
}
