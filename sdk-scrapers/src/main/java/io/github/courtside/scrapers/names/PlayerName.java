package io.github.courtside.scrapers.names;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A player's name exactly as a document printed it (diacritics and curly apostrophes kept, white
 * space collapsed), with its generational suffix and a normalised lookup key for joins.
 *
 * <p>The {@link #lookupKey()} follows the old platform's shared normaliser (spec §A.15): NFKC,
 * Turkish dotless/dotted i folded, diacritics stripped, lower-cased, a trailing "Junior"/"Senior"
 * written as "jr"/"sr" and <em>kept</em>, then everything outside {@code [a-z0-9]} removed: "Scotty
 * Pippen Jr." gives {@code scottypippenjr}, "Luka Dončić" gives {@code lukadoncic}, "De’Aaron Fox"
 * gives {@code deaaronfox}. This keeps keys compatible with rows written by the old gamebook
 * processor.
 *
 * <p><b>Fixed bug:</b> the old injury-report processor deleted the substrings jr, sr, ii, iii and
 * iv <em>anywhere</em> in a name ("Jrue Holiday" became {@code ueholiday}) and its suffix extractor
 * had no word boundary ("Vezenkov" lost its "v"). Here a suffix is only ever a whole trailing word
 * after a space; {@link #lookupKeyWithoutSuffix()} drops it, for joins with sources that omit
 * suffixes ("Marcus Morris Sr." and BDL's "Marcus Morris" both give {@code marcusmorris}).
 *
 * <pre>{@code
 * PlayerName name = PlayerName.of("Scotty Pippen Jr.");
 * name.suffix();                  // Optional["Jr."]
 * name.lookupKey();               // "scottypippenjr"
 * name.lookupKeyWithoutSuffix();  // "scottypippen"
 * PlayerName.fromLastFirst("Duke Jr., David").printed();   // "David Duke Jr."
 * }</pre>
 *
 * @param printed the name as printed, white space collapsed
 */
public record PlayerName(String printed) {
  private static final Pattern SUFFIX =
      Pattern.compile("\\s((?i:jr\\.?|sr\\.?|junior|senior)|II|III|IV|V|VI|2nd|3rd|4th|5th)$");
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");

  /** Collapses white space and checks the name is not blank. */
  public PlayerName {
    Objects.requireNonNull(printed, "printed");
    printed = WHITESPACE.matcher(printed).replaceAll(" ").strip();
    if (printed.isEmpty()) {
      throw new IllegalArgumentException("a player name must not be blank");
    }
  }

  /** The name as printed. */
  public static PlayerName of(String printed) {
    return new PlayerName(printed);
  }

  /**
   * A name printed as "Last[ Suffix], First" (the injury report's form) turned into "First Last[
   * Suffix]". A name without a comma is taken as it is.
   */
  public static PlayerName fromLastFirst(String lastFirst) {
    int comma = lastFirst.indexOf(',');
    if (comma < 0) {
      return new PlayerName(lastFirst);
    }
    String last = lastFirst.substring(0, comma).strip();
    String first = lastFirst.substring(comma + 1).strip();
    return new PlayerName(first.isEmpty() ? last : first + " " + last);
  }

  /** The generational suffix (Jr., Sr., II, III, ...) when the name ends with one. */
  public Optional<String> suffix() {
    Matcher matcher = SUFFIX.matcher(printed);
    return matcher.find() && matcher.start() > 0 ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The name without its suffix ("Scotty Pippen Jr." gives "Scotty Pippen"). */
  public String withoutSuffix() {
    Matcher matcher = SUFFIX.matcher(printed);
    return matcher.find() && matcher.start() > 0 ? printed.substring(0, matcher.start()) : printed;
  }

  /** The normalised lookup key, suffix kept (compatible with the old platform's keys). */
  public String lookupKey() {
    return normalise(printed);
  }

  /** The normalised lookup key without the suffix, for sources that do not print suffixes. */
  public String lookupKeyWithoutSuffix() {
    return normalise(withoutSuffix());
  }

  private static String normalise(String name) {
    String text = Normalizer.normalize(name, Normalizer.Form.NFKC);
    text = text.replace('\u0131', 'i').replace('\u0130', 'I');
    text = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    text = text.toLowerCase(Locale.ROOT);
    text = text.replaceAll("\\s+junior$", " jr").replaceAll("\\s+senior$", " sr");
    return text.replaceAll("[^a-z0-9]", "");
  }

  @Override
  public String toString() {
    return printed;
  }
}
