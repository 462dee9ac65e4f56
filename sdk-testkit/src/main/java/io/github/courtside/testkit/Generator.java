package io.github.courtside.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Draws values of {@code T} from a seeded random source and a size, deterministically: the same
 * random state and size always give the same value.
 *
 * <p>The size, from {@code 0} to {@link #MAX_SIZE}, bounds how complex a value may be — list
 * lengths, numeric ranges, numbers of teams or rows. Size {@code 0} asks for the simplest value a
 * generator makes; {@link #simpler(long, int)} re-draws a seed's value at decreasing sizes, which
 * is how a failing case is reduced without a framework.
 *
 * <pre>{@code
 * Generator<List<Integer>> minutes = Generator.ints(0, 48).list(5, 13);
 * List<Integer> sample = minutes.sample(42L);            // same list for seed 42, every run
 * for (List<Integer> smaller : minutes.simpler(42L, 4)) { ... }
 * }</pre>
 *
 * @param <T> the type of value drawn
 */
@FunctionalInterface
public interface Generator<T> {
  /** The largest size; {@link #sample(long)} draws at this size. */
  int MAX_SIZE = 100;

  /**
   * Draws one value.
   *
   * @param random the source of randomness, advanced by the draw
   * @param size how complex the value may be, from {@code 0} (simplest) to {@link #MAX_SIZE}
   */
  T generate(SplittableRandom random, int size);

  /** The value for this seed at {@link #MAX_SIZE}. */
  default T sample(long seed) {
    return generate(new SplittableRandom(seed), MAX_SIZE);
  }

  /** {@code count} values from one random source seeded with {@code seed}, at {@link #MAX_SIZE}. */
  default List<T> samples(long seed, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<T> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(generate(random, MAX_SIZE));
    }
    return values;
  }

  /**
   * The value for {@code seed} re-drawn at {@code steps} sizes halving from {@link #MAX_SIZE} down
   * to {@code 0}, simplest last: the values to try when the value at full size fails a property.
   */
  default List<T> simpler(long seed, int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, was " + steps);
    }
    List<T> values = new ArrayList<>(steps);
    int size = MAX_SIZE;
    for (int i = 0; i < steps; i++) {
      size = i == steps - 1 ? 0 : size / 2;
      values.add(generate(new SplittableRandom(seed), size));
    }
    return values;
  }

  /** This generator with its values transformed by {@code mapper}. */
  default <R> Generator<R> map(Function<? super T, ? extends R> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return (random, size) -> mapper.apply(generate(random, size));
  }

  /** A generator whose next draw depends on this one's value. */
  default <R> Generator<R> flatMap(Function<? super T, ? extends Generator<R>> next) {
    Objects.requireNonNull(next, "next");
    return (random, size) -> next.apply(generate(random, size)).generate(random, size);
  }

  /** This generator combined with {@code other} through {@code combiner}. */
  default <U, R> Generator<R> zip(
      Generator<U> other, BiFunction<? super T, ? super U, ? extends R> combiner) {
    Objects.requireNonNull(other, "other");
    Objects.requireNonNull(combiner, "combiner");
    return (random, size) -> combiner.apply(generate(random, size), other.generate(random, size));
  }

  /**
   * Only the values that satisfy {@code condition}; gives up with {@link IllegalStateException}
   * after 1,000 consecutive rejections, naming {@code what}.
   */
  default Generator<T> filter(String what, Predicate<? super T> condition) {
    Objects.requireNonNull(condition, "condition");
    return (random, size) -> {
      for (int attempt = 0; attempt < 1_000; attempt++) {
        T value = generate(random, size);
        if (condition.test(value)) {
          return value;
        }
      }
      throw new IllegalStateException(
          "no value satisfying '" + what + "' in 1000 draws at size " + size);
    };
  }

  /**
   * Lists of this generator's values, of a length between {@code min} and {@code max}: the upper
   * bound scales with the size, so size {@code 0} gives lists of length {@code min}.
   */
  default Generator<List<T>> list(int min, int max) {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("list length range [" + min + ", " + max + "] is empty");
    }
    return (random, size) -> {
      int length = scaled(random, min, max, size);
      List<T> values = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        values.add(generate(random, size));
      }
      return List.copyOf(values);
    };
  }

  /** This generator drawn at {@code resize.apply(size)}, clamped to {@code [0, MAX_SIZE]}. */
  default Generator<T> resized(Function<Integer, Integer> resize) {
    Objects.requireNonNull(resize, "resize");
    return (random, size) -> generate(random, Math.max(0, Math.min(MAX_SIZE, resize.apply(size))));
  }

  /** Always {@code value}. */
  static <T> Generator<T> constant(T value) {
    Objects.requireNonNull(value, "value");
    return (random, size) -> value;
  }

  /**
   * Integers in {@code [min, max]}; the range above {@code min} scales with the size, so size
   * {@code 0} gives {@code min}.
   */
  static Generator<Integer> ints(int min, int max) {
    if (max < min) {
      throw new IllegalArgumentException("int range [" + min + ", " + max + "] is empty");
    }
    return (random, size) -> scaled(random, min, max, size);
  }

  /** Doubles in {@code [min, max)}, not scaled by size. */
  static Generator<Double> doubles(double min, double max) {
    if (!(max > min)) {
      throw new IllegalArgumentException("double range [" + min + ", " + max + ") is empty");
    }
    return (random, size) -> random.nextDouble(min, max);
  }

  /** {@code true} with probability {@code p}. */
  static Generator<Boolean> chance(double p) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
    }
    return (random, size) -> random.nextDouble() < p;
  }

  /** One of {@code values}, uniformly; size {@code 0} gives the first. */
  static <T> Generator<T> oneOf(List<? extends T> values) {
    List<? extends T> choices = List.copyOf(values);
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("oneOf needs at least one value");
    }
    return (random, size) -> choices.get(size == 0 ? 0 : random.nextInt(choices.size()));
  }

  /** One of {@code generators}, uniformly; size {@code 0} uses the first. */
  @SafeVarargs
  static <T> Generator<T> oneOf(Generator<? extends T>... generators) {
    List<Generator<? extends T>> choices = List.of(generators);
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("oneOf needs at least one generator");
    }
    return (random, size) ->
        choices.get(size == 0 ? 0 : random.nextInt(choices.size())).generate(random, size);
  }

  /**
   * An independent random source for each of {@code count} draws: the value at index {@code i} does
   * not change when draws before it change, which keeps large composite values stable as a suite
   * evolves.
   */
  static <T> Generator<List<T>> independent(int count, Generator<T> each) {
    Objects.requireNonNull(each, "each");
    return (random, size) -> {
      long base = random.nextLong();
      return IntStream.range(0, count)
          .mapToObj(i -> each.generate(new SplittableRandom(base + 0x9E3779B97F4A7C15L * i), size))
          .toList();
    };
  }

  private static int scaled(SplittableRandom random, int min, int max, int size) {
    long span = (long) max - min;
    long bound = Math.round(span * (Math.max(0, Math.min(MAX_SIZE, size)) / (double) MAX_SIZE));
    return (int) (min + (bound == 0 ? 0 : random.nextLong(bound + 1)));
  }
}
