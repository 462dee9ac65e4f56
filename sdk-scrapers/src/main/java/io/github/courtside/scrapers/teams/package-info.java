/** The 30 NBA teams: tricodes, full names, nicknames and the aliases seen in NBA documents. */
@NullMarked
package io.github.courtside.scrapers.teams;

import org.jspecify.annotations.NullMarked;
