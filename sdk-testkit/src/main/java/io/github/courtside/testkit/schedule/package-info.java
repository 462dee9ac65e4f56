/**
 * Completion and lock event schedules with duplicates, reordering, pauses, clock moves and faults
 * before and after writes, and {@link io.github.courtside.testkit.schedule.ScheduleRunner}, which
 * drives a {@code CompletionTracker} or {@code LeaseLock}s through one against any {@code
 * CoordinationStore} and reports what happened and which invariant broke.
 *
 * <pre>{@code
 * CompletionSchedule schedule = Schedules.completions().sample(3L);
 * CompletionRun run = ScheduleRunner.run(new InMemoryCoordinationStore(), schedule);
 * assertEquals(List.of(), run.violations(), run.log());
 * }</pre>
 */
@NullMarked
package io.github.courtside.testkit.schedule;

import org.jspecify.annotations.NullMarked;
