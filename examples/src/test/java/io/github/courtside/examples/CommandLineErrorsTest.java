package io.github.courtside.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.core.testkit.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad invocations: one line on stderr naming what is wrong, a non-zero exit, no stack trace. */
class CommandLineErrorsTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CourtsideCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** Runs, and checks the exit code and that stderr is one line with every fragment in it. */
  private String fails(int exitCode, List<String> args, String... fragments) {
    int code = run(args.toArray(String[]::new));
    String errors = err.toString();
    assertEquals(exitCode, code, "exit code of " + args + "; stderr: " + errors);
    List<String> lines = errors.lines().toList();
    assertEquals(1, lines.size(), "one line on stderr for " + args + ", was:\n" + errors);
    String line = lines.get(0);
    assertTrue(line.startsWith("courtside: "), line);
    assertFalse(line.contains("Exception"), "no exception class names: " + line);
    assertFalse(line.contains("\tat "), line);
    for (String fragment : fragments) {
      assertTrue(line.contains(fragment), "'" + fragment + "' in: " + line);
    }
    return line;
  }

  private Path textFile(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String model() {
    return Fixtures.require("models/catboost_v9_exp_A1.cbm").toString();
  }

  @Test
  void anUnknownCommandIsNamedWithTheCommandsThereAre() {
    String line = fails(2, List.of("bogus"), "unknown command 'bogus'", "demo", "predict");
    assertFalse(line.contains("did you mean"), line);
  }

  @Test
  void aMisspelledCommandGetsASuggestion() {
    fails(2, List.of("predikt"), "'predikt'", "did you mean predict");
  }

  @Test
  void anEmptyStringCommandIsAUsageError() {
    fails(2, List.of(""), "unknown command ''");
  }

  @Test
  void anUnknownOptionIsNamed() {
    fails(2, List.of("--bogus"), "--bogus");
    err.getBuffer().setLength(0);
    fails(2, List.of("demo", "--tems", "8"), "courtside: demo: ", "--tems");
  }

  @Test
  void aBadOptionValueNamesTheOptionAndTheValue() {
    fails(2, List.of("demo", "--seed", "abc"), "--seed", "abc");
  }

  @Test
  void anOptionWithoutItsValueIsNamed() {
    fails(2, List.of("demo", "--seed"), "--seed");
  }

  @Test
  void anEnumOptionListsTheChoices() {
    fails(2, List.of("demo", "--backend", "oracle"), "--backend", "duckdb, bigquery", "oracle");
  }

  @Test
  void demoSettingsOutOfRangeAreUsageErrorsBeforeAnyWork() {
    fails(2, List.of("demo", "--teams", "7", "--dir", dir.toString()), "teams must be even", "7");
    err.getBuffer().setLength(0);
    fails(2, List.of("demo", "--workers", "0", "--dir", dir.toString()), "worker", "0");
    assertFalse(out.toString().contains("Courtside demo:"), "no work started: " + out);
  }

  @Test
  void aFileGivenWhereAFolderIsExpectedIsNamed() throws Exception {
    Path file = textFile("notes.txt", "not a folder");
    fails(2, List.of("demo", "--dir", file.toString()), "--dir", file.toString(), "not a folder");
  }

  @Test
  void aFolderThatCannotBeCreatedIsNamed() throws Exception {
    Path below = textFile("plain.txt", "x").resolve("out");
    fails(1, List.of("demo", "--dir", below.toString()), "--dir", below.toString());
    err.getBuffer().setLength(0);
    fails(1, List.of("bigquery-local", "--data", below.toString()), "--data", below.toString());
  }

  @Test
  void aPortOutOfRangeIsAUsageError() {
    fails(2, List.of("bigquery-local", "--port", "-1"), "--port", "-1");
    err.getBuffer().setLength(0);
    fails(2, List.of("bigquery-local", "--grpc-port", "70000"), "--grpc-port", "70000");
  }

  @Test
  void aMissingRequiredOptionIsNamed() {
    fails(2, List.of("predict", "--model", model()), "courtside: predict: ", "--features");
  }

  @Test
  void aMissingInputFileIsNamed() {
    String missing = dir.resolve("missing.json").toString();
    fails(1, List.of("predict", "--model", model(), "--features", missing), missing);
    err.getBuffer().setLength(0);
    String pdf = dir.resolve("missing.pdf").toString();
    fails(1, List.of("parse-gamebook", pdf), "courtside: parse-gamebook: ", pdf);
  }

  @Test
  void aFolderGivenWhereAFileIsExpectedIsNamed() {
    fails(1, List.of("predict", "--model", model(), "--features", dir.toString()), dir.toString());
    err.getBuffer().setLength(0);
    fails(1, List.of("parse-injury-report", dir.toString()), dir.toString());
  }

  @Test
  void aModelThatIsATextFileDoesNotLoadAndIsNamed() throws Exception {
    Path model = textFile("model.cbm", "this is not a model\n");
    Path features = textFile("vectors.json", "[{\"points_avg_last_5\": 12}]");
    fails(
        1,
        List.of("predict", "--model", model.toString(), "--features", features.toString()),
        "courtside: predict: ",
        model.toString());
  }

  @Test
  void aMissingModelIsNamed() throws Exception {
    Path features = textFile("vectors.json", "[{\"points_avg_last_5\": 12}]");
    String model = dir.resolve("nope.cbm").toString();
    fails(1, List.of("predict", "--model", model, "--features", features.toString()), model);
  }

  @Test
  void anEmptyModelPathIsAnError() throws Exception {
    Path features = textFile("vectors.json", "[{\"points_avg_last_5\": 12}]");
    fails(2, List.of("predict", "--model", "", "--features", features.toString()), "--model");
  }

  @Test
  void anEmptyInputSaysItIsEmpty() throws Exception {
    Path empty = textFile("empty.json", "");
    fails(
        1,
        List.of("predict", "--model", model(), "--features", empty.toString()),
        empty.toString(),
        "empty");
  }

  @Test
  void inputThatIsNotJsonIsNamed() throws Exception {
    Path text = textFile("vectors.json", "points,minutes\n12,30\n");
    fails(
        1,
        List.of("predict", "--model", model(), "--features", text.toString()),
        text.toString(),
        "not valid JSON");
  }

  @Test
  void aNonPdfFileGivenToTheParserIsNamed() throws Exception {
    Path text = textFile("gamebook.pdf", "plain text, not a PDF");
    fails(1, List.of("parse-gamebook", text.toString()), text.toString());
  }

  @Test
  void anEmptyPdfFileIsNamed() throws Exception {
    Path empty = textFile("empty.pdf", "");
    fails(1, List.of("parse-injury-report", empty.toString()), empty.toString());
  }

  @Test
  void anEmptyStringFileArgumentIsAnError() {
    fails(1, List.of("parse-gamebook", ""), "courtside: parse-gamebook: ");
  }

  @Test
  void anUnexpectedExceptionIsOneLineWithTheCommand() {
    ErrorLine errors = new ErrorLine(false);
    picocli.CommandLine commandLine = new picocli.CommandLine(new CourtsideCli());
    commandLine.setErr(new PrintWriter(err, true));
    int code =
        errors.handleExecutionException(
            new IllegalStateException(
                "wrapped", new RuntimeException(new java.io.IOException("disk full"))),
            commandLine.getSubcommands().get("demo"),
            null);
    assertEquals(1, code);
    assertEquals("courtside: demo: wrapped\n", err.toString().replace("\r", ""));
    assertEquals(
        "disk full",
        ErrorLine.describe(new RuntimeException(new java.io.IOException("disk full"))));
    assertEquals(
        "unexpected error (run with --verbose for the stack trace)",
        ErrorLine.describe(new NullPointerException()));
  }

  @Test
  void verbosePrintsTheStackTraceAfterTheLine() throws Exception {
    Path empty = textFile("empty.json", "");
    int code = run("--verbose", "predict", "--model", model(), "--features", empty.toString());
    assertEquals(1, code);
    List<String> lines = err.toString().lines().toList();
    assertTrue(lines.get(0).startsWith("courtside: predict: no features in"), lines.get(0));
    assertTrue(lines.size() > 2, err.toString());
    assertTrue(err.toString().contains("CommandFailure"), err.toString());
    assertTrue(err.toString().contains("\tat "), err.toString());
  }

  @Test
  void verboseAlsoWorksAfterTheCommandAndOnUsageErrors() {
    assertEquals(2, run("demo", "--seed", "abc", "--verbose"));
    assertTrue(err.toString().lines().count() > 2, err.toString());
    assertTrue(err.toString().contains("\tat "), err.toString());
  }
}
