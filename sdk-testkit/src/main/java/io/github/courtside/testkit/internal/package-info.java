/**
 * Not API: the random draws the testkit's generators share. Anything here may change without
 * notice; use {@link io.github.courtside.testkit.Generator} instead.
 */
@NullMarked
package io.github.courtside.testkit.internal;

import org.jspecify.annotations.NullMarked;
