package io.github.courtside.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** A folder option checked before a command starts its work: created if absent, and writable. */
final class WritableFolder {
  private WritableFolder() {}

  /**
   * Creates the folder an option names if it is absent.
   *
   * @throws ParameterException when the path is an existing file
   * @throws CommandFailure when the folder cannot be created or written
   */
  static Path require(CommandLine commandLine, String option, Path folder) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new ParameterException(commandLine, option + " " + folder + " is a file, not a folder");
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new CommandFailure(
          option + " " + folder + ": cannot create the folder: " + ErrorLine.describe(e), e);
    }
    if (!Files.isWritable(folder)) {
      throw new CommandFailure(option + " " + folder + ": the folder is not writable");
    }
    return folder;
  }
}
