package io.github.courtside.testkit.league;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.NonPlayingCategory;
import io.github.courtside.scrapers.gamebook.TeamSide;
import io.github.courtside.scrapers.teams.NbaTeam;
import io.github.courtside.testkit.Generator;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeaguesTest {

  @Test
  void theSameSeedGivesTheSameGamesAndSeasons() {
    assertEquals(Leagues.games().samples(3L, 200), Leagues.games().samples(3L, 200));
    assertNotEquals(Leagues.games().samples(3L, 20), Leagues.games().samples(4L, 20));
    Generator<Season> seasons = Leagues.seasons(6, 10);
    assertEquals(seasons.samples(9L, 3), seasons.samples(9L, 3));
    assertEquals(seasons.sample(9L).playerGames(), seasons.sample(9L).playerGames());
    assertNotEquals(seasons.sample(9L), seasons.sample(10L));
  }

  @Test
  void sizeZeroIsARegulationGameOfFivePlainPlayersASide() {
    for (Gamebook g : Leagues.games().resized(s -> 0).samples(5L, 50)) {
      assertEquals(10, g.activePlayers().size());
      assertEquals(List.of(), g.dnpPlayers());
      assertEquals(List.of(), g.inactivePlayers());
      assertEquals(4, g.periodScores().get(0).periods().size());
      g.activePlayers().forEach(p -> assertEquals("48:00", p.stats().minutes(), p.toString()));
    }
    Season smallest = Leagues.seasons(30, 82).resized(s -> 0).sample(5L);
    assertEquals(2, smallest.teams().size());
    assertEquals(1, smallest.games().size());
  }

  @Test
  void fullSizeGamesCoverTheVariantsAParserMeets() {
    Set<NonPlayingCategory> categories = EnumSet.noneOf(NonPlayingCategory.class);
    boolean curly = false;
    boolean accented = false;
    boolean suffixed = false;
    boolean longTable = false;
    boolean upperCase = false;
    for (Gamebook g : Leagues.games().samples(11L, 300)) {
      g.dnpPlayers().forEach(p -> categories.add(p.category()));
      curly |= g.dnpPlayers().stream().anyMatch(p -> p.reason().contains("\u2019"));
      accented |=
          g.activePlayers().stream().anyMatch(p -> !p.name().printed().matches("[\\x20-\\x7e]*"));
      suffixed |= g.activePlayers().stream().anyMatch(p -> p.name().printed().endsWith(" Jr."));
      longTable |= g.activePlayers(TeamSide.AWAY).size() > 16;
      upperCase |=
          g.game()
              .away()
              .orElseThrow()
              .printedName()
              .equals(
                  g.game().away().orElseThrow().printedName().toUpperCase(java.util.Locale.ROOT));
    }
    assertEquals(EnumSet.allOf(NonPlayingCategory.class), categories);
    assertTrue(curly, "a reason with a curly apostrophe");
    assertTrue(accented, "an accented name");
    assertTrue(suffixed, "a suffixed name");
    assertTrue(longTable, "a table long enough to run over a page");
    assertTrue(upperCase, "an upper-case team name");
  }

  @Test
  void aSeasonHasRestDaysBackToBacksAndNoTeamTwiceADayOrThreeDaysInARow() {
    Season season =
        Leagues.seasons(10, 30)
            .filter("a long season", s -> s.teams().size() >= 6 && s.games().size() >= 6 * 15 / 2)
            .sample(21L);
    int teams = season.teams().size();
    int perTeam = 2 * season.games().size() / teams;
    Map<NbaTeam, LocalDate> last = new HashMap<>();
    Map<NbaTeam, LocalDate> beforeLast = new HashMap<>();
    Map<NbaTeam, Integer> played = new HashMap<>();
    Set<String> teamDays = new HashSet<>();
    int backToBacks = 0;
    int rested = 0;
    for (SeasonGame game : season.games()) {
      for (TeamSide side : TeamSide.values()) {
        NbaTeam team = game.matchup().team(side);
        assertTrue(teamDays.add(team + "@" + game.date()), team + " twice on " + game.date());
        LocalDate previous = last.get(team);
        int rest =
            previous == null ? 3 : (int) (game.date().toEpochDay() - previous.toEpochDay()) - 1;
        assertEquals(rest, game.restDays(side), game.gameId());
        assertFalse(
            game.date().minusDays(2).equals(beforeLast.get(team)) && game.backToBack(side),
            team + " plays a third day in a row on " + game.date());
        backToBacks += game.backToBack(side) ? 1 : 0;
        rested += game.restDays(side) >= 2 ? 1 : 0;
        if (previous != null) {
          beforeLast.put(team, previous);
        }
        last.put(team, game.date());
        played.merge(team, 1, Integer::sum);
      }
    }
    assertTrue(backToBacks > 0, "back-to-backs");
    assertTrue(rested > 0, "games after two or more days off");
    assertEquals(teams, played.size());
    played.values().forEach(n -> assertEquals(perTeam, n, "every team plays as often"));
  }

  @Test
  void leagueSizesAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> Leagues.seasons(7, 10));
    assertThrows(IllegalArgumentException.class, () -> Leagues.seasons(32, 10));
    assertThrows(IllegalArgumentException.class, () -> Leagues.seasons(4, 0));
  }

  @Test
  void theSameSeedGivesTheSameSyntheticLeague() {
    SyntheticLeague a = new SyntheticLeague(4L, 4, LocalDate.of(2024, 1, 1), 6);
    SyntheticLeague b = new SyntheticLeague(4L, 4, LocalDate.of(2024, 1, 1), 6);
    assertEquals(a.dates(), b.dates());
    for (LocalDate date : a.dates()) {
      for (SyntheticLeague.Matchup m : a.games(date)) {
        assertEquals(a.play(m), b.play(m));
        assertEquals(a.pregame(m), b.pregame(m));
      }
    }
    assertEquals(12, a.gameCount());
  }
}
