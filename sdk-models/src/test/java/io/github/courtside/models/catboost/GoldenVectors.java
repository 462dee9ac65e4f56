package io.github.courtside.models.catboost;

import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureSource;
import io.github.courtside.models.feature.FeatureVector;

/** The golden input vectors of spec-ml §3 (V9 order). */
final class GoldenVectors {
  static final double[] ROLE = {
    12, 11.5, 11, 5, 3, 95, 0, 0, 0, 1, 0, 0, 0, 112, 100, 1, 0, 0, 0.35, 0.15, 0.38, 0.15, 100,
    112, 0.5, 11.5, 11.5, 0, 1, 11, 3, 26, 0.42
  };
  static final double[] STAR = {
    28, 27, 26.5, 7, 3, 95, 2, 1, 0, 2, 0, 1, 0, 116, 102, 0, 0, 0, 0.45, 0.12, 0.30, 0.22, 101,
    118, 0.6, 27.5, 26.5, 1, 1, 29, 6, 36, 0.75
  };

  private GoldenVectors() {}

  static FeatureVector vector(double[] values) {
    FeatureVector.Builder builder = FeatureVector.builder(FeatureSchema.V9_33);
    for (int i = 0; i < values.length; i++) {
      builder.set(FeatureSchema.V9_33.feature(i).name(), values[i], FeatureSource.PHASE4);
    }
    return builder.build();
  }

  static float[] floats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
