/**
 * The report folder people look at: {@code index.html} with PNG charts (hit rate over time with the
 * break-even line and a Wilson band, calibration, quality tiers, fallbacks, consolidation timings),
 * the summary table, and every graded prediction as CSV and JSON.
 */
@NullMarked
package io.github.courtside.examples.report;

import org.jspecify.annotations.NullMarked;
