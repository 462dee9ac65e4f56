/**
 * Fan-out / fan-in completion tracking: a batch of expected items per scope key, idempotent
 * per-item completion records, exactly one "batch complete" winner, progress and stall detection;
 * written once on the {@link io.github.courtside.core.coordination.CoordinationStore} port.
 */
@NullMarked
package io.github.courtside.core.completion;

import org.jspecify.annotations.NullMarked;
