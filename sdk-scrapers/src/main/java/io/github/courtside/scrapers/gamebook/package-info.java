/**
 * NBA.com gamebook ("Official Scorer's Report") parsing: {@link
 * io.github.courtside.scrapers.gamebook.GamebookParser} turns a PDF into a {@link
 * io.github.courtside.scrapers.gamebook.Gamebook} (metadata, officials, players with stat lines,
 * availability, per-section status, box-score checks); {@link
 * io.github.courtside.scrapers.gamebook.GamebookJson} writes it in the old platform's JSON shape.
 * Rendering games as PDFs in the same layout is test support, in the {@code courtside-testkit}
 * artifact.
 */
@NullMarked
package io.github.courtside.scrapers.gamebook;

import org.jspecify.annotations.NullMarked;
