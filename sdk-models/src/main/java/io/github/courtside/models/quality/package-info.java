/** Quality scoring of feature vectors and the readiness gate that blocks predictions. */
@NullMarked
package io.github.courtside.models.quality;

import org.jspecify.annotations.NullMarked;
