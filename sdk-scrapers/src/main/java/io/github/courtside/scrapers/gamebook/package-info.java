/**
 * NBA.com gamebook ("Official Scorer's Report") parsing: {@link
 * io.github.courtside.scrapers.gamebook.GamebookParser} turns a PDF into a {@link
 * io.github.courtside.scrapers.gamebook.Gamebook} (metadata, officials, players with stat lines,
 * availability, per-section status, box-score checks); {@link
 * io.github.courtside.scrapers.gamebook.GamebookJson} writes it in the old platform's JSON shape;
 * {@link io.github.courtside.scrapers.gamebook.GamebookPdfWriter} renders games in the same layout.
 */
@NullMarked
package io.github.courtside.scrapers.gamebook;

import org.jspecify.annotations.NullMarked;
