package io.github.courtside.testkit.injury;

import io.github.courtside.scrapers.injury.InjuryStatus;
import io.github.courtside.scrapers.teams.NbaTeam;
import io.github.courtside.testkit.Generator;
import io.github.courtside.testkit.injury.InjuryReportDraft.Game;
import io.github.courtside.testkit.injury.InjuryReportDraft.Row;
import io.github.courtside.testkit.injury.InjuryReportDraft.TeamEntry;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generators of injury reports: a slate of one or two days of games, teams that have not submitted
 * yet, player rows with suffixed names ("Duke Jr., David"), every status, and reasons short and
 * long (long ones wrap in their cell); and layouts with narrow team and reason columns (wrapped
 * team cells such as "Portland Trail" / "Blazers"), other font sizes and page breaks.
 *
 * <pre>{@code
 * RenderedInjuryReport r = InjuryReports.rendered().sample(9L);
 * InjuryReport parsed = InjuryReportParser.create().parse(r.pdf());
 * }</pre>
 */
public final class InjuryReports {
  private static final String[] FIRST = {
    "Zach",
    "David",
    "Gary",
    "Dominick",
    "Charles",
    "Malaki",
    "Sidy",
    "Mamadi",
    "Doug",
    "Vlatko",
    "Reggie",
    "Jalen",
    "Hunter",
    "Draymond",
    "Anfernee",
    "Malik",
    "Nikola",
    "Davis",
    "De’Aaron",
    "Day'Ron",
    "Théo"
  };
  private static final String[] LAST = {
    "Collins",
    "Barlow",
    "Bassey",
    "Branham",
    "Cissoko",
    "Diakite",
    "McDermott",
    "Cancar",
    "Jackson",
    "Pickett",
    "Tyson",
    "Green",
    "Simons",
    "Monk",
    "Jokic",
    "Bertans",
    "O'Neale",
    "Sharpe",
    "Maledon",
    "Gilgeous-Alexander"
  };
  private static final String[] SUFFIX = {" Jr.", " Sr.", " II", " III"};
  private static final String[] REASONS = {
    "G League - Two-Way",
    "G League - On Assignment",
    "League Suspension",
    "Rest",
    "Personal Reasons",
    "Not With Team",
    "Concussion Protocol",
    "Health and Safety Protocols",
    "Injury/Illness - Left Acl; Tear",
    "Injury/Illness - Right Ankle; Sprain",
    "Injury/Illness - Right Forearm; Contusion",
    "Injury/Illness - Left Hamstring; Strain",
    "Injury/Illness - Left Ankle, Right Foot; Sprain",
    "Injury/Illness - Right Groin; Low Back Injury Recovery",
    "Injury/Illness - Left Knee; Injury Management - Return to Competition Reconditioning"
  };
  private static final String[] TIMES = {"07:00 (ET)", "07:30 (ET)", "08:00 (ET)", "10:00 (ET)"};

  private InjuryReports() {}

  /** Reports of 1 to 8 games; size 0 is one game whose two teams list one player each. */
  public static Generator<InjuryReportDraft> drafts() {
    Generator<Integer> games = Generator.ints(1, 8);
    return (random, size) -> {
      LocalDate day = LocalDate.of(2023, 10, 24).plusDays(random.nextInt(160));
      LocalDateTime issued = day.atTime(random.nextInt(24), random.nextInt(4) * 15);
      int count = games.generate(random, size);
      List<NbaTeam> teams = new ArrayList<>(List.of(NbaTeam.values()));
      List<Game> slate = new ArrayList<>();
      int timeIndex = 0;
      LocalDate date = day;
      for (int g = 0; g < count && teams.size() >= 2; g++) {
        if (size > 0 && g > 0 && random.nextInt(6) == 0) {
          date = date.plusDays(1);
          timeIndex = 0;
        } else if (size > 0 && random.nextInt(3) == 0) {
          timeIndex = Math.min(TIMES.length - 1, timeIndex + 1);
        }
        NbaTeam away = teams.remove(random.nextInt(teams.size()));
        NbaTeam home = teams.remove(random.nextInt(teams.size()));
        slate.add(
            new Game(date, TIMES[timeIndex], entry(random, size, away), entry(random, size, home)));
      }
      return new InjuryReportDraft(issued, slate);
    };
  }

