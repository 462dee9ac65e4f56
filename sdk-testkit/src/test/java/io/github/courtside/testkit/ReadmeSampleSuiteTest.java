package io.github.courtside.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's sample property-based suite is the test class that runs, character for character.
 */
class ReadmeSampleSuiteTest {
  private static final String BEGIN = "<!-- testkit-sample-suite:begin -->\n```java\n";
  private static final String END = "```\n<!-- testkit-sample-suite:end -->";

  @Test
  void theReadmeSampleSuiteIsTheTestClass() throws IOException {
    Path module = Path.of("").toAbsolutePath();
    String readme = Files.readString(module.resolve("../README.md"));
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    String snippet = readme.substring(begin + BEGIN.length(), end);
    String source =
        Files.readString(
            module.resolve("src/test/java/com/example/pipeline/PipelineProperties.java"));
    assertEquals(source, snippet, "copy PipelineProperties.java into the README's testkit section");
  }
}
