package io.github.courtside.testkit.schedule;

import java.util.List;

/**
 * A batch of items and the events its completion goes through: every item recorded at least once,
 * in any order, with duplicates, pauses, stall checks, faults and failing consolidations.
 *
 * @param items the batch's expected items
 * @param steps the events, in order
 */
public record CompletionSchedule(List<String> items, List<CompletionStep> steps) {
  public CompletionSchedule {
    items = List.copyOf(items);
    steps = List.copyOf(steps);
    for (String item : items) {
      if (steps.stream()
          .noneMatch(s -> s.action() == CompletionStep.Action.RECORD && s.item().equals(item))) {
        throw new IllegalArgumentException("item " + item + " is never recorded");
      }
    }
  }
}
