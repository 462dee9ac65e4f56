package io.github.courtside.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
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
    Generator<Integer> drawnSize = (random, size) -> size;
    assertEquals(List.of(50, 25, 12, 6, 0), drawnSize.simpler(11L, 5), "the sizes redrawn at");
    assertEquals(List.of(0), drawnSize.simpler(11L, 1));

    List<List<Integer>> steps = LISTS.simpler(11L, 5);
    assertEquals(5, steps.size());
    assertEquals(steps, LISTS.simpler(11L, 5));
    int[] sizes = {50, 25, 12, 6, 0};
    for (int i = 0; i < steps.size(); i++) {
      assertEquals(LISTS.generate(new SplittableRandom(11L), sizes[i]), steps.get(i), "step " + i);
    }
    assertEquals(List.of(), steps.get(4));

    // the sizes in between matter: over many seeds, each step draws shorter lists than the last
    double[] meanLength = new double[5];
    double fullSizeMean = 0;
    for (long seed = 0; seed < 300; seed++) {
      fullSizeMean += LISTS.sample(seed).size() / 300.0;
      List<List<Integer>> simpler = LISTS.simpler(seed, 5);
      for (int i = 0; i < 5; i++) {
        meanLength[i] += simpler.get(i).size() / 300.0;
      }
    }
    for (int i = 1; i < 5; i++) {
      assertTrue(
          meanLength[i] < meanLength[i - 1],
          "mean length at step " + i + " " + Arrays.toString(meanLength));
    }
    assertTrue(
        meanLength[0] < fullSizeMean,
        "size 50 draws shorter lists than full size: " + meanLength[0] + " vs " + fullSizeMean);
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
