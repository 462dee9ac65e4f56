package io.github.courtside.core.tracking;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Where a problem happened: an optional line number, an optional snippet of the input (cut to
 * {@value #MAX_SNIPPET} characters) and free-form attributes (team, category, ...).
 *
 * <pre>{@code
 * ProblemContext context = ProblemContext.line(12, "45 GG Jackson F 35:42 7 21").with("team", "MEM");
 * }</pre>
 */
public final class ProblemContext {
  /** Snippets longer than this are cut and end with an ellipsis. */
  public static final int MAX_SNIPPET = 200;

  private static final ProblemContext NONE = new ProblemContext(-1, null, Map.of());

  private final int lineNumber;
  private final @Nullable String snippet;
  private final Map<String, String> attributes;

  private ProblemContext(int lineNumber, @Nullable String snippet, Map<String, String> attributes) {
    this.lineNumber = lineNumber;
    this.snippet = snippet;
    this.attributes = attributes;
  }

  /** No context at all. */
  public static ProblemContext none() {
    return NONE;
  }

  /** A 1-based line number and the text of that line. */
  public static ProblemContext line(int lineNumber, String snippet) {
    if (lineNumber < 1) {
      throw new IllegalArgumentException("line numbers start at 1, got " + lineNumber);
    }
    return new ProblemContext(lineNumber, cut(snippet), Map.of());
  }

  /** A snippet of the input without a line number. */
  public static ProblemContext snippet(String snippet) {
    return new ProblemContext(-1, cut(snippet), Map.of());
  }

  /** This context with one more attribute (a later value for the same key wins). */
  public ProblemContext with(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(attributes);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new ProblemContext(lineNumber, snippet, java.util.Collections.unmodifiableMap(copy));
  }

  /** The 1-based line number, when known. */
  public OptionalInt lineNumber() {
    return lineNumber < 1 ? OptionalInt.empty() : OptionalInt.of(lineNumber);
  }

  /** The snippet of input, when known. */
  public Optional<String> snippet() {
    return Optional.ofNullable(snippet);
  }

  /** Extra attributes, in insertion order, unmodifiable. */
  public Map<String, String> attributes() {
    return attributes;
  }

  private static String cut(String snippet) {
    Objects.requireNonNull(snippet, "snippet");
    return snippet.length() <= MAX_SNIPPET ? snippet : snippet.substring(0, MAX_SNIPPET - 1) + "…";
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ProblemContext that
        && lineNumber == that.lineNumber
        && Objects.equals(snippet, that.snippet)
        && attributes.equals(that.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(lineNumber, snippet, attributes);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (lineNumber > 0) {
      text.append("line ").append(lineNumber);
    }
    if (snippet != null) {
      text.append(text.length() > 0 ? ": " : "").append('"').append(snippet).append('"');
    }
    if (!attributes.isEmpty()) {
      text.append(text.length() > 0 ? " " : "").append(attributes);
    }
    return text.toString();
  }
}
