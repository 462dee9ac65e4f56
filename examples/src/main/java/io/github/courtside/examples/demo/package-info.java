/**
 * The end-to-end demo on the embedded default (DuckDB warehouse and coordination store): a
 * synthetic league's gamebooks are rendered, parsed, loaded, turned into point-in-time features,
 * predicted by a CatBoost model trained on the spot, fanned out to workers that stage their rows,
 * consolidated once under a lease lock, and graded after the games.
 */
@NullMarked
package io.github.courtside.examples.demo;

import org.jspecify.annotations.NullMarked;