  /** Layouts; size 0 is {@link InjuryReportPdfWriter.Layout#standard()}. */
  public static Generator<InjuryReportPdfWriter.Layout> layouts() {
    return (random, size) -> {
      if (size == 0) {
        return InjuryReportPdfWriter.Layout.standard();
      }
      float font = 8 + random.nextInt(5) * 0.5f;
      float team = random.nextInt(3) == 0 ? 90 + random.nextInt(20) : 150 + random.nextInt(20);
      float reason = 110 + random.nextInt(80);
      float bottom = random.nextInt(3) == 0 ? 200 + random.nextInt(200) : 40;
      return new InjuryReportPdfWriter.Layout(font, team, reason, random.nextBoolean(), bottom);
    };
  }

  /**
   * Layouts the parser does not control: cells jittered off their column and row by up to 3 points,
   * wrapped cells centred on their row or running below it, narrow team and reason columns (most
   * long team names and reasons wrap), other font sizes and page breaks.
   */
  public static Generator<InjuryReportPdfWriter.Layout> jitteredLayouts() {
    return (random, size) -> {
      float font = 8 + random.nextInt(5) * 0.5f;
      float team = random.nextBoolean() ? 90 + random.nextInt(20) : 150 + random.nextInt(20);
      float reason = 95 + random.nextInt(60);
      float bottom = random.nextInt(3) == 0 ? 200 + random.nextInt(200) : 40;
      InjuryReportPdfWriter.Wrap wrap =
          random.nextBoolean()
              ? InjuryReportPdfWriter.Wrap.CENTRED
              : InjuryReportPdfWriter.Wrap.BELOW;
      float jitter = 0.5f + random.nextInt(6) * 0.5f;
      return new InjuryReportPdfWriter.Layout(
          font, team, reason, random.nextBoolean(), bottom, wrap, jitter);
    };
  }

  /** Drafts rendered in layouts. */
  public static Generator<RenderedInjuryReport> rendered() {
    return rendered(drafts(), layouts());
  }

  /** Drafts of {@code drafts} rendered in layouts of {@code layouts}. */
  public static Generator<RenderedInjuryReport> rendered(
      Generator<InjuryReportDraft> drafts, Generator<InjuryReportPdfWriter.Layout> layouts) {
    return (random, size) -> {
      InjuryReportDraft draft = drafts.generate(random, size);
      InjuryReportPdfWriter.Layout layout = layouts.generate(random, size);
      return new RenderedInjuryReport(
          draft, layout, InjuryReportPdfWriter.create(layout).write(draft));
    };
  }

  private static TeamEntry entry(SplittableRandom random, int size, NbaTeam team) {
    if (size > 0 && random.nextInt(4) == 0) {
      return new TeamEntry(team, false, List.of());
    }
    int rows = size == 0 ? 1 : 1 + random.nextInt(1 + 7 * size / Generator.MAX_SIZE);
    Set<String> used = new HashSet<>();
    List<Row> list = new ArrayList<>();
    while (list.size() < rows) {
      String last = LAST[random.nextInt(LAST.length)];
      if (size > 0 && random.nextInt(6) == 0) {
        last += SUFFIX[random.nextInt(SUFFIX.length)];
      }
      String player = last + ", " + FIRST[random.nextInt(FIRST.length)];
      if (!used.add(player)) {
        continue;
      }
      InjuryStatus status = size == 0 ? InjuryStatus.OUT : InjuryStatus.values()[random.nextInt(5)];
      String reason = size == 0 ? REASONS[0] : REASONS[random.nextInt(REASONS.length)];
      list.add(new Row(player, status, reason));
    }
    list.sort(java.util.Comparator.comparing(Row::player));
    return new TeamEntry(team, true, list);
  }
}
