package io.github.courtside.scrapers.gamebook;

import io.github.courtside.testkit.league.Leagues;

/**
 * Random but internally consistent games (box-score identities hold), drawn at full size by the
 * testkit's {@link Leagues#games()}: accented names, curly apostrophes, suffixes, signed
 * plus/minus, overtimes, reasons with commas and, sometimes, tables long enough to run over a page.
 */
final class SyntheticGames {
  private SyntheticGames() {}

  static Gamebook game(long seed) {
    return Leagues.games().sample(seed);
  }
}
