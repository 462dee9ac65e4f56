package io.github.courtside.models.catboost;

/** Where {@link CatBoostPredictor} reports imputed values. */
interface ImputationMetrics {
  ImputationMetrics NONE = (model, feature) -> {};

  void imputed(String modelId, String feature);
}
