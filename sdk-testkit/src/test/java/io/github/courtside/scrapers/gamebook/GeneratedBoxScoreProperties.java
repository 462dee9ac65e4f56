package io.github.courtside.scrapers.gamebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.models.history.PlayerGame;
import io.github.courtside.testkit.Generator;
import io.github.courtside.testkit.league.Leagues;
import io.github.courtside.testkit.league.Season;
import io.github.courtside.testkit.league.SeasonGame;
import io.github.courtside.testkit.league.StatCorrection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The testkit's games and seasons satisfy every box-score identity, checked by the parser's own
 * {@link BoxScoreValidator} (not by the generator's arithmetic), over thousands of games at every
 * size, and their late corrections keep the identities while changing two players' lines.
 */
class GeneratedBoxScoreProperties {

  /** The validator's verdict; also requires that every rule was checked for both teams. */
  static void assertIdentitiesHold(Gamebook g, String context) {
    List<BoxScoreCheck> checks =
        BoxScoreValidator.check(g.activePlayers(), g.teamTotals(), g.periodScores());
    assertEquals(10, checks.size(), context + " " + checks);
    for (BoxScoreCheck check : checks) {
      assertTrue(check.passed(), context + " " + check);
    }
  }

  /** Identities real box scores have that the validator does not check. */
  static void assertBasketballHolds(Gamebook g, String context) {
    int[] finals = new int[2];
    for (TeamSide side : TeamSide.values()) {
      int plusMinus = 0;
      for (ActivePlayer p : g.activePlayers(side)) {
        StatLine s = p.stats();
        String who = context + " " + p.name() + " " + s;
        assertTrue(s.fieldGoalsMade() <= s.fieldGoalsAttempted(), who);
        assertTrue(s.threePointersMade() <= s.threePointersAttempted(), who);
        assertTrue(s.threePointersMade() <= s.fieldGoalsMade(), who);
        assertTrue(s.freeThrowsMade() <= s.freeThrowsAttempted(), who);
        assertTrue(
            s.threePointersAttempted() - s.threePointersMade()
                <= s.fieldGoalsAttempted() - s.fieldGoalsMade(),
            who);
        assertTrue(s.seconds() > 0, who);
        plusMinus += s.plusMinus();
      }
      finals[side.ordinal()] = g.periodScores(side).orElseThrow().finalScore();
      int margin =
          g.periodScores(side).orElseThrow().finalScore()
              - g.periodScores(side == TeamSide.AWAY ? TeamSide.HOME : TeamSide.AWAY)
                  .orElseThrow()
                  .finalScore();
      assertEquals(5 * margin, plusMinus, context + " plus/minus of " + side);
    }
    assertNotEquals(finals[0], finals[1], context + " a tie");
  }

  @Test
  void thousandsOfGeneratedGamesPassTheParsersBoxScoreChecksAtEverySize() {
    Generator<Gamebook> games = Leagues.games();
    SplittableRandom random = new SplittableRandom(20261201L);
    int overtimeGames = 0;
    for (int i = 0; i < 2_000; i++) {
      int size = i % (Generator.MAX_SIZE + 1);
      Gamebook g = games.generate(random, size);
      String context = "game " + i + " at size " + size;
      assertIdentitiesHold(g, context);
      assertBasketballHolds(g, context);
      overtimeGames += g.periodScores().get(0).overtimes() > 0 ? 1 : 0;
    }
    assertTrue(overtimeGames > 30, "overtimes are generated: " + overtimeGames);
  }

  @Test
  void seasonGamesAndTheirLateCorrectionsPassTheChecks() {
    Generator<Season> seasons = Leagues.seasons(8, 16);
    SplittableRandom random = new SplittableRandom(17L);
    int corrections = 0;
    for (int i = 0; i < 5; i++) {
      Season season = seasons.generate(random, Generator.MAX_SIZE);
      Map<String, SeasonGame> games =
          season.games().stream()
              .collect(Collectors.toMap(SeasonGame::gameId, Function.identity()));
      for (SeasonGame game : season.games()) {
        assertIdentitiesHold(game.gamebook(), game.gameId());
      }
      for (StatCorrection c : season.corrections()) {
        corrections++;
        SeasonGame game = games.get(c.gameId());
        String context = "correction " + c.kind() + " of " + c.gameId();
        assertIdentitiesHold(c.corrected(), context);
        assertEquals(game.gamebook().teamTotals(), c.corrected().teamTotals(), context);
        assertEquals(game.gamebook().periodScores(), c.corrected().periodScores(), context);
        assertEquals(
            2,
            changedLines(game.gamebook(), c.corrected()),
            context + ": exactly the two players' lines change");
        assertTrue(
            c.knownAt()
                .isAfter(game.date().plusDays(1).atStartOfDay(PlayerGame.LEAGUE_ZONE).toInstant()),
            context + " is late");
      }
      assertLaterVersionsForCorrections(season);
    }
    assertTrue(corrections >= 2, "corrections are generated: " + corrections);
  }

  private static long changedLines(Gamebook before, Gamebook after) {
    assertEquals(before.activePlayers().size(), after.activePlayers().size());
    long changed = 0;
    for (int i = 0; i < before.activePlayers().size(); i++) {
      ActivePlayer a = before.activePlayers().get(i);
      ActivePlayer b = after.activePlayers().get(i);
      assertEquals(a.name(), b.name());
      changed += a.stats().equals(b.stats()) ? 0 : 1;
    }
    return changed;
  }

  /** Each correction adds a newer version of the two rows; the first versions are unchanged. */
  private static void assertLaterVersionsForCorrections(Season season) {
    List<PlayerGame> rows = season.playerGames();
    for (StatCorrection c : season.corrections()) {
      for (var name : List.of(c.from(), c.to())) {
        List<PlayerGame> versions =
            rows.stream()
                .filter(r -> r.gameId().equals(c.gameId()))
                .filter(r -> r.playerLookup().equals(name.lookupKey()))
                .toList();
        assertTrue(versions.size() >= 2, c + " " + versions);
        Instant first = versions.get(0).knownAtOrDefault();
        PlayerGame latest = versions.get(versions.size() - 1);
        assertTrue(latest.knownAtOrDefault().isAfter(first), versions.toString());
        if (c.kind() == StatCorrection.Kind.TWO_POINTER
            || c.kind() == StatCorrection.Kind.THREE_POINTER) {
          assertNotEquals(versions.get(0).points(), latest.points(), versions.toString());
        }
      }
    }
  }
}
