package io.github.courtside.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code help COMMAND} shows an example for every command, and {@code --version} the version. */
class CommandLineHelpTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CourtsideCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void everyCommandsHelpHasAnExampleOfThatCommand() {
    Set<String> commands = new CommandLine(new CourtsideCli()).getSubcommands().keySet();
    assertTrue(commands.containsAll(Set.of("demo", "predict", "parse-gamebook")), "" + commands);
    for (String command : commands) {
      if (command.equals("help")) {
        continue;
      }
      out.getBuffer().setLength(0);
      assertEquals(0, run("help", command), err.toString());
      String usage = out.toString();
      assertTrue(usage.contains("Usage: courtside " + command), usage);
      int examples = usage.indexOf("Examples:");
      assertTrue(examples > 0, "examples in the help of " + command + ":\n" + usage);
      assertTrue(
          usage.substring(examples).contains("  courtside " + command),
          "an example of " + command + ":\n" + usage);
    }
    assertEquals("", err.toString());
  }

  @Test
  void theTopLevelHelpListsCommandsAndVerbose() {
    assertEquals(0, run("help"));
    String usage = out.toString();
    assertTrue(usage.contains("--verbose"), usage);
    assertTrue(usage.contains("Examples:"), usage);
    assertTrue(usage.contains("parse-injury-report"), usage);
  }

  @Test
  void versionWorksAtTheTopAndOnEveryCommand() {
    assertEquals(0, run("--version"));
    assertEquals("courtside 0.1.0-SNAPSHOT", out.toString().strip());
    out.getBuffer().setLength(0);
    assertEquals(0, run("predict", "--version"));
    assertEquals("courtside 0.1.0-SNAPSHOT", out.toString().strip());
  }

  @Test
  void helpOfAnUnknownCommandIsOneLine() {
    assertEquals(2, run("help", "nosuch"));
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(err.toString().contains("nosuch"), err.toString());
  }
}
