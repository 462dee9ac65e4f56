package io.github.courtside.benchmarks;

import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.GamebookJson;
import io.github.courtside.scrapers.gamebook.GamebookParser;
import io.github.courtside.testkit.gamebook.GamebookPdfWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Gamebook documents parsed per second, single thread, warm: the whole PDF path (PDFBox text
 * extraction + line grammar + checks), the line grammar alone, and JSON writing. The document is
 * the MEM@CLE 2024-04-10 box score rendered by {@link GamebookPdfWriter}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class GamebookParserBenchmark {
  static final List<String> LINES =
      List.of(
          "Official Scorer's Report",
          "Wednesday, April 10, 2024 Rocket Mortgage FieldHouse, Cleveland, OH",
          "Officials: #24 Kevin Scott, #36 Brent Barnaky, #41 Nate Green",
          "Game Duration: 2:10",
          "Attendance: 19432 (Sellout)",
          "VISITOR: Memphis Grizzlies (27-53)",
          "45 GG Jackson F 35:42 7 21 2 10 6 6 0 2 2 2 2 2 1 1 -13 22",
          "26 Lamar Stevens F 37:17 4 13 2 5 6 6 2 4 6 3 2 1 1 4 7 16",
          "55 Trey Jemison C 35:57 2 7 0 0 0 0 2 7 9 3 2 1 1 4 -17 4",
          "3 Jake LaRavia G 40:00 10 18 8 11 4 5 1 6 7 1 1 2 5 1 -16 32",
          "1 Scotty Pippen Jr. G 35:47 7 15 2 4 2 2 2 2 4 6 3 2 3 0 4 18",
          "50 Timmy Allen 16:17 1 2 0 0 0 0 0 4 4 1 6 0 0 0 -13 2",
          "12 Zavier Simpson 24:22 2 5 0 1 0 0 1 7 8 4 5 1 1 0 -7 4",
          "17 Jack White 14:38 0 3 0 1 0 0 2 2 4 1 0 1 1 0 -5 0",
          "7 Santi Aldama NWT - Injury/Illness - Right Foot; Strain",
          "15 Brandon Clarke NWT - Injury/Illness - Right Hand; Contusion",
          "10 Luke Kennard NWT - Injury/Illness - Left Knee; Injury Recovery",
          "8 Ziaire Williams NWT - Injury/Illness - Right Low Back; Hip Strain",
          "TOTALS 240:00 33 84 14 32 18 19 10 34 44 21 21 10 13 10 -60 98",
          "HOME: Cleveland Cavaliers (48-32)",
          "1 Max Strus F 29:42 3 5 2 3 0 1 1 5 6 1 2 1 0 0 -1 8",
          "4 Evan Mobley F 31:27 4 10 2 4 2 2 3 9 12 1 1 3 4 4 12 12",
          "31 Jarrett Allen C 33:37 7 13 0 1 2 2 6 4 10 5 1 0 1 3 -2 16",
          "45 Donovan Mitchell G 33:36 9 17 5 10 6 7 1 3 4 8 2 3 3 1 2 29",
          "10 Darius Garland G 30:41 5 13 2 9 4 5 0 6 6 9 2 0 3 1 23 16",
          "3 Caris LeVert 27:31 6 13 2 4 4 4 0 2 2 2 3 2 1 0 12 18",
          "20 Georges Niang 17:57 1 3 1 2 1 2 0 2 2 1 2 0 1 1 19 4",
          "35 Isaac Okoro 26:34 2 5 1 4 2 6 0 4 4 0 1 1 0 0 13 7",
          "48 Pete Nance 01:50 0 1 0 0 0 0 0 0 0 0 0 1 0 0 -4 0",
          "9 Craig Porter Jr. 01:50 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -4 0",
          "15 Isaiah Mobley 01:50 0 2 0 0 0 0 1 0 1 0 1 0 0 0 -4 0",
          "21 Emoni Bates 01:50 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -4 0",
          "30 Damian Jones 01:35 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -2 0",
          "24 Marcus Morris Sr. DNP - Coach's Decision",
          "13 Tristan Thompson DNP - Coach's Decision",
          "TOTALS 240:00 37 82 15 37 21 29 12 35 47 27 15 11 13 10 60 110",
          "Inactive: Grizzlies - Bane (Injury/Illness - Lumbar; Disc Bulge), Goodwin (G League"
              + " - Two-Way), Jackson Jr. (Injury/Illness - Right Quadriceps; Tendonitis), Konchar"
              + " (Injury/Illness - Right Plantar; Fasciitis), Morant (Injury/Illness - Right"
              + " Shoulder; Labral Repair), Rose (Injury/Illness - Right Groin; Low Back Injury"
              + " Recovery), Smart (Injury/Illness - Right Ring Finger; Central Slip Tear), Watanabe"
              + " (Personal), Williams Jr. (Injury/Illness - Left Patellar; Tendonitis)",
          "Inactive: Cavaliers - Jerome (Injury/Illness - Right Ankle; Surgery), Merrill"
              + " (Injury/Illness - Neck; Strain), Wade (Injury/Illness - Right Knee; Sprain)",
          "SCORE BY PERIODS 1 2 3 4 FINAL",
          "Memphis Grizzlies 25 22 24 27 98",
          "Cleveland Cavaliers 31 27 30 22 110");

  private final GamebookParser parser = GamebookParser.create();
  private byte[] pdf = new byte[0];
  private Gamebook parsed = parser.parseLines(LINES);

  /** Renders the game once. */
  @Setup
  public void render() {
    parsed = parser.parseLines(LINES);
    pdf = GamebookPdfWriter.create().write(parsed);
  }

  /** One PDF document: extraction, grammar, checks. */
  @Benchmark
  public Gamebook parsePdf() {
    return parser.parse(pdf);
  }

  /** The line grammar and checks alone, on already-extracted text. */
  @Benchmark
  public Gamebook parseLines() {
    return parser.parseLines(LINES);
  }

  /** Writing the parsed gamebook as JSON. */
  @Benchmark
  public String writeJson() {
    return GamebookJson.toJson(parsed);
  }
}
