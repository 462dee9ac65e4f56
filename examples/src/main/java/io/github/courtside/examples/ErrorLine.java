package io.github.courtside.examples;

import io.github.courtside.core.CourtsideException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the command line reports an error: one line {@code courtside: COMMAND: what is wrong} on
 * standard error, exit code 2 for a usage error and 1 for a failure while running, and the stack
 * trace after that line only with {@code --verbose}.
 */
final class ErrorLine
    implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
  /** A {@code java.io.IOException: } that wrapping exceptions put in their messages. */
  private static final Pattern CLASS_NAME_PREFIX =
      Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

  private final boolean verbose;

  ErrorLine(boolean verbose) {
    this.verbose = verbose;
  }

  /** Whether the arguments ask for stack traces (before any {@code --} end of options). */
  static boolean verbose(String[] args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (arg.equals("--verbose")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    String help =
        commandLine.getParent() == null
            ? "courtside --help"
            : "courtside help " + commandLine.getCommandName();
    print(commandLine, prefix(commandLine) + usageMessage(ex) + " (see '" + help + "')", ex);
    return CommandLine.ExitCode.USAGE;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, ParseResult parseResult) {
    print(commandLine, prefix(commandLine) + describe(ex), ex);
    return CommandLine.ExitCode.SOFTWARE;
  }

  private void print(CommandLine commandLine, String line, Throwable ex) {
    PrintWriter err = commandLine.getErr();
    err.println(line);
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
  }

  private static String prefix(CommandLine commandLine) {
    return commandLine.getParent() == null
        ? "courtside: "
        : "courtside: " + commandLine.getCommandName() + ": ";
  }

  private static String usageMessage(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException unmatched
        && ex.getCommandLine().getParent() == null) {
      List<String> arguments = unmatched.getUnmatched();
      if (!arguments.isEmpty() && !arguments.get(0).startsWith("-")) {
        String command = arguments.get(0);
        String start = command.substring(0, Math.min(3, command.length()));
        List<String> suggestions =
            unmatched.getSuggestions().stream()
                .filter(name -> !start.isEmpty() && name.startsWith(start))
                .toList();
        return "unknown command '"
            + command
            + "'"
            + (suggestions.isEmpty() ? "" : ", did you mean " + String.join(" or ", suggestions))
            + "; commands: "
            + String.join(", ", ex.getCommandLine().getSubcommands().keySet());
      }
    }
    return oneLine(String.valueOf(ex.getMessage()));
  }

  /** What went wrong, in one line without exception class names. */
  static String describe(Throwable ex) {
    if (ex instanceof NoSuchFileException missing) {
      return "no such file or folder: " + missing.getFile();
    }
    if (ex instanceof AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    if (ex instanceof NotDirectoryException notFolder) {
      return "not a folder: " + notFolder.getFile();
    }
    if (ex instanceof FileAlreadyExistsException exists) {
      return "already exists and is not a folder: " + exists.getFile();
    }
    if (ex instanceof FileSystemException fileSystem) {
      String reason = fileSystem.getReason();
      return fileSystem.getFile()
          + (fileSystem.getOtherFile() == null ? "" : " -> " + fileSystem.getOtherFile())
          + ": "
          + (reason == null ? "cannot be used" : oneLine(reason));
    }
    Throwable cause = ex.getCause();
    if (ex instanceof UncheckedIOException && cause != null) {
      return describe(cause);
    }
    String message = ex.getMessage();
    if (cause != null && (message == null || message.equals(cause.toString()))) {
      return describe(cause);
    }
    if (message == null || message.isBlank()) {
      return "unexpected error (run with --verbose for the stack trace)";
    }
    String line = oneLine(message);
    if (ex instanceof CommandFailure
        || ex instanceof CourtsideException
        || ex instanceof IOException
        || ex instanceof IllegalArgumentException
        || ex instanceof IllegalStateException) {
      return line;
    }
    return line + " (run with --verbose for the stack trace)";
  }

  private static String oneLine(String message) {
    String line = message.strip().replaceAll("\\s*\\R\\s*", "; ");
    return CLASS_NAME_PREFIX.matcher(line).replaceAll("");
  }
}
