/**
 * Gamebook PDFs for tests: {@link io.github.courtside.testkit.gamebook.GamebookPdfWriter} renders a
 * {@link io.github.courtside.scrapers.gamebook.Gamebook} in the NBA.com "Official Scorer's Report"
 * layout that {@link io.github.courtside.scrapers.gamebook.GamebookParser} reads, in the standard
 * layout or in variants (fonts, sizes, column positions, dashes, wrapped names, page breaks).
 */
@NullMarked
package io.github.courtside.testkit.gamebook;

import org.jspecify.annotations.NullMarked;
