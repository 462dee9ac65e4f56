package io.github.courtside.examples;

/**
 * A command could not do its work for a reason the user can fix (a file that does not parse, an
 * input with no rows); the command line prints the message as its one error line and exits 1.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CommandFailure(String message) {
    super(message);
  }

  CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
