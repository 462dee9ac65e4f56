package io.github.courtside.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.courtside.core.testkit.Fixtures;
import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.GamebookParser;
import io.github.courtside.testkit.gamebook.GamebookPdfWriter;
import io.github.courtside.testkit.gamebook.GamebookPdfs;
import io.github.courtside.testkit.gamebook.RenderedGamebook;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CourtsideCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private List<String> outputLines() {
    return out.toString().lines().filter(l -> !l.isBlank()).toList();
  }

  @Test
  void parseGamebookPrintsTheGamebookAsJson() throws Exception {
    Path pdf = Fixtures.require("gamebook/20240410-MEMCLE.rendered.pdf");
    assertEquals(0, run("parse-gamebook", pdf.toString()), err.toString());
    JsonNode json = MAPPER.readTree(out.toString());
    assertEquals("20240410/MEMCLE", json.get("game_code").asText());
    assertEquals(21, json.get("active_count").asInt());
    assertEquals(12, json.get("inactive_count").asInt());
    assertEquals("complete", json.get("data_status").asText());
  }

  @Test
  void severalFilesGiveOneDocumentPerLineAndUnreadableOnesFailTheExitCode(@TempDir Path dir)
      throws Exception {
    Path pdf = Fixtures.require("gamebook/20240410-MEMCLE.rendered.pdf");
    Path bogus = Files.writeString(dir.resolve("bogus.pdf"), "not a pdf");
    Path missing = dir.resolve("missing.pdf");
    int code = run("parse-gamebook", pdf.toString(), bogus.toString(), missing.toString());
    assertEquals(1, code);
    List<String> lines = outputLines();
    assertEquals(3, lines.size());
    assertEquals("complete", MAPPER.readTree(lines.get(0)).get("data_status").asText());
    assertEquals("failed", MAPPER.readTree(lines.get(1)).get("data_status").asText());
    assertEquals("failed", MAPPER.readTree(lines.get(2)).get("data_status").asText());
    assertTrue(err.toString().contains("bogus.pdf: NOT_A_PDF"), err.toString());
    assertTrue(err.toString().contains("missing.pdf: cannot read"), err.toString());
  }

  @Test
  void manyFilesOnSeveralThreadsPrintExactlyWhatOneThreadPrintsInTheGivenOrder(@TempDir Path dir)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("parse-gamebook", "--threads", "1"));
    int i = 0;
    for (RenderedGamebook game : GamebookPdfs.rendered().samples(13L, 14)) {
      args.add(Files.write(dir.resolve("game-" + i++ + ".pdf"), game.pdf()).toString());
      if (i % 5 == 0) {
        args.add(Files.writeString(dir.resolve("bogus-" + i + ".pdf"), "not a pdf").toString());
      }
    }
    args.add(Fixtures.require("gamebook/20240410-MEMCLE.rendered.pdf").toString());
    args.add(dir.resolve("missing.pdf").toString());
    int serialCode = run(args.toArray(String[]::new));
    String serialOut = out.toString();
    String serialErr = err.toString();
    assertEquals(14 + 2 + 2, outputLines().size(), serialErr);
    assertEquals(1, serialCode);
    for (String threads : List.of("2", "3", "8")) {
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);
      args.set(2, threads);
      assertEquals(serialCode, run(args.toArray(String[]::new)), "--threads " + threads);
      assertEquals(serialOut, out.toString(), "stdout with --threads " + threads);
      assertEquals(serialErr, err.toString(), "stderr with --threads " + threads);
    }
    List<String> lines = serialOut.lines().toList();
    assertEquals("failed", MAPPER.readTree(lines.get(5)).get("data_status").asText());
    assertEquals(
        "20240410/MEMCLE", MAPPER.readTree(lines.get(lines.size() - 2)).get("game_code").asText());
  }

  @Test
  void parseInjuryReportPrintsRecordsAndNotSubmittedTeams() throws Exception {
    Path pdf = Fixtures.require("injury-report/injury-report-2024-01-04-1230PM.pdf");
    assertEquals(0, run("parse-injury-report", pdf.toString(), pdf.toString()), err.toString());
    List<String> lines = outputLines();
    assertEquals(2, lines.size());
    JsonNode json = MAPPER.readTree(lines.get(0));
    assertEquals(14, json.get("records").size());
    assertEquals("2023-24", json.get("metadata").get("season").asText());
    assertEquals(29, json.get("not_yet_submitted").size());
  }

  @Test
  void parseInjuryReportOnAMissingFileSaysSo(@TempDir Path dir) {
    assertEquals(1, run("parse-injury-report", dir.resolve("nope.pdf").toString()));
    assertTrue(err.toString().contains("nope.pdf: cannot read"), err.toString());
  }

  @Test
  void aFileIsRequired() {
    assertEquals(2, run("parse-gamebook"));
    assertTrue(err.toString().contains("Missing required parameter"), err.toString());
  }

  @Test
  void accentedNamesSurviveTheConsoleAsJsonEscapes(@TempDir Path dir) throws Exception {
    Gamebook game =
        GamebookParser.create()
            .parseLines(
                List.of(
                    "Wednesday, April 10, 2024 American Airlines Center, Dallas, TX",
                    "VISITOR: Dallas Mavericks (50-32)",
                    "77 Luka Dončić G 48:00 12 24 4 11 6 7 1 9 10 8 2 1 4 0 +12 34",
                    "HOME: Sacramento Kings (46-36)",
                    "5 De’Aaron Fox G 48:00 9 16 1 4 2 2 0 3 3 6 2 2 2 0 -12 21"));
    Path pdf = dir.resolve("synthetic.pdf");
    Files.write(pdf, GamebookPdfWriter.create().write(game));
    assertEquals(0, run("parse-gamebook", pdf.toString()), err.toString());
    assertTrue(out.toString().chars().allMatch(c -> c < 128), out.toString());
    JsonNode json = MAPPER.readTree(out.toString());
    assertEquals("Luka Dončić", json.get("active_players").get(0).get("name").asText());
    assertEquals("De’Aaron Fox", json.get("active_players").get(1).get("name").asText());
    assertEquals(12, json.get("active_players").get(0).get("stats").get("plus_minus").asInt());
  }
}
