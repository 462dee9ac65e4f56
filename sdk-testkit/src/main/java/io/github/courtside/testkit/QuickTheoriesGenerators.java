package io.github.courtside.testkit;

import java.util.Objects;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * Turns {@link Generator}s into QuickTheories {@link Gen}s.
 *
 * <p>Each value is drawn from two values QuickTheories itself draws: a seed and a size. When a
 * property fails, QuickTheories shrinks its draws; the size is drawn with a shrink point of {@code
 * 0}, so the failing case is re-drawn at smaller sizes — simpler leagues, shorter schedules, fewer
 * rows — and the report shows the simplest failing value found.
 *
 * <pre>{@code
 * qt().forAll(QuickTheoriesGenerators.gen(Leagues.seasons()))
 *     .checkAssert(season -> assertBoxScoresAddUp(season));
 * }</pre>
 */
public final class QuickTheoriesGenerators {
  private static final Constraint SIZE =
      Constraint.between(0, Generator.MAX_SIZE).withShrinkPoint(0);
  private static final Constraint SEED = Constraint.none().withShrinkPoint(0);

  private QuickTheoriesGenerators() {}

  /** A QuickTheories {@code Gen} drawing from {@code generator}. */
  public static <T> Gen<T> gen(Generator<T> generator) {
    Objects.requireNonNull(generator, "generator");
    return in -> {
      int size = (int) in.next(SIZE);
      long seed = in.next(SEED);
      return generator.generate(new SplittableRandom(seed), size);
    };
  }
}
