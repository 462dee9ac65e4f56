/**
 * The NBA's official injury report: {@link io.github.courtside.scrapers.injury.InjuryReportParser}
 * turns the PDF into an {@link io.github.courtside.scrapers.injury.InjuryReport} of player records
 * and of teams that have not yet submitted; {@link
 * io.github.courtside.scrapers.injury.InjuryReportJson} writes it in the old platform's JSON shape.
 */
@NullMarked
package io.github.courtside.scrapers.injury;

import org.jspecify.annotations.NullMarked;
