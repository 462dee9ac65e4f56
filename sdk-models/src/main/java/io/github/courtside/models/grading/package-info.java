/** Grading predictions against results and monitoring accuracy over time. */
@NullMarked
package io.github.courtside.models.grading;

import org.jspecify.annotations.NullMarked;
