package org.cordon.range.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariantPolicyTest {

  private static final Transform JPEG = new Transform.JpegReencode(0.8f);
  private static final Transform RESCALE = new Transform.Rescale(0.7);
  private static final Transform HEAVY_CROP = new Transform.Crop(0.5, 0.5, 0.5);

  @Test
  void aChainWithAStepThatPromisesNothingPromisesNothing() {
    assertThat(VariantPolicy.statedMaxDistance(List.of(JPEG, HEAVY_CROP))).isEqualTo(VariantPolicy.NO_PROMISE);
    assertThat(VariantPolicy.expectedToMatch(List.of(JPEG, HEAVY_CROP))).isFalse();
  }

  @Test
  void aChainIsBoundedByItsLargestStepPlusAnAllowancePerFurtherStep() {
    int jpeg = VariantPolicy.statedMaxDistance(JPEG);
    int rescale = VariantPolicy.statedMaxDistance(RESCALE);
    assertThat(VariantPolicy.statedMaxDistance(List.of(JPEG, RESCALE)))
        .isEqualTo(Math.min(jpeg + rescale, Math.max(jpeg, rescale) + VariantPolicy.EXTRA_STEP_ALLOWANCE));
    assertThat(VariantPolicy.statedMaxDistance(List.of(JPEG, JPEG, JPEG)))
        .isEqualTo(jpeg + 2 * VariantPolicy.EXTRA_STEP_ALLOWANCE);
  }

  @Test
  void theEmptyChainIsTheCanonicalImageItself() {
    assertThat(VariantPolicy.statedMaxDistance(List.of())).isZero();
    assertThat(VariantPolicy.expectedToMatch(List.of())).isTrue();
  }

  @Test
  void mirroredChainsNeedADihedralMatcher() {
    assertThat(VariantPolicy.needsDihedralMatch(List.of(JPEG, new Transform.Mirror()))).isTrue();
    assertThat(VariantPolicy.needsDihedralMatch(List.of(JPEG, RESCALE))).isFalse();
  }

  @Test
  void reencodesAndModestRescalesArePromisedAMatchAndFramingIsNot() {
    assertThat(VariantPolicy.expectedToMatch(List.of(JPEG))).isTrue();
    assertThat(VariantPolicy.expectedToMatch(List.of(RESCALE))).isTrue();
    assertThat(VariantPolicy.expectedToMatch(List.of(new Transform.Border(0.04, 0)))).isFalse();
    assertThat(VariantPolicy.expectedToMatch(List.of(new Transform.Pad(1.0, 0)))).isFalse();
    assertThat(VariantPolicy.expectedToMatch(List.of(new Transform.Rescale(0.2)))).isFalse();
  }

  @Test
  void categoriesRefineTheNameByTheParameterBand() {
    assertThat(VariantPolicy.category(new Transform.Crop(0.99, 0, 0))).isEqualTo("crop trim");
    assertThat(VariantPolicy.category(new Transform.Crop(0.9, 0, 0))).isEqualTo("crop light");
    assertThat(VariantPolicy.category(HEAVY_CROP)).isEqualTo("crop heavy");
    assertThat(VariantPolicy.category(new Transform.JpegReencode(0.3f))).isEqualTo("jpeg q<50");
    assertThat(TransformsTest.oneOfEach()).allSatisfy(step -> assertThat(VariantPolicy.category(step)).isNotBlank());
  }
}
