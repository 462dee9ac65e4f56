package io.github.courtside.core.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SectionErrorTrackerTest {
  private static final Instant NOW = Instant.parse("2024-04-11T02:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final List<String> SECTIONS = List.of("game_metadata", "stat_line_parsing");

  private final SectionErrorTracker tracker =
      SectionErrorTracker.create(
          "gamebook 20240410/MEMCLE",
          SECTIONS,
          SectionErrorTrackerConfig.builder().name("gamebook").clock(CLOCK).build());

  @Test
  void declaredSectionsAreListedAndCompleteWhenNothingWentWrong() {
    TrackingSummary summary = tracker.summary();
    assertEquals(SECTIONS, List.copyOf(summary.sections().keySet()));
    assertTrue(summary.complete());
    assertEquals(0, summary.totalErrors());
    assertEquals(List.of(), summary.incompleteSections());
  }

  @Test
  void aSectionBecomesIncompleteOnItsFifthErrorByDefault() {
    for (int i = 1; i <= 4; i++) {
      tracker.recordError("stat_line_parsing", new NumberFormatException("bad " + i), ctx(i));
      assertTrue(tracker.isComplete("stat_line_parsing"), "after " + i + " errors");
    }
    tracker.recordError("stat_line_parsing", new NumberFormatException("bad 5"), ctx(5));
    assertFalse(tracker.isComplete("stat_line_parsing"));
    assertFalse(tracker.isComplete());
    assertTrue(tracker.isComplete("game_metadata"));
    assertEquals(List.of("stat_line_parsing"), tracker.summary().incompleteSections());
  }

  @Test
  void softIssuesAreCountedButNeverMakeASectionIncomplete() {
    for (int i = 1; i <= 20; i++) {
      tracker.recordIssue("game_metadata", "attendance_missing", "no Attendance line", ctx(i));
    }
    assertEquals(20, tracker.issueCount("game_metadata"));
    assertEquals(0, tracker.errorCount("game_metadata"));
    assertTrue(tracker.isComplete());
  }

  @Test
  void perSectionThresholdsOverrideTheDefault() {
    SectionErrorTracker strict =
        SectionErrorTracker.create(
            "job",
            SECTIONS,
            SectionErrorTrackerConfig.builder().threshold("game_metadata", 1).build());
    strict.recordError("stat_line_parsing", "dropped_row", "row dropped", ProblemContext.none());
    assertTrue(strict.isComplete("stat_line_parsing"));
    strict.recordError("game_metadata", "dropped_row", "header unreadable", ProblemContext.none());
    assertFalse(strict.isComplete("game_metadata"));
    assertEquals(1, strict.summary().section("game_metadata").orElseThrow().threshold());
    assertEquals(5, strict.summary().section("stat_line_parsing").orElseThrow().threshold());
  }

  @Test
  void samplesKeepTheFirstProblemsWithTypeMessageAndContext() {
    for (int i = 1; i <= 8; i++) {
      tracker.recordError("stat_line_parsing", new IllegalStateException("e" + i), ctx(i));
    }
    SectionSummary section = tracker.summary().section("stat_line_parsing").orElseThrow();
    assertEquals(8, section.errorCount());
    assertEquals(5, section.errorSamples().size());
    SectionProblem first = section.errorSamples().get(0);
    assertEquals("IllegalStateException", first.type());
    assertEquals("e1", first.message());
    assertEquals(ProblemKind.ERROR, first.kind());
    assertEquals(OptionalInt.of(1), first.context().lineNumber());
    assertEquals("line 1", first.context().snippet().orElseThrow());
    assertEquals("MEM", first.context().attributes().get("team"));
    assertEquals(NOW, first.at());
    assertEquals("e5", section.errorSamples().get(4).message());
  }

  @Test
  void sectionsFirstUsedLaterAreAppendedInOrder() {
    tracker.recordIssue("zeta", "x", "x", ProblemContext.none());
    tracker.recordIssue("alpha", "x", "x", ProblemContext.none());
    assertEquals(
        List.of("game_metadata", "stat_line_parsing", "zeta", "alpha"),
        List.copyOf(tracker.summary().sections().keySet()));
  }

  @Test
  void theSummaryIsAnImmutableSnapshot() {
    TrackingSummary before = tracker.summary();
    tracker.recordError("game_metadata", "x", "x", ProblemContext.none());
    assertEquals(0, before.totalErrors());
    assertEquals(1, tracker.summary().totalErrors());
    assertThrows(UnsupportedOperationException.class, () -> before.sections().clear());
  }

  @Test
  void countersGoToTheMeterRegistryTaggedBySection() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SectionErrorTracker metered =
        SectionErrorTracker.create(
            "job",
            SECTIONS,
            SectionErrorTrackerConfig.builder()
                .name("gamebook")
                .defaultThreshold(2)
                .meterRegistry(registry)
                .build());
    metered.recordError("stat_line_parsing", "a", "a", ProblemContext.none());
    metered.recordError("stat_line_parsing", "a", "a", ProblemContext.none());
    metered.recordError("stat_line_parsing", "a", "a", ProblemContext.none());
    metered.recordIssue("game_metadata", "b", "b", ProblemContext.none());
    assertEquals(3.0, count(registry, MicrometerSectionMetrics.ERRORS, "stat_line_parsing"));
    assertEquals(1.0, count(registry, MicrometerSectionMetrics.ISSUES, "game_metadata"));
    assertEquals(1.0, count(registry, MicrometerSectionMetrics.INCOMPLETE, "stat_line_parsing"));
    assertEquals(
        "gamebook",
        registry.get(MicrometerSectionMetrics.ERRORS).counter().getId().getTag("tracker"));
  }

  @Test
  void logSummaryReturnsWhatItLogged() {
    tracker.recordError("game_metadata", "x", "x", ProblemContext.none());
    TrackingSummary logged = tracker.logSummary();
    assertEquals(tracker.summary(), logged);
  }

  @Test
  void concurrentRecordingLosesNothing() throws Exception {
    int threads = 8;
    int perThread = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    String section = "s" + (i % 3);
                    if ((i + id) % 2 == 0) {
                      tracker.recordError(section, "e", "e", ProblemContext.none());
                    } else {
                      tracker.recordIssue(section, "i", "i", ProblemContext.none());
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    TrackingSummary summary = tracker.summary();
    assertEquals(threads * perThread, summary.totalErrors() + summary.totalIssues());
    assertEquals(threads * perThread / 2, summary.totalErrors());
  }

  @Test
  void invalidConfigurationIsRejectedClearly() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> SectionErrorTrackerConfig.builder().threshold("dnp_extraction", 0).build());
    assertTrue(error.getMessage().contains("dnp_extraction"), error.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SectionErrorTrackerConfig.builder().maxSamples(-1).build());
    assertThrows(IllegalArgumentException.class, () -> ProblemContext.line(0, "x"));
  }

  @Test
  void longSnippetsAreCut() {
    ProblemContext context = ProblemContext.snippet("x".repeat(1000));
    assertEquals(ProblemContext.MAX_SNIPPET, context.snippet().orElseThrow().length());
  }

  private static ProblemContext ctx(int line) {
    return ProblemContext.line(line, "line " + line).with("team", "MEM");
  }

  private static double count(SimpleMeterRegistry registry, String name, String section) {
    return registry.get(name).tag("section", section).counter().count();
  }
}
