/** Baseline predictors and the tagged weighted-average fallback. */
@NullMarked
package io.github.courtside.models.baseline;

import org.jspecify.annotations.NullMarked;
