/** Feature schemas, vectors with per-feature provenance, and the calculated features. */
@NullMarked
package io.github.courtside.models.feature;

import org.jspecify.annotations.NullMarked;
