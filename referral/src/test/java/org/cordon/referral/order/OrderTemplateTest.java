package org.cordon.referral.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestId;
import org.cordon.core.triage.CaseId;
import org.junit.jupiter.api.Test;

class OrderTemplateTest {
  static final Instant ISSUED = Instant.parse("2026-11-23T09:00:00Z");

  static OrderTemplate template() {
    AnnexIForm sample = AnnexIForms.complete();
    return new OrderTemplate(sample.issuingAuthority(), sample.followUp(), sample.redress(), "Anna Example", "Inspector",
        AnnexIForm.AuthenticationMethod.AUTHENTICATED_CHANNEL, new AnnexIForm.ContentProviderNotice.Inform(),
        Map.of(Platform.X, new OrderTemplate.Addressing(sample.addressee(), sample.crossBorder())));
  }

  static Request.RemovalOrder order(Platform platform, String category) {
    return new Request.RemovalOrder(new RequestId(5), new CaseId(9), platform, PostKey.of(platform, "1001"), List.of("https://x.example/post/1001"),
        category, "desk-abc", List.of(), "Range Unit, Competent Authority", "CORDON-9-12");
  }

  @Test
  void aFilledFormIsCompleteAndIsTheOrdersOwn() {
    Request.RemovalOrder order = order(Platform.X, "glorifies");
    AnnexIForm form = template().fill(order, new OrderParticulars(ISSUED, "analyst ana: release of the fictional outlet", "post 1001 on x; case 9"));

    assertThat(OrderTemplate.problemsFor(order, form, ISSUED)).isEmpty();
    assertThat(form.reference()).isEqualTo("CORDON-9-12");
    assertThat(form.issuingAuthority().name()).as("the name the order was issued under").isEqualTo("Range Unit, Competent Authority");
    assertThat(form.reasons().grounds()).containsExactly(AnnexIForm.Ground.INCITES);
    assertThat(form.issuedAt()).contains(ISSUED);
    assertThat(form.authentication().signedAt()).contains(ISSUED);
    assertThat(form.content().urls()).isEqualTo(order.urls());
  }

  @Test
  void anUnknownCategoryLeavesNoGroundAndTheFormIsRefused() {
    Request.RemovalOrder order = order(Platform.X, "rude");
    AnnexIForm form = template().fill(order, new OrderParticulars(ISSUED, "why", "where"));
    assertThat(OrderTemplate.problemsFor(order, form, ISSUED)).extracting(FieldProblem::field).contains("reasons.grounds");
  }

  @Test
  void aFormForAnotherOrderIsRefused() {
    Request.RemovalOrder order = order(Platform.X, "incites");
    AnnexIForm other = AnnexIForms.complete("NL-IRU-2026-000999", List.of("https://x.example/post/2"));
    assertThat(OrderTemplate.problemsFor(order, other, ISSUED)).extracting(FieldProblem::field).contains("reference", "content.urls");
  }

  @Test
  void aPlatformWithoutAnAddresseeGetsNoForm() {
    assertThatThrownBy(() -> template().fill(order(new Platform("telegram"), "incites"), new OrderParticulars(ISSUED, "why", "where")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("telegram").hasMessageContaining("addressee");
    assertThat(template().addressing(Platform.X)).isPresent();
    assertThat(template().addressing(new Platform("telegram"))).isEqualTo(Optional.empty());
  }
}
