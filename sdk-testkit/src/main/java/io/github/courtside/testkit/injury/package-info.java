/**
 * Injury-report PDFs for tests: {@link io.github.courtside.testkit.injury.InjuryReports} draws
 * reports ({@link io.github.courtside.testkit.injury.InjuryReportDraft}) and renders them with
 * {@link io.github.courtside.testkit.injury.InjuryReportPdfWriter} in the NBA's layout (Game Date,
 * Game Time, Matchup, Team, Player Name, Current Status, Reason) with wrapped reason and team cells
 * and page breaks, for round trips through {@code InjuryReportParser}.
 */
@NullMarked
package io.github.courtside.testkit.injury;

import org.jspecify.annotations.NullMarked;
