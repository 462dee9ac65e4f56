/** A small oblivious-tree booster that writes CatBoost JSON models. */
@NullMarked
package io.github.courtside.models.training;

import org.jspecify.annotations.NullMarked;
