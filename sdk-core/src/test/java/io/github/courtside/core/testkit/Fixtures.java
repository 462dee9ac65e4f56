package io.github.courtside.core.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Resolves the shared third-party test fixtures ({@code ../shared/fixtures} beside the project),
 * read in place, never copied into the repository.
 *
 * <p>The parent pom passes the folder as the system property {@value #PROPERTY}; the environment
 * variable {@code COURTSIDE_FIXTURES} overrides it. When the folder or a file is absent the calling
 * test is skipped with a message saying what was looked for.
 *
 * <pre>{@code
 * Path pdf = Fixtures.require("gamebook/20240410-MEMCLE.rendered.pdf");
 * }</pre>
 */
public final class Fixtures {
  /** System property naming the fixtures folder. */
  public static final String PROPERTY = "courtside.fixtures";

  private Fixtures() {}

  /** The fixtures folder; skips the calling test when it is absent. */
  public static Path root() {
    String configured = System.getenv("COURTSIDE_FIXTURES");
    if (configured == null || configured.isBlank()) {
      configured = System.getProperty(PROPERTY);
    }
    assumeTrue(
        configured != null && !configured.isBlank(),
        "shared fixtures not configured: set -D" + PROPERTY + " or COURTSIDE_FIXTURES");
    Path root = Paths.get(configured).toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(root), "shared fixtures folder absent: " + root);
    return root;
  }

  /** A file below the fixtures folder; skips the calling test when it is absent. */
  public static Path require(String relativePath) {
    Path file = root().resolve(relativePath).normalize();
    assumeTrue(Files.isRegularFile(file), "fixture absent: " + file);
    return file;
  }
}
