/**
 * Lease locks with fencing tokens: {@link io.github.courtside.core.lock.Lease} is what a holder
 * owns, {@link io.github.courtside.core.lock.FencingToken} what guarded work checks before each
 * destructive step.
 */
@NullMarked
package io.github.courtside.core.lock;

import org.jspecify.annotations.NullMarked;
