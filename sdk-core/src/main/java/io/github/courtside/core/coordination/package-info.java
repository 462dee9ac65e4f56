/**
 * The {@link io.github.courtside.core.coordination.CoordinationStore} port: small documents keyed
 * by path with atomic create-if-absent, on which locks and completion tracking are written once.
 */
@NullMarked
package io.github.courtside.core.coordination;

import org.jspecify.annotations.NullMarked;
