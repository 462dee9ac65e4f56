/**
 * Synthetic leagues: {@link io.github.courtside.testkit.league.SyntheticLeague} simulates a
 * deterministic regular season (rosters, schedules with rest days and back-to-backs, box scores
 * that satisfy the gamebook identities, injuries, coach's-decision DNPs, inactive lists, prop lines
 * with bookmaker noise and line moves) for demos and end-to-end tests.
 */
@NullMarked
package io.github.courtside.testkit.league;

import org.jspecify.annotations.NullMarked;
