/**
 * The production {@link io.github.courtside.core.coordination.CoordinationStore}: documents in
 * Cloud Firestore (or its emulator).
 */
@NullMarked
package io.github.courtside.firestore.coordination;

import org.jspecify.annotations.NullMarked;
