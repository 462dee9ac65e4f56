/**
 * Generators of player histories and feature requests for point-in-time properties, and {@link
 * io.github.courtside.testkit.history.Poison}, which plants values unknown at tip-off in every
 * field the feature extractor reads.
 *
 * <pre>{@code
 * PointInTimeScenario scenario = PlayerHistories.scenarios().sample(7L);
 * FeatureExtractor leaky = FeatureExtractor.builder(scenario.poisonedHistory())
 *     .seasonCalendar(scenario.calendar()).build();
 * List<FeatureVector> fromPoison = leaky.extractAll(scenario.poisonedSlate());
 * // each equals the vector extracted from scenario.cleanHistory(request) for the clean request
 * }</pre>
 */
@NullMarked
package io.github.courtside.testkit.history;

import org.jspecify.annotations.NullMarked;
