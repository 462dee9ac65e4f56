/**
 * Seeded, composable generators for property-based test suites of pipelines built on Courtside.
 *
 * <p>A {@link io.github.courtside.testkit.Generator} draws a value from a {@link
 * java.util.SplittableRandom} and a size: the same seed and size always give the same value, and a
 * smaller size gives a simpler one (fewer teams, shorter lists, smaller numbers). That size is the
 * shrinking story: a failing case is re-run at smaller sizes ({@link
 * io.github.courtside.testkit.Generator#simpler}), and the QuickTheories adapter ({@link
 * io.github.courtside.testkit.QuickTheoriesGenerators}) hands the size to QuickTheories as a drawn
 * value that it shrinks toward zero. The generators depend on no test framework.
 */
@NullMarked
package io.github.courtside.testkit;

import org.jspecify.annotations.NullMarked;
