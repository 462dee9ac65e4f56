/** Predictors, prediction requests and predictions, and the never-silent fallback. */
@NullMarked
package io.github.courtside.models.prediction;

import org.jspecify.annotations.NullMarked;
