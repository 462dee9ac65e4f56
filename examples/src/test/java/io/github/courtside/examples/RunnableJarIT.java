package io.github.courtside.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as {@code bin/courtside} runs it: built by {@code package}, checked by the
 * failsafe plugin in {@code integration-test}. It carries what its commands need — the native
 * libraries of the build platform, no test libraries, no sources — and its commands run from it
 * alone, native analyzers and all.
 */
class RunnableJarIT {
  private static final Pattern JOB_ID = Pattern.compile("\"jobId\": \"([^\"]+)\"");
  private static Path jar;
  private static List<String> entries;

  @BeforeAll
  static void openTheJar() throws IOException {
    jar = Path.of(System.getProperty("courtside.runnableJar", "target/missing-all.jar"));
    assertTrue(Files.isRegularFile(jar), "the runnable jar " + jar + " was not built");
    try (JarFile file = new JarFile(jar.toFile())) {
      entries = file.stream().map(ZipEntry::getName).toList();
    }
  }

  @Test
  void carriesNoTestLibrariesAndNoSources() {
    // junit-jupiter-api itself is in: LocalBigQuery, which the bigquery-local command and the
    // demo's in-process server run, is also a JUnit 5 extension. The engine and launcher are not.
    for (String forbidden :
        List.of(
            "org/junit/jupiter/engine/",
            "org/junit/platform/engine/",
            "org/junit/platform/launcher/",
            "org/quicktheories/",
            "com/tngtech/archunit/",
            "org/jsoup/",
            "org/openjdk/jmh/",
            "io/github/courtside/core/testkit/")) {
      assertFalse(
          entries.stream().anyMatch(e -> e.startsWith(forbidden)),
          () -> "the runnable jar carries " + forbidden);
    }
    List<String> sources = entries.stream().filter(e -> e.endsWith(".java")).limit(3).toList();
    assertEquals(List.of(), sources, "sources in the runnable jar");
  }

  @Test
  void carriesTheNativeLibrariesOfThisPlatformOnly() {
    assumeTrue(
        isLinuxX86() && System.getProperty("courtside.jar.allPlatforms") == null,
        "the platform filter is asserted on linux x86_64 builds");
    assertEquals(
        List.of("libduckdb_java.so_linux_amd64"), matching("libduckdb_java"), "DuckDB natives");
    assertEquals(
        List.of("linux-x86_64/lib/libcatboost4j-prediction.so"),
        matching("catboost4j-prediction."),
        "CatBoost natives");
    assertEquals(
        List.of("zetasql/local_service/liblocal_service_jni.so"),
        matching("liblocal_service_jni"),
        "ZetaSQL natives");
    assertEquals(List.of(), matching("META-INF/native/"), "gRPC/Conscrypt natives");
  }

  @Test
  void printsItsVersion() throws Exception {
    Run run = java("--version");
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().toLowerCase(Locale.ROOT).contains("courtside"), run.output());
  }

  @Test
  void runsTheDemoFromTheJarAlone(@TempDir Path folder) throws Exception {
    // DuckDB, CatBoost (the demo's model), PDFBox (its gamebooks) and XChart (its report) all load
    // from the shaded jar here.
    Run run =
        java(
            "demo",
            "--teams",
            "4",
            "--games",
            "12",
            "--graded-dates",
            "2",
            "--dir",
            folder.toString());
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("hit rate"), run.output());
    assertTrue(Files.isRegularFile(folder.resolve("report").resolve("index.html")), run.output());
  }

  @Test
  void servesBigQueryQueriesFromTheJarAlone() throws Exception {
    // ZetaSQL's native analyzer and DuckDB answer a jobs.query call of the REST API.
    Process server =
        new ProcessBuilder(javaCommand("bigquery-local", "--port", "0"))
            .redirectErrorStream(true)
            .start();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      String endpoint = null;
      StringBuilder seen = new StringBuilder();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        seen.append(line).append('\n');
        if (line.startsWith("BigQuery REST API:")) {
          endpoint = line.substring(line.indexOf(':') + 1).strip();
          break;
        }
      }
      assertNotNull(endpoint, "the server did not print its endpoint: " + seen);
      HttpClient http = HttpClient.newHttpClient();
      String queries = endpoint + "/bigquery/v2/projects/local-project/queries";
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(queries))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"query\": \"SELECT 40 + 2 AS answer\", \"useLegacySql\": false}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      // As a client does: a cold analyzer may not finish within jobs.query's wait; poll
      // jobs.getQueryResults until the job is complete.
      for (int poll = 0; poll < 12 && response.body().contains("\"jobComplete\": false"); poll++) {
        Matcher job = JOB_ID.matcher(response.body());
        assertTrue(job.find(), response.body());
        response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(queries + "/" + job.group(1) + "?timeoutMs=10000&location=US"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
      }
      assertEquals(200, response.statusCode(), response.body());
      assertTrue(response.body().contains("\"42\""), response.body());
    } finally {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void aBadOptionIsOneLineOnStderrFromTheJarToo() throws Exception {
    Run run = java("demo", "--teams", "many");
    assertEquals(2, run.exitCode(), run.output());
    assertEquals(1, run.output().strip().lines().count(), run.output());
  }

  private static List<String> matching(String fragment) {
    return entries.stream().filter(e -> e.contains(fragment) && !e.endsWith("/")).toList();
  }

  private static boolean isLinuxX86() {
    return System.getProperty("os.name").equals("Linux")
        && System.getProperty("os.arch").equals("amd64");
  }

  private static List<String> javaCommand(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(arguments));
    return command;
  }

  private static Run java(String... arguments) throws Exception {
    Process process = new ProcessBuilder(javaCommand(arguments)).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("java -jar " + String.join(" ", arguments) + " did not finish");
    }
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private record Run(int exitCode, String output) {}
}
