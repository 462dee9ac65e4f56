package io.github.courtside.core.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded error or soft issue of a section.
 *
 * <pre>{@code
 * for (SectionProblem p : summary.section("stat_line_parsing").orElseThrow().samples()) {
 *   log.warn("{} {}: {} at {}", p.kind(), p.type(), p.message(), p.context());
 * }
 * }</pre>
 *
 * @param section the section it belongs to
 * @param kind error or soft issue
 * @param type a short machine-readable type: the exception's simple class name for caught
 *     exceptions, or an issue type such as {@code no_name_match}
 * @param message what was wrong, for people
 * @param context where it happened
 * @param at when it was recorded (from the tracker's clock)
 */
public record SectionProblem(
    String section,
    ProblemKind kind,
    String type,
    String message,
    ProblemContext context,
    Instant at) {
  /** Checks that nothing is null or blank. */
  public SectionProblem {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(at, "at");
    if (section.isBlank() || type.isBlank()) {
      throw new IllegalArgumentException("section and type must not be blank");
    }
  }
}
