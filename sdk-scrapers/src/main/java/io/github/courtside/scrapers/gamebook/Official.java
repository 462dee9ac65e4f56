package io.github.courtside.scrapers.gamebook;

/**
 * A game official as the header lists them ("#24 Kevin Scott").
 *
 * <pre>{@code
 * new Official(24, "Kevin Scott");
 * }</pre>
 *
 * @param number the official's number
 * @param name the official's name as printed
 */
public record Official(int number, String name) {
  /** Checks the name is not blank and the number not negative. */
  public Official {
    if (number < 0 || name.isBlank()) {
      throw new IllegalArgumentException("bad official #" + number + " '" + name + "'");
    }
  }
}
