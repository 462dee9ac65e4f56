package io.github.courtside.firestore.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.cloud.firestore.Firestore;
import io.github.courtside.core.completion.BatchId;
import io.github.courtside.core.completion.Completion;
import io.github.courtside.core.completion.CompletionTracker;
import io.github.courtside.core.completion.CompletionTrackerConfig;
import io.github.courtside.core.completion.RecordOutcome;
import io.github.courtside.core.coordination.Document;
import io.github.courtside.core.coordination.DocumentQuery;
import io.github.courtside.core.lock.Lease;
import io.github.courtside.core.lock.LeaseLock;
import io.github.courtside.core.lock.LeaseLockConfig;
import io.github.courtside.core.testkit.FaultInjectingCoordinationStore;
import io.github.courtside.core.testkit.ManualClock;
import io.github.courtside.firestore.FirestoreSettings;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Firestore store on the wire, against the emulator named by {@code FIRESTORE_EMULATOR_HOST}:
 * ambiguous creates (the commit lands, then the call fails or outlasts the store's timeout) with
 * nanosecond timestamps, and the round trips each store call costs, counted on the client's real
 * gRPC transport.
 */
class FirestoreCoordinationStoreWireTest {
  private static @Nullable Firestore client;
  private static RecordingFirestoreRpc rpc;
  private static FirestoreCoordinationStore store;

  /** The JDK 17 clock gives sub-microsecond digits; Firestore keeps microseconds. */
  private static final Instant NANOS = Instant.parse("2024-04-10T19:30:00.123456789Z");

  private String root = "";

  @BeforeAll
  static void connect() {
    String host = System.getenv(FirestoreSettings.EMULATOR_HOST_VARIABLE);
    assumeTrue(
        host != null && !host.isBlank(),
        "FIRESTORE_EMULATOR_HOST is not set: skipping the Firestore wire tests (.ci/run starts"
            + " an emulator)");
    RecordingFirestoreRpc.Factory factory = RecordingFirestoreRpc.factory();
    client =
        FirestoreSettings.fromEnvironment(
                "demo-courtside", Map.of(FirestoreSettings.EMULATOR_HOST_VARIABLE, host))
            .toOptions()
            .toBuilder()
            .setServiceRpcFactory(factory)
            .build()
            .getService();
    store = FirestoreCoordinationStore.using(client, Duration.ofSeconds(30));
    rpc = factory.rpc();
  }

  @AfterAll
  static void disconnect() throws Exception {
    if (client != null) {
      client.close();
    }
  }

  @BeforeEach
  void freshRoot() {
    root = "wire/" + UUID.randomUUID().toString().substring(0, 12);
    rpc.failCommitsAfterTheyLand(0, Status.Code.OK);
    rpc.delayCommitsAfterTheyLand(0, Duration.ZERO);
    rpc.resetCounts();
  }

  private String path(String rest) {
    return root + "/" + rest;
  }

  private static Document lockDocument(String path) {
    return Document.of(
        path,
        Map.of(
            "owner",
            "w-1",
            "acquired_at",
            NANOS,
            "expires_at",
            NANOS.plusSeconds(300),
            "nested",
            Map.of("at", NANOS.plusNanos(1))));
  }

  @ParameterizedTest
  @EnumSource(
      value = Status.Code.class,
      names = {"UNAVAILABLE", "DEADLINE_EXCEEDED", "ABORTED", "INTERNAL"})
  void aCreateThatLandsAndThenFailsIsThisCallsEvenWithNanosecondInstants(Status.Code failure) {
    Document written = lockDocument(path("locks/l1/tokens/00000000000000000001"));
    rpc.failCommitsAfterTheyLand(1, failure);

    assertTrue(store.createIfAbsent(written), "the landed create is this call's");

    assertEquals(written.truncatedToMicros(), store.get(written.path()).orElseThrow());
    assertFalse(
        store.createIfAbsent(lockDocument(written.path())),
        "a later create by another call still loses");
  }

  @Test
  void aCreateThatLandsButAnswersAfterTheStoresOwnTimeoutIsThisCalls() {
    FirestoreCoordinationStore impatient =
        FirestoreCoordinationStore.using(client(), Duration.ofSeconds(1));
    Document written = lockDocument(path("locks/l2/tokens/00000000000000000001"));
    rpc.delayCommitsAfterTheyLand(1, Duration.ofMillis(2_500));

    assertTrue(impatient.createIfAbsent(written), "timed out, but landed: this call's");
    assertEquals(written.truncatedToMicros(), impatient.get(written.path()).orElseThrow());
  }

  @Test
  void anotherWritersDocumentWithTheSameFieldsIsNotThisCallsAfterAnAmbiguousFailure() {
    // microsecond instants, so that the stored fields equal the written ones exactly
    Document first = lockDocument(path("locks/l3/tokens/00000000000000000001")).truncatedToMicros();
    assertTrue(store.createIfAbsent(first));
    // a second contender writes exactly the same fields; its commit meets ALREADY_EXISTS, but
    // the answer is lost and replaced by UNAVAILABLE
    rpc.failCommitsAfterTheyLand(1, Status.Code.UNAVAILABLE);

    assertFalse(store.createIfAbsent(first), "someone else's document");
  }

  @Test
  void eachStoreCallIsOneRoundTripOnTheHappyPath() {
    String done = path("batches/b1/done");
    rpc.resetCounts();
    assertTrue(store.createIfAbsent(Document.of(done + "/p1", Map.of("at", NANOS, "rows", 3L))));
    assertEquals(Map.of("Commit", 1L), rpc.calls(), "create");

    rpc.resetCounts();
    assertEquals(1, store.count(done, ""));
    assertEquals(Map.of("RunAggregationQuery", 1L), rpc.calls(), "count");

    rpc.resetCounts();
    assertTrue(store.get(path("batches/b1/closure/closed")).isEmpty());
    assertEquals(Map.of("BatchGetDocuments", 1L), rpc.calls(), "get of an absent document");

    rpc.resetCounts();
    assertTrue(store.get(done + "/p1").isPresent());
    assertEquals(Map.of("BatchGetDocuments", 1L), rpc.calls(), "get of a present document");

    rpc.resetCounts();
    assertEquals(
        1, store.query(DocumentQuery.in(done).orderByIdDescending().limit(1).build()).size());
    assertEquals(Map.of("RunQuery", 1L), rpc.calls(), "query");
  }

  @Test
  void orderAndLimitArePushedDownToFirestore() {
    String done = path("batches/b2/done");
    Instant t0 = Instant.parse("2024-04-10T18:00:00Z");
    for (int i = 0; i < 30; i++) {
      store.createIfAbsent(
          Document.of(
              done + "/p" + String.format("%02d", i), Map.of("recorded_at", t0.plusSeconds(i))));
    }
    store.createIfAbsent(Document.of(done + "/q-without-field", Map.of("rows", 1L)));

    rpc.resetCounts();
    List<Document> newest =
        store.query(DocumentQuery.in(done).orderBy("recorded_at", true).limit(1).build());
    assertEquals(List.of("p29"), newest.stream().map(Document::id).toList());
    assertEquals(1, rpc.queriedDocuments(), "documents sent by Firestore for a newest-by-field");

    rpc.resetCounts();
    List<Document> oldest =
        store.query(DocumentQuery.in(done).orderBy("recorded_at", false).limit(2).build());
    assertEquals(List.of("p00", "p01"), oldest.stream().map(Document::id).toList());
    assertEquals(2, rpc.queriedDocuments());

    rpc.resetCounts();
    List<Document> byId =
        store.query(DocumentQuery.in(done).idPrefix("p1").orderByIdDescending().limit(3).build());
    assertEquals(List.of("p19", "p18", "p17"), byId.stream().map(Document::id).toList());
    assertEquals(3, rpc.queriedDocuments());
    assertEquals(Map.of("RunQuery", 1L), rpc.calls());
  }

  @Test
  void aCompletionRecordAndALockAcquisitionCostOneRoundTripPerStoreCall() {
    AtomicLong storeCalls = new AtomicLong();
    FaultInjectingCoordinationStore counted = new FaultInjectingCoordinationStore(store);
    counted.setPlan(
        (operation, path) -> {
          storeCalls.incrementAndGet();
          return Optional.empty();
        });
    CompletionTracker tracker =
        new CompletionTracker(
            counted, CompletionTrackerConfig.builder().collection(path("completion")).build());
    BatchId batch = tracker.start("2024-04-10", List.of("p1", "p2", "p3"));
    tracker.record(batch, "p1", Completion.rows(3)); // reads the batch definition once

    storeCalls.set(0);
    rpc.resetCounts();
    tracker.record(batch, "p2", Completion.rows(3));
    assertTrue(storeCalls.get() > 0);
    assertEquals(storeCalls.get(), rpc.totalCalls(), "RPCs of one record: " + rpc.calls());

    try (LeaseLock lock =
        new LeaseLock(
            counted,
            LeaseLockConfig.builder()
                .collection(path("locks"))
                .owner("w-1")
                .lease(Duration.ofMinutes(5))
                .build())) {
      storeCalls.set(0);
      rpc.resetCounts();
      assertTrue(lock.tryAcquire("nightly").isPresent());
      assertEquals(storeCalls.get(), rpc.totalCalls(), "RPCs of one acquisition: " + rpc.calls());
    }
  }

  @Test
  void aCompletionRecordTakesTwoRoundTrips() {
    CompletionTracker tracker =
        new CompletionTracker(
            store, CompletionTrackerConfig.builder().collection(path("rounds")).build());
    BatchId batch = tracker.start("2024-04-10", List.of("p1", "p2", "p3"));
    tracker.record(batch, "p1", Completion.rows(3)); // reads the batch definition once
    // answers held 40 ms: requests sent together surely overlap
    rpc.holdAnswers(Duration.ofMillis(40));
    try {
      rpc.resetCounts();
      assertEquals(
          RecordOutcome.Status.RECORDED, tracker.record(batch, "p2", Completion.rows(3)).status());
      assertEquals(2, rpc.rounds(), "round trips of a new item's record: " + rpc.calls());
      rpc.resetCounts();
      assertEquals(
          RecordOutcome.Status.DUPLICATE, tracker.record(batch, "p2", Completion.rows(3)).status());
      // ALREADY_EXISTS is followed by a read of the write id (the client may have resent a
      // create that landed): a redelivery costs one round trip more
      assertEquals(3, rpc.rounds(), "round trips of a redelivery: " + rpc.calls());
    } finally {
      rpc.holdAnswers(Duration.ZERO);
    }
  }

  @Test
  void aLockAcquisitionTakesAtMostTwoRoundTrips() {
    ManualClock clock = new ManualClock();
    LeaseLockConfig.Builder config =
        LeaseLockConfig.builder()
            .collection(path("locks"))
            .lease(Duration.ofMinutes(5))
            .clock(clock)
            .renewInBackground(false);
    try (LeaseLock first = new LeaseLock(store, config.owner("w-1").build());
        LeaseLock second = new LeaseLock(store, config.owner("w-2").build())) {
      rpc.holdAnswers(Duration.ofMillis(40));
      try {
        rpc.resetCounts();
        Lease fresh = first.tryAcquire("nightly").orElseThrow();
        assertEquals(2, rpc.rounds(), "round trips of a fresh lock's acquisition: " + rpc.calls());

        rpc.resetCounts();
        assertTrue(second.tryAcquire("nightly").isEmpty(), "held");
        assertEquals(1, rpc.rounds(), "round trips of a refusal: " + rpc.calls());

        rpc.resetCounts();
        first.renew(fresh);
        assertEquals(2, rpc.rounds(), "round trips of a renewal: " + rpc.calls());

        // the renewed lease runs out unreleased: a takeover reads the renewal, then creates
        clock.advance(Duration.ofMinutes(6));
        rpc.resetCounts();
        Lease takenOver = second.tryAcquire("nightly").orElseThrow();
        assertEquals(2, takenOver.token().value());
        assertEquals(2, rpc.rounds(), "round trips of a takeover: " + rpc.calls());

        rpc.resetCounts();
        takenOver.close();
        assertEquals(2, rpc.rounds(), "round trips of a release: " + rpc.calls());

        rpc.resetCounts();
        assertEquals(41, first.tryAcquire("nightly", 40).orElseThrow().token().value());
        assertEquals(2, rpc.rounds(), "round trips after a release, above a floor: " + rpc.calls());
      } finally {
        rpc.holdAnswers(Duration.ZERO);
      }
    }
  }

  private static Firestore client() {
    if (client == null) {
      throw new IllegalStateException("not connected");
    }
    return client;
  }
}
