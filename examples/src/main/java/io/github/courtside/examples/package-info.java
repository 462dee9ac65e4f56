/** The runnable {@code courtside} command line and example pipelines. */
@NullMarked
package io.github.courtside.examples;

import org.jspecify.annotations.NullMarked;
