package io.github.courtside.core.batch;

import java.time.Instant;
import java.util.Optional;

/**
 * What may hold a {@link BatchWriter}'s requests back while its sink is known to be down: a circuit
 * breaker, typically {@code io.github.courtside.core.breaker.Breaker}, which implements this. While
 * {@link #tryAcquire()} refuses, the writer pauses: the batch stays pending and no retry attempt is
 * spent; it asks again at {@link #openUntil()} (or after its backoff) and sends once a call is let
 * through (half-open). Each permitted request is reported with {@link #onSuccess()} or {@link
 * #onFailure(Throwable)}.
 *
 * <pre>{@code
 * Breaker breaker = breakers.breaker("bigquery:nba_processing.analytics_data_issues");
 * BatchWriter writer = BatchWriter.builder(sink).breaker(breaker).deadLetterFolder(dir).build();
 * }</pre>
 */
public interface RequestGate {
  /** Whether a request may go now; when true, its outcome must be reported. */
  boolean tryAcquire();

  /** Reports that a permitted request reached the sink (row failures included). */
  void onSuccess();

  /** Reports that a permitted request failed as a whole. */
  void onFailure(Throwable error);

  /** While requests are refused, when they may be let through again, if known. */
  Optional<Instant> openUntil();
}
