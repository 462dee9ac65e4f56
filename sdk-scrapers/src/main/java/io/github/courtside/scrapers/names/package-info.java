/** Player names as printed by NBA documents, with suffixes and a normalised lookup key. */
@NullMarked
package io.github.courtside.scrapers.names;

import org.jspecify.annotations.NullMarked;
