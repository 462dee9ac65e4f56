/** JMH benchmarks; run {@code java -jar benchmarks/target/benchmarks.jar}. */
@NullMarked
package io.github.courtside.benchmarks;

import org.jspecify.annotations.NullMarked;
