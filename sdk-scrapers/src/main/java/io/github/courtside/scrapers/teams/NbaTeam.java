package io.github.courtside.scrapers.teams;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 30 NBA teams with their NBA.com tricode, full name and nickname.
 *
 * <p>Name lookups are case-insensitive and ignore punctuation and spacing, so "BROOKLYN NETS" (as
 * the 2021 gamebook printed it) and "Brooklyn Nets" both give {@link #BKN}; "LA Clippers" and "Los
 * Angeles Clippers" both give {@link #LAC}; "Philadelphia 76ers" works (the old fallback mode could
 * not match it because of the digits, spec §A.9).
 *
 * <pre>{@code
 * NbaTeam team = NbaTeam.fromName("Memphis Grizzlies").orElseThrow();   // MEM
 * NbaTeam cavs = NbaTeam.fromNickname("Cavaliers").orElseThrow();      // CLE
 * }</pre>
 */
public enum NbaTeam {
  ATL("Atlanta Hawks", "Hawks"),
  BOS("Boston Celtics", "Celtics"),
  BKN("Brooklyn Nets", "Nets"),
  CHA("Charlotte Hornets", "Hornets"),
  CHI("Chicago Bulls", "Bulls"),
  CLE("Cleveland Cavaliers", "Cavaliers", "Cavs"),
  DAL("Dallas Mavericks", "Mavericks", "Mavs"),
  DEN("Denver Nuggets", "Nuggets"),
  DET("Detroit Pistons", "Pistons"),
  GSW("Golden State Warriors", "Warriors"),
  HOU("Houston Rockets", "Rockets"),
  IND("Indiana Pacers", "Pacers"),
  LAC("LA Clippers", "Clippers", "Los Angeles Clippers"),
  LAL("Los Angeles Lakers", "Lakers", "LA Lakers"),
  MEM("Memphis Grizzlies", "Grizzlies"),
  MIA("Miami Heat", "Heat"),
  MIL("Milwaukee Bucks", "Bucks"),
  MIN("Minnesota Timberwolves", "Timberwolves", "Wolves"),
  NOP("New Orleans Pelicans", "Pelicans"),
  NYK("New York Knicks", "Knicks"),
  OKC("Oklahoma City Thunder", "Thunder"),
  ORL("Orlando Magic", "Magic"),
  PHI("Philadelphia 76ers", "76ers", "Sixers"),
  PHX("Phoenix Suns", "Suns"),
  POR("Portland Trail Blazers", "Trail Blazers", "Blazers"),
  SAC("Sacramento Kings", "Kings"),
  SAS("San Antonio Spurs", "Spurs"),
  TOR("Toronto Raptors", "Raptors"),
  UTA("Utah Jazz", "Jazz"),
  WAS("Washington Wizards", "Wizards");

  private static final Map<String, NbaTeam> BY_NAME = new HashMap<>();
  private static final Map<String, NbaTeam> BY_NICKNAME = new HashMap<>();

  static {
    for (NbaTeam team : values()) {
      BY_NAME.put(key(team.fullName), team);
      BY_NICKNAME.put(key(team.nickname), team);
      for (String alias : team.aliases) {
        BY_NAME.put(key(alias), team);
        BY_NICKNAME.put(key(alias), team);
      }
    }
    // Full names seen with a different city spelling.
    BY_NAME.put(key("Los Angeles Clippers"), LAC);
  }

  private final String fullName;
  private final String nickname;

  @SuppressWarnings("ImmutableEnumChecker") // List.of is unmodifiable
  private final List<String> aliases;

  NbaTeam(String fullName, String nickname, String... aliases) {
    this.fullName = fullName;
    this.nickname = nickname;
    this.aliases = List.of(aliases);
  }

  /** The NBA.com tricode, e.g. {@code MEM}. */
  public String tricode() {
    return name();
  }

  /** The full name as NBA.com prints it, e.g. {@code Memphis Grizzlies}. */
  public String fullName() {
    return fullName;
  }

  /** The nickname, e.g. {@code Grizzlies}. */
  public String nickname() {
    return nickname;
  }

  /** The team with this tricode (case-insensitive). */
  public static Optional<NbaTeam> fromTricode(String tricode) {
    try {
      return Optional.of(valueOf(tricode.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The team with this full name or alias, ignoring case, spacing and punctuation. */
  public static Optional<NbaTeam> fromName(String name) {
    return Optional.ofNullable(BY_NAME.get(key(name)));
  }

  /** The team with this nickname (or a nickname alias such as "Cavs", "Sixers"). */
  public static Optional<NbaTeam> fromNickname(String nickname) {
    return Optional.ofNullable(BY_NICKNAME.get(key(nickname)));
  }

  /**
   * The team a free-form name refers to: a full name, nickname, alias or tricode.
   *
   * <pre>{@code
   * NbaTeam.resolve("GRIZZLIES");   // MEM
   * }</pre>
   */
  public static Optional<NbaTeam> resolve(String name) {
    return fromName(name)
        .or(() -> fromNickname(name))
        .or(() -> name.strip().length() == 3 ? fromTricode(name) : Optional.empty());
  }

  private static String key(String name) {
    String folded =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    return folded.replaceAll("[^a-z0-9]", "");
  }
}
