/** CatBoost inference on catboost4j-prediction: by-name input vectors and median imputation. */
@NullMarked
package io.github.courtside.models.catboost;

import org.jspecify.annotations.NullMarked;
