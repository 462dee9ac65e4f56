package io.github.courtside.scrapers.gamebook;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The game's header: date, teams, venue, officials, duration and attendance. Each part is present
 * only when the document printed it.
 *
 * <pre>{@code
 * GameInfo game = gamebook.game();
 * game.gameCode();      // Optional["20240410/MEMCLE"]
 * game.attendance();    // OptionalInt[19432]  (thousands separators accepted, spec §A.6)
 * }</pre>
 *
 * @param date the game date from the header line
 * @param away the VISITOR table's team
 * @param home the HOME table's team
 * @param arena the arena, e.g. "Rocket Mortgage FieldHouse"
 * @param city the city, e.g. "Cleveland"
 * @param state the state or province code, e.g. "OH" (absent for places printed without one)
 * @param officials the officials in printed order
 * @param gameDuration the duration as printed, "H:MM"
 * @param attendance the attendance
 * @param attendanceNote the note after the attendance, e.g. "Sellout"
 */
public record GameInfo(
    Optional<LocalDate> date,
    Optional<GameTeam> away,
    Optional<GameTeam> home,
    Optional<String> arena,
    Optional<String> city,
    Optional<String> state,
    List<Official> officials,
    Optional<String> gameDuration,
    OptionalInt attendance,
    Optional<String> attendanceNote) {
  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  /** Copies the officials and checks nothing is null. */
  public GameInfo {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(away, "away");
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(arena, "arena");
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(state, "state");
    officials = List.copyOf(officials);
    Objects.requireNonNull(gameDuration, "gameDuration");
    Objects.requireNonNull(attendance, "attendance");
    Objects.requireNonNull(attendanceNote, "attendanceNote");
  }

  /** A header with nothing in it (the header of a document that could not be read). */
  public static GameInfo empty() {
    return new GameInfo(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        OptionalInt.empty(),
        Optional.empty());
  }

  /** The team of one side. */
  public Optional<GameTeam> team(TeamSide side) {
    return side == TeamSide.AWAY ? away : home;
  }

  /** "AAA@HHH" when both teams are known NBA teams. */
  public Optional<String> matchup() {
    return away.flatMap(GameTeam::tricode)
        .flatMap(a -> home.flatMap(GameTeam::tricode).map(h -> a + "@" + h));
  }

  /** NBA.com's game code "YYYYMMDD/AAAHHH" when the date and both teams are known. */
  public Optional<String> gameCode() {
    return date.flatMap(
        d ->
            away.flatMap(GameTeam::tricode)
                .flatMap(
                    a -> home.flatMap(GameTeam::tricode).map(h -> d.format(BASIC) + "/" + a + h)));
  }

  /** "City, ST" when both are known. */
  public Optional<String> location() {
    return city.flatMap(c -> state.map(s -> c + ", " + s));
  }
}
