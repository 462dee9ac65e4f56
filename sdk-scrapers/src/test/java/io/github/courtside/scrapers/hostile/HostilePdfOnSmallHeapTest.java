package io.github.courtside.scrapers.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The hostile PDFs on the heap the issue names: a child JVM with {@code -Xmx512m} on this module's
 * test classpath runs {@link HostileHeapCheck}; every case must give FAILED or PARTIAL within the
 * time limit, with no error escaping.
 */
class HostilePdfOnSmallHeapTest {
  @Test
  void everyHostilePdfFailsOrIsPartialWithinTheBudgetOnA512MbHeap()
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx512m",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=off",
                    "-cp",
                    System.getProperty("java.class.path"),
                    HostileHeapCheck.class.getName()))
            .redirectErrorStream(true)
            .start();
    boolean finished = child.waitFor(120, TimeUnit.SECONDS);
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      child.destroyForcibly();
    }
    assertTrue(finished, "child JVM did not finish: " + output);
    assertEquals(0, child.exitValue(), output);
    assertTrue(output.contains("ok decompression-bomb"), output);
  }
}
