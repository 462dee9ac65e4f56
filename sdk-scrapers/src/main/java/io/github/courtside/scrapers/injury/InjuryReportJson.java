package io.github.courtside.scrapers.injury;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.courtside.core.tracking.SectionSummary;
import io.github.courtside.scrapers.JsonStyle;
import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.internal.JsonText;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an {@link InjuryReport} as JSON in the shape of the old platform's output: {@code
 * metadata} (gamedate, hour, period, hour24, season), {@code parsing_stats} (total_records,
 * overall_confidence, status_counts, confidence_distribution, nested parsing_stats) and {@code
 * records} ({@code date, gametime, matchup, team, player, status, reason, confidence}).
 *
 * <p>Differences, on purpose: {@code metadata.season} is correct ("2023-24" for January 2024, the
 * old one said "2024-25"); {@code metadata.minute} keeps the minute the old URL scheme lost; {@code
 * not_yet_submitted} lists the teams marked NOT YET SUBMITTED, which the old output dropped; {@code
 * data_status}, {@code failure_reason} and {@code sections} are added. The old {@code scrape_time}
 * and {@code run_id} belong to a scraping run, not to the document, and are not written.
 *
 * <pre>{@code
 * System.out.println(InjuryReportJson.toJson(report));
 * }</pre>
 */
public final class InjuryReportJson {
  private static final ObjectMapper MAPPER = JsonText.MAPPER;
  private static final DateTimeFormatter PRINTED_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  private InjuryReportJson() {}

  /** The report as one line of JSON. */
  public static String toJson(InjuryReport report) {
    return toJson(report, JsonStyle.COMPACT);
  }

  /** The report as indented JSON. */
  public static String toPrettyJson(InjuryReport report) {
    return toJson(report, JsonStyle.PRETTY);
  }

  /** The report in the given style. */
  public static String toJson(InjuryReport report, JsonStyle style) {
    return JsonText.write(tree(report), style, "injury report");
  }

  static ObjectNode tree(InjuryReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode metadata = root.putObject("metadata");
    if (report.issuedAt().isPresent()) {
      LocalDateTime issued = report.issuedAt().get();
      int hour12 = issued.getHour() % 12 == 0 ? 12 : issued.getHour() % 12;
      metadata.put("gamedate", issued.format(DateTimeFormatter.BASIC_ISO_DATE));
      metadata.put("hour", Integer.toString(hour12));
      metadata.put("minute", String.format(Locale.ROOT, "%02d", issued.getMinute()));
      metadata.put("period", issued.getHour() < 12 ? "AM" : "PM");
      metadata.put("hour24", String.format(Locale.ROOT, "%02d", issued.getHour()));
      metadata.put("report_time", issued.toString());
    }
    report.season().ifPresent(v -> metadata.put("season", v));
    metadata.put("is_empty_report", report.records().isEmpty());
    metadata.put("data_status", report.status().name().toLowerCase(Locale.ROOT));
    report.failureReason().ifPresent(v -> metadata.put("failure_reason", v));

    ObjectNode stats = root.putObject("parsing_stats");
    stats.put("total_records", report.records().size());
    stats.put("overall_confidence", report.overallConfidence());
    ObjectNode statusCounts = stats.putObject("status_counts");
    report.statusCounts().forEach((status, count) -> statusCounts.put(status.label(), count));
    Map<Integer, Integer> distribution = new TreeMap<>();
    report
        .records()
        .forEach(r -> distribution.merge((int) Math.round(r.confidence() * 100), 1, Integer::sum));
    ObjectNode confidence = stats.putObject("confidence_distribution");
    distribution.forEach((percent, count) -> confidence.put(percent + "%", count));
    ObjectNode nested = stats.putObject("parsing_stats");
    nested.put("total_lines", report.totalLines());
    nested.put("player_lines", report.records().size());
    nested.put("merged_multiline", report.mergedReasons());
    nested.put("unparsed_count", 0);
    nested.put("not_yet_submitted", report.notYetSubmitted().size());
    stats.putArray("unparsed_lines_sample");

    ArrayNode records = root.putArray("records");
    for (InjuryRecord r : report.records()) {
      ObjectNode node = records.addObject();
      node.put("date", r.gameDate().format(PRINTED_DATE));
      node.put("gametime", r.gameTime());
      node.put("matchup", r.matchup());
      node.put("team", r.team());
      node.put("player", r.player());
      node.put("status", r.status().label());
      node.put("reason", r.reason());
      node.put("confidence", r.confidence());
      node.put("player_name", r.playerName().printed());
      node.put("player_lookup", r.playerName().lookupKey());
    }
    ArrayNode pending = root.putArray("not_yet_submitted");
    for (NotSubmittedTeam t : report.notYetSubmitted()) {
      ObjectNode node = pending.addObject();
      node.put("date", t.gameDate().format(PRINTED_DATE));
      node.put("gametime", t.gameTime());
      node.put("matchup", t.matchup());
      node.put("team", t.team());
      node.put("status", "NOT YET SUBMITTED");
    }
    ObjectNode sections = root.putObject("sections");
    for (SectionSummary section : report.sections().sections().values()) {
      ObjectNode node = sections.putObject(section.section());
      node.put("status", section.complete() ? "complete" : "incomplete");
      node.put("errors", section.errorCount());
      node.put("issues", section.issueCount());
    }
    if (report.status() == ParseStatus.FAILED) {
      root.put("data_status", "failed");
    }
    return root;
  }
}
