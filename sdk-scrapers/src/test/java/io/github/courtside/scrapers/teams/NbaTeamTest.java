package io.github.courtside.scrapers.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NbaTeamTest {

  @Test
  void namesAreMatchedIgnoringCaseAndPunctuation() {
    assertEquals(Optional.of(NbaTeam.BKN), NbaTeam.fromName("BROOKLYN NETS"));
    assertEquals(Optional.of(NbaTeam.PHI), NbaTeam.fromName("Philadelphia 76ers"));
    assertEquals(Optional.of(NbaTeam.LAC), NbaTeam.fromName("LA Clippers"));
    assertEquals(Optional.of(NbaTeam.LAC), NbaTeam.fromName("Los Angeles Clippers"));
    assertEquals(Optional.empty(), NbaTeam.fromName("Golden State"));
  }

  @Test
  void nicknamesAliasesAndTricodesResolve() {
    assertEquals(Optional.of(NbaTeam.CLE), NbaTeam.resolve("Cavs"));
    assertEquals(Optional.of(NbaTeam.POR), NbaTeam.resolve("Trail Blazers"));
    assertEquals(Optional.of(NbaTeam.PHI), NbaTeam.resolve("76ers"));
    assertEquals(Optional.of(NbaTeam.GSW), NbaTeam.resolve("gsw"));
    assertEquals(Optional.empty(), NbaTeam.resolve("Sonics"));
  }
}
