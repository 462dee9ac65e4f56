package io.github.courtside.scrapers.injury;

import java.util.Locale;
import java.util.Optional;

/**
 * A player's "Current Status" on the injury report.
 *
 * <pre>{@code
 * InjuryStatus.fromLabel("Questionable");   // Optional[QUESTIONABLE]
 * }</pre>
 */
public enum InjuryStatus {
  OUT("Out"),
  QUESTIONABLE("Questionable"),
  DOUBTFUL("Doubtful"),
  PROBABLE("Probable"),
  AVAILABLE("Available");

  private final String label;

  InjuryStatus(String label) {
    this.label = label;
  }

  /** The status as printed, e.g. "Out". */
  public String label() {
    return label;
  }

  /** The status printed as {@code label} (case-insensitive). */
  public static Optional<InjuryStatus> fromLabel(String label) {
    for (InjuryStatus status : values()) {
      if (status.label.toLowerCase(Locale.ROOT).equals(label.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
