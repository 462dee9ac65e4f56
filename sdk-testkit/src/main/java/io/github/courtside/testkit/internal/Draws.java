package io.github.courtside.testkit.internal;

import io.github.courtside.testkit.Generator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Not API: draws the domain generators share (a count that grows with the size, an in-place
 * shuffle). Each consumes the random source exactly as the copies it replaces did, so the same seed
 * still gives the same values.
 */
public final class Draws {
  private Draws() {}

  /**
   * A count from 0 to {@code max} scaled by {@code size} (clamped to 0..{@link
   * Generator#MAX_SIZE}); 0 without drawing when the scaled bound is 0.
   */
  public static int scaled(SplittableRandom random, int max, int size) {
    int bound = (int) Math.round(max * (Math.max(0, Math.min(Generator.MAX_SIZE, size)) / 100.0));
    return bound == 0 ? 0 : random.nextInt(bound + 1);
  }

  /** Shuffles {@code values} in place (Fisher–Yates, from the last index down). */
  public static <T> void shuffle(List<T> values, SplittableRandom random) {
    for (int i = values.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swap = values.get(i);
      values.set(i, values.get(j));
      values.set(j, swap);
    }
  }
}
