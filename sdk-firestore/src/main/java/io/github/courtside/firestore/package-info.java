/** Firestore adapters of the Courtside ports. */
@NullMarked
package io.github.courtside.firestore;

import org.jspecify.annotations.NullMarked;
