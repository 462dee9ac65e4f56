package io.github.courtside.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code courtside} command line, launched by {@code bin/courtside}.
 *
 * <pre>{@code
 * bin/courtside --version
 * bin/courtside help
 * }</pre>
 *
 * <p>Every error is one line {@code courtside: COMMAND: what is wrong} on standard error with exit
 * code 2 (usage) or 1 (failure); {@code --verbose} adds the stack trace.
 */
@Command(
    name = "courtside",
    mixinStandardHelpOptions = true,
    versionProvider = CourtsideCli.Version.class,
    description =
        "Courtside SDK: NBA player-prop prediction pipelines, embedded or on Google Cloud.",
    subcommands = {
      CommandLine.HelpCommand.class,
      BigQueryLocalCommand.class,
      DemoCommand.class,
      GradeCommand.class,
      ParseGamebookCommand.class,
      ParseInjuryReportCommand.class,
      PredictCommand.class,
      ReportCommand.class,
    },
    footer = {
      "%nExamples:",
      "  courtside demo",
      "  courtside demo --teams 8 --games 16 --graded-dates 4",
      "  courtside help predict",
      "%nErrors are one line on stderr (exit 2: usage, 1: failure); --verbose adds the stack trace."
    })
public final class CourtsideCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print the stack trace after an error's one-line message.")
  boolean verbose;

  /** Runs the CLI and exits with its exit code. */
  public static void main(String[] args) {
    // UTF-8 whatever the platform charset, so accented player names print intact.
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err));
  }

  /** Runs the CLI with the given output streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new CourtsideCli());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine
        .getSubcommands()
        .values()
        .forEach(command -> command.getCommandSpec().versionProvider(new Version()));
    ErrorLine errors = new ErrorLine(ErrorLine.verbose(args));
    commandLine.setParameterExceptionHandler(errors);
    commandLine.setExecutionExceptionHandler(errors);
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The SDK version, from the build. */
  public static String version() {
    Properties properties = new Properties();
    try (InputStream in = CourtsideCli.class.getResourceAsStream("/courtside-version.properties")) {
      if (in != null) {
        properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the version resource", e);
    }
    return properties.getProperty("version", "unknown");
  }

  /** Supplies {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"courtside " + version()};
    }
  }
}
