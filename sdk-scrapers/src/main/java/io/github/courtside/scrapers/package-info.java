/**
 * NBA document scrapers: {@code gamebook} (box scores and availability from gamebook PDFs), {@code
 * injury} (the official injury report), {@code pdf} (bounded-time text extraction), {@code names}
 * and {@code teams}. {@link io.github.courtside.scrapers.ParseStatus} is shared by all parsers.
 */
@NullMarked
package io.github.courtside.scrapers;

import org.jspecify.annotations.NullMarked;
