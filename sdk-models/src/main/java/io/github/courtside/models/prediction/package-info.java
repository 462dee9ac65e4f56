/** Predictions and what they recommend. */
@NullMarked
package io.github.courtside.models.prediction;

import org.jspecify.annotations.NullMarked;
