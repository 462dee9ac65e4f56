package io.github.courtside.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GeneratorTest {
  private static final Generator<List<Integer>> LISTS = Generator.ints(-50, 50).list(0, 20);

  @Test
  void theSameSeedGivesTheSameValuesAndAnotherSeedOthers() {
    assertEquals(LISTS.samples(7L, 200), LISTS.samples(7L, 200));
    assertNotEquals(LISTS.samples(7L, 200), LISTS.samples(8L, 200));
  }

  @Test
  void valuesStayInTheirBoundsAtEverySize() {
    SplittableRandom random = new SplittableRandom(1);
    for (int size = 0; size <= Generator.MAX_SIZE; size++) {
      for (int i = 0; i < 50; i++) {
        List<Integer> values = LISTS.generate(random, size);
        assertTrue(values.size() <= 20, () -> "length " + values.size());
        values.forEach(v -> assertTrue(v >= -50 && v <= 50, () -> "value " + v));
      }
    }
  }

  @Test
  void sizeZeroIsTheSimplestValueAndSizeBoundsComplexity() {
    assertEquals(List.of(), LISTS.generate(new SplittableRandom(3), 0));
    assertEquals(-50, Generator.ints(-50, 50).generate(new SplittableRandom(3), 0));
    int longestAtTen =
        Generator.ints(0, 1000).list(0, 100).samples(5L, 1).stream()
            .mapToInt(List::size)
            .max()
            .orElseThrow();
    assertTrue(longestAtTen > 10, "full size reaches past size 10's bound");
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 500; i++) {
      assertTrue(Generator.ints(0, 1000).list(0, 100).generate(random, 10).size() <= 10);
    }
  }

  @Test
  void simplerRedrawsTheSeedAtHalvingSizesDownToTheSimplest() {
    List<List<Integer>> steps = LISTS.simpler(11L, 5);
    assertEquals(5, steps.size());
    assertEquals(List.of(), steps.get(4));
    assertEquals(steps, LISTS.simpler(11L, 5));
    for (int i = 1; i < steps.size(); i++) {
      assertTrue(steps.get(i).size() <= Math.max(1, steps.get(i - 1).size() + 1));
    }
  }

  @Test
  void filterGivesUpNamingTheCondition() {
    Generator<Integer> impossible = Generator.ints(0, 10).filter("above ten", v -> v > 10);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> impossible.sample(1L));
    assertTrue(e.getMessage().contains("above ten"), e.getMessage());
  }

  @Test
  void independentDrawsDoNotShiftWhenAnEarlierOneChanges() {
    Generator<Integer> oneDraw = (random, size) -> random.nextInt(1000);
    AtomicInteger calls = new AtomicInteger();
    Generator<Integer> tenDrawsForTheFirst =
        (random, size) -> {
          int draws = calls.getAndIncrement() == 0 ? 10 : 1;
          int last = 0;
          for (int i = 0; i < draws; i++) {
            last = random.nextInt(1000);
          }
          return last;
        };
    List<Integer> plain = Generator.independent(4, oneDraw).sample(9L);
    List<Integer> shifted = Generator.independent(4, tenDrawsForTheFirst).sample(9L);
    assertNotEquals(plain.get(0), shifted.get(0));
    assertEquals(plain.subList(1, 4), shifted.subList(1, 4));
  }

  @Test
  void quickTheoriesShrinksTowardTheSimplestFailingValue() {
    AssertionError failure =
        assertThrows(
            AssertionError.class,
            () ->
                qt().withFixedSeed(4L)
                    .withExamples(200)
                    .forAll(QuickTheoriesGenerators.gen(LISTS))
                    .check(values -> values.size() < 3));
    String message = failure.getMessage();
    String smallest =
        message
            .lines()
            .dropWhile(line -> !line.startsWith("Smallest found falsifying value"))
            .skip(1)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no smallest value in: " + message));
    List<Integer> values =
        java.util.Arrays.stream(smallest.replaceAll("[\\[\\] ]", "").split(","))
            .map(Integer::valueOf)
            .toList();
    assertEquals(3, values.size(), "shrunk to the shortest failing length: " + smallest);
    values.forEach(v -> assertTrue(v < -25, "shrunk toward the minimum: " + smallest));
  }
}
