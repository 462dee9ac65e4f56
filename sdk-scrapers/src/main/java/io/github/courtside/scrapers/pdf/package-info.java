/** PDF text extraction shared by the parsers. */
@NullMarked
package io.github.courtside.scrapers.pdf;

import org.jspecify.annotations.NullMarked;
