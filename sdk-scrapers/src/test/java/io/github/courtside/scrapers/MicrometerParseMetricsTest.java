package io.github.courtside.scrapers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.GamebookParser;
import io.github.courtside.scrapers.gamebook.GamebookParserConfig;
import io.github.courtside.scrapers.injury.InjuryReport;
import io.github.courtside.scrapers.injury.InjuryReportParser;
import io.github.courtside.scrapers.injury.InjuryReportParserConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicrometerParseMetricsTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final GamebookParser parser =
      GamebookParser.create(
          GamebookParserConfig.builder().listener(new MicrometerParseMetrics(meters)).build());

  @Test
  void everyParsedDocumentIsCountedOnceByStatus() {
    Gamebook notAGamebook = parser.parseLines(List.of("Injury Report: 01/04/24", "nothing here"));
    Gamebook notAPdf = parser.parse("not a pdf".getBytes(StandardCharsets.UTF_8));
    Gamebook teamsOnly =
        parser.parseLines(
            List.of(
                "Official Scorer's Report",
                "Wednesday, April 10, 2024 Rocket Mortgage FieldHouse, Cleveland, OH",
                "VISITOR: Memphis Grizzlies (27-53)",
                "HOME: Cleveland Cavaliers"));

    assertEquals(ParseStatus.FAILED, notAGamebook.status());
    assertEquals(ParseStatus.FAILED, notAPdf.status());
    assertEquals(ParseStatus.PARTIAL, teamsOnly.status());
    assertEquals(2.0, documents("failed"));
    assertEquals(1.0, documents("partial"));
    assertNull(meters.find("courtside.parser.documents").tag("status", "complete").counter());
  }

  @Test
  void injuryReportsAreCountedOnceUnderTheirOwnParserName(@TempDir Path folder) throws Exception {
    InjuryReportParser injuries =
        InjuryReportParser.create(
            InjuryReportParserConfig.builder()
                .listener(new MicrometerParseMetrics(meters))
                .build());

    InjuryReport notAPdf = injuries.parse("not a pdf".getBytes(StandardCharsets.UTF_8));
    InjuryReport missing = injuries.parse(Path.of("no-such-report.pdf"));

    assertEquals(ParseStatus.FAILED, notAPdf.status());
    assertEquals(ParseStatus.FAILED, missing.status());
    assertEquals(2.0, documents("injury_report", "failed"));
    Path garbled = Files.write(folder.resolve("garbled.pdf"), "%PDF-1.7 garbled".getBytes());
    assertEquals(ParseStatus.FAILED, injuries.parse(garbled).status());
    assertEquals(3.0, documents("injury_report", "failed"));
    assertNull(meters.find("courtside.parser.documents").tag("parser", "gamebook").counter());
  }

  private double documents(String status) {
    return documents("gamebook", status);
  }

  private double documents(String parser, String status) {
    var counter =
        meters
            .find("courtside.parser.documents")
            .tags("parser", parser, "status", status)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
