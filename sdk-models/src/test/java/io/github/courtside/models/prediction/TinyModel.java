package io.github.courtside.models.prediction;

import io.github.courtside.models.catboost.CatBoostPredictor;
import io.github.courtside.models.catboost.CatBoostPredictorSetup;
import io.github.courtside.models.catboost.ModelMetadata;
import io.github.courtside.models.feature.FeatureCategory;
import io.github.courtside.models.feature.FeatureDefinition;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The two-tree CatBoost JSON model of feasibility §3, on features L5 and L10. */
final class TinyModel {
  /** L5 and L10 without defaults, season with default 10. */
  static final FeatureSchema SCHEMA =
      FeatureSchema.builder("tiny")
          .add("points_avg_last_5", FeatureCategory.PLAYER_HISTORY)
          .add("points_avg_last_10", FeatureCategory.PLAYER_HISTORY)
          .addFeatures(
              FeatureDefinition.of(
                      "points_avg_season", FeatureType.NUMBER, FeatureCategory.PLAYER_HISTORY)
                  .withDefault(10.0))
          .build();

  private TinyModel() {}

  static CatBoostPredictor load(boolean withMetadata) {
    try (InputStream in = TinyModel.class.getResourceAsStream("/models/tiny.json")) {
      CatBoostPredictorSetup.Builder builder =
          CatBoostPredictor.builder("models/tiny.json", in).schema(SCHEMA);
      if (withMetadata) {
        try (InputStream meta = TinyModel.class.getResourceAsStream("/models/tiny.metadata.json")) {
          builder.metadata(ModelMetadata.read(meta, "tiny.metadata.json"));
        }
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
