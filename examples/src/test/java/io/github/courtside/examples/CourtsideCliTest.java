package io.github.courtside.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CourtsideCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CourtsideCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void versionPrintsTheBuildVersion() {
    assertEquals(0, run("--version"));
    assertEquals("courtside 0.1.0-SNAPSHOT", out.toString().strip());
  }

  @Test
  void helpListsTheCommands() {
    assertEquals(0, run("help"));
    assertTrue(out.toString().contains("Usage: courtside"), out.toString());
    assertTrue(out.toString().contains("help"), out.toString());
  }

  @Test
  void unknownOptionsAreUsageErrors() {
    assertEquals(2, run("--bogus"));
    assertTrue(err.toString().contains("Unknown option: '--bogus'"), err.toString());
  }
}
