/**
 * CatBoost models of known structure for tests: {@link
 * io.github.courtside.testkit.models.ObliviousTreeBooster}, a small squared-error booster of
 * oblivious trees, trains an {@link io.github.courtside.testkit.models.ObliviousTreeModel} that
 * writes CatBoost's JSON model format, which loads through catboost4j and {@code
 * CatBoostPredictor}. A fixture generator, not a production trainer.
 */
@NullMarked
package io.github.courtside.testkit.models;

import org.jspecify.annotations.NullMarked;
