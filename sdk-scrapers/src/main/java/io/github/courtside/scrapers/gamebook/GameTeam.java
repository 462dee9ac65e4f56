package io.github.courtside.scrapers.gamebook;

import io.github.courtside.scrapers.teams.NbaTeam;
import java.util.Objects;
import java.util.Optional;

/**
 * A team as its table header printed it ("VISITOR: Memphis Grizzlies (27-53)").
 *
 * <pre>{@code
 * GameTeam away = gamebook.game().away().orElseThrow();
 * away.printedName();   // "Memphis Grizzlies"
 * away.tricode();       // Optional["MEM"]
 * }</pre>
 *
 * @param side visitor or home
 * @param printedName the name exactly as printed (case kept: the 2021 sample printed "BROOKLYN
 *     NETS")
 * @param record the win-loss record printed after the name, e.g. "27-53", when present
 */
public record GameTeam(TeamSide side, String printedName, Optional<String> record) {
  /** Checks the name is not blank. */
  public GameTeam {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(record, "record");
    if (printedName.isBlank()) {
      throw new IllegalArgumentException("a team name must not be blank");
    }
  }

  /** The NBA team the printed name refers to (case-insensitive), if any. */
  public Optional<NbaTeam> team() {
    return NbaTeam.resolve(printedName);
  }

  /** The team's tricode, if the printed name is a known team. */
  public Optional<String> tricode() {
    return team().map(NbaTeam::tricode);
  }
}
