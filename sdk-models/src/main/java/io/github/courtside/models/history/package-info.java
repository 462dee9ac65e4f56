/** Player-game history: the point-in-time source the feature extractor reads. */
@NullMarked
package io.github.courtside.models.history;

import org.jspecify.annotations.NullMarked;
