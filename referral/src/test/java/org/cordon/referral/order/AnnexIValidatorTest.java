package org.cordon.referral.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.cordon.referral.order.AnnexIForm.Addressee;
import org.cordon.referral.order.AnnexIForm.Authentication;
import org.cordon.referral.order.AnnexIForm.Content;
import org.cordon.referral.order.AnnexIForm.CrossBorder;
import org.cordon.referral.order.AnnexIForm.FollowUp;
import org.cordon.referral.order.AnnexIForm.IssuingAuthority;
import org.cordon.referral.order.AnnexIForm.Reasons;
import org.cordon.referral.order.AnnexIForm.Redress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnnexIValidatorTest {
  @Test
  void aCompleteFormHasNoProblems() {
    assertThat(AnnexIValidator.problems(AnnexIForms.complete())).isEmpty();
    assertThat(AnnexIValidator.isComplete(AnnexIForms.complete())).isTrue();
  }

  static Stream<Arguments> blankedFields() {
    return Stream.of(
        blank("issuingAuthority.memberState", f -> with(f, authority(f, "", f.issuingAuthority().name(), f.issuingAuthority().email()))),
        blank("issuingAuthority.name", f -> with(f, authority(f, "NL", " ", f.issuingAuthority().email()))),
        blank("issuingAuthority.email", f -> with(f, authority(f, "NL", f.issuingAuthority().name(), ""))),
        blank("addressee.hostingServiceProvider", f -> with(f, new Addressee("", Optional.empty(), "c@p.example", "IE"))),
        blank("addressee.contactPoint", f -> with(f, new Addressee("Provider", Optional.empty(), "", "IE"))),
        blank("addressee.mainEstablishment", f -> with(f, new Addressee("Provider", Optional.empty(), "c@p.example", ""))),
        blank("reference", f -> new AnnexIForm(f.issuingAuthority(), f.addressee(), "", f.issuedAt(), f.content(), f.reasons(),
            f.contentProviderNotice(), f.crossBorder(), f.followUp(), f.redress(), f.authentication())),
        blank("issuedAt", f -> new AnnexIForm(f.issuingAuthority(), f.addressee(), f.reference(), Optional.empty(), f.content(), f.reasons(),
            f.contentProviderNotice(), f.crossBorder(), f.followUp(), f.redress(), f.authentication())),
        blank("content.urls", f -> with(f, new Content(List.of(), "info"))),
        blank("reasons.grounds", f -> with(f, new Reasons(Set.of(), "why"))),
        blank("reasons.additionalInformation", f -> with(f, new Reasons(f.reasons().grounds(), ""))),
        blank("crossBorder.copySentTo", f -> with(f, new CrossBorder(Optional.empty()))),
        blank("followUp.name", f -> with(f, new FollowUp("", "a@b.example", "+31 70 000 0001"))),
        blank("followUp.email", f -> with(f, new FollowUp("Duty", "", "+31 70 000 0001"))),
        blank("followUp.phone", f -> with(f, new FollowUp("Duty", "a@b.example", ""))),
        blank("redress.competentBody", f -> with(f, new Redress("", "6 weeks", "art. 9"))),
        blank("redress.deadline", f -> with(f, new Redress("Court", "", "art. 9"))),
        blank("redress.nationalProvisions", f -> with(f, new Redress("Court", "6 weeks", ""))),
        blank("authentication.signatory", f -> with(f, new Authentication("", "Inspector", f.authentication().signedAt(), f.authentication().method()))),
        blank("authentication.signedAt", f -> with(f, new Authentication("Anna", "Inspector", Optional.empty(), f.authentication().method()))),
        blank("contentProviderNotice.publicSecurityReason", f -> AnnexIForms.withholding(f, "", Duration.ofDays(14))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blankedFields")
  void eachMissingFieldIsReportedByName(String field, UnaryOperator<AnnexIForm> blanking) {
    List<FieldProblem> problems = AnnexIValidator.problems(blanking.apply(AnnexIForms.complete()));

    assertThat(problems).extracting(FieldProblem::field).containsExactly(field);
    assertThat(problems.getFirst().problem()).contains("missing");
  }

  @Test
  void everyProblemIsReportedAtOnceNotJustTheFirst() {
    AnnexIForm f = AnnexIForms.complete();
    AnnexIForm broken = new AnnexIForm(authority(f, "", "", ""), f.addressee(), "", Optional.empty(), new Content(List.of(), ""),
        new Reasons(Set.of(), ""), f.contentProviderNotice(), f.crossBorder(), new FollowUp("", "", ""), new Redress("", "", ""),
        new Authentication("", "", Optional.empty(), f.authentication().method()));

    assertThat(AnnexIValidator.problems(broken)).extracting(FieldProblem::field)
        .contains("issuingAuthority.memberState", "issuingAuthority.name", "issuingAuthority.email", "reference", "issuedAt",
            "content.urls", "reasons.grounds", "reasons.additionalInformation", "followUp.name", "redress.competentBody",
            "authentication.signatory", "authentication.post", "authentication.signedAt")
        .hasSize(17);
  }

  @Test
  void urlsMustBeExactHttpUrlsAndEachIsReportedByItsIndex() {
    AnnexIForm form = with(AnnexIForms.complete(), new Content(List.of(
        "https://x.example/post/1",
        "ftp://files.example/a.zip",
        "x.example/post/2",
        "https://x.example/post/\u202Egnp.exe",
        "https://x.example/post/1",
        "http:///no-host",
        "https://x.example/a b"), ""));

    assertThat(AnnexIValidator.problems(form)).extracting(FieldProblem::field)
        .containsExactly("content.urls[1]", "content.urls[2]", "content.urls[3]", "content.urls[4]", "content.urls[5]", "content.urls[6]");
    assertThat(AnnexIValidator.problems(form).get(0).problem()).contains("not an http(s) URL");
    assertThat(AnnexIValidator.problems(form).get(1).problem()).contains("not an http(s) URL");
    assertThat(AnnexIValidator.problems(form).get(2).problem()).contains("bidirectional").doesNotContain("\u202E");
    assertThat(AnnexIValidator.problems(form).get(3).problem()).contains("repeats");
    assertThat(AnnexIValidator.problems(form).get(4).problem()).contains("no host");
  }

  @Test
  void placeholderAndMalformedReferencesAreRefused() {
    for (String reference : List.of("TBD", "XXXXXXXX", "reference", "has space 123", "000000", "../../etc/passwd1")) {
      AnnexIForm form = AnnexIForms.complete(reference, List.of("https://x.example/p/1"));
      assertThat(AnnexIValidator.problems(form)).as(reference).extracting(FieldProblem::field).containsExactly("reference");
    }
    assertThat(AnnexIValidator.problems(AnnexIForms.complete("DE-BKA/2026/17", List.of("https://x.example/p/1")))).isEmpty();
  }

  @Test
  void anOrderDatedBeforeTheRegulationAppliedIsRefused() {
    AnnexIForm f = AnnexIForms.complete();
    AnnexIForm early = new AnnexIForm(f.issuingAuthority(), f.addressee(), f.reference(), Optional.of(Instant.parse("2021-01-01T00:00:00Z")),
        f.content(), f.reasons(), f.contentProviderNotice(), f.crossBorder(), f.followUp(), f.redress(),
        new Authentication("Anna", "Inspector", Optional.of(Instant.parse("2020-12-31T00:00:00Z")), f.authentication().method()));

    assertThat(AnnexIValidator.problems(early)).extracting(FieldProblem::field).containsExactly("issuedAt");
  }

  @Test
  void anOrderDatedInTheFutureIsRefusedWhenTheCheckKnowsTheTime() {
    AnnexIForm form = AnnexIForms.complete();

    assertThat(AnnexIValidator.problems(form, AnnexIForms.ISSUED.plusSeconds(1))).isEmpty();
    assertThat(AnnexIValidator.problems(form, AnnexIForms.ISSUED.minus(Duration.ofMinutes(4)))).as("within clock skew").isEmpty();
    assertThat(AnnexIValidator.problems(form, AnnexIForms.ISSUED.minus(Duration.ofHours(1))))
        .extracting(FieldProblem::field).containsExactly("issuedAt");
  }

  @Test
  void certificationAfterIssueAndOverlongWithholdingAreRefused() {
    AnnexIForm f = AnnexIForms.complete();
    AnnexIForm late = with(f, new Authentication("Anna", "Inspector", Optional.of(AnnexIForms.ISSUED.plusSeconds(5)), f.authentication().method()));
    AnnexIForm secret = AnnexIForms.withholding(f, "ongoing investigation", Duration.ofDays(120));

    assertThat(AnnexIValidator.problems(late)).extracting(FieldProblem::field).containsExactly("authentication.signedAt");
    assertThat(AnnexIValidator.problems(secret)).extracting(FieldProblem::problem).singleElement().asString().contains("Art. 11(3)");
    assertThat(AnnexIValidator.problems(AnnexIForms.withholding(f, "ongoing investigation", Duration.ofDays(42)))).isEmpty();
  }

  @Test
  void aCrossBorderCopyIsOnlyRequiredWhenTheProviderIsEstablishedElsewhere() {
    AnnexIForm f = AnnexIForms.complete();
    AnnexIForm domestic = with(with(f, new Addressee("Provider", Optional.empty(), "c@p.example", "nl")), new CrossBorder(Optional.empty()));

    assertThat(AnnexIValidator.problems(domestic)).isEmpty();
  }

  @Test
  void memberStatesEmailsAndPhonesAreChecked() {
    AnnexIForm f = AnnexIForms.complete();
    AnnexIForm bad = with(with(f, authority(f, "UK", f.issuingAuthority().name(), "not-an-address")), new FollowUp("Duty", "d@x.example", "070 123"));

    assertThat(AnnexIValidator.problems(bad)).extracting(FieldProblem::field)
        .containsExactly("issuingAuthority.memberState", "issuingAuthority.email", "followUp.phone");
  }

  @Test
  void desksCategoriesMapToTheGroundsOfArticle2Paragraph7() {
    assertThat(AnnexIForm.Ground.ofCategory("glorifies")).contains(AnnexIForm.Ground.INCITES);
    assertThat(AnnexIForm.Ground.ofCategory("Instructs")).contains(AnnexIForm.Ground.INSTRUCTS);
    assertThat(AnnexIForm.Ground.ofCategory("recruits")).contains(AnnexIForm.Ground.SOLICITS_PARTICIPATION);
    assertThat(AnnexIForm.Ground.ofCategory("spam")).isEmpty();
  }

  private static Arguments blank(String field, UnaryOperator<AnnexIForm> blanking) {
    return Arguments.of(field, blanking);
  }

  static IssuingAuthority authority(AnnexIForm f, String memberState, String name, String email) {
    IssuingAuthority a = f.issuingAuthority();
    return new IssuingAuthority(memberState, a.type(), name, a.representativeName(), a.representativePost(), a.fileNumber(), a.address(), a.phone(), email);
  }

  static AnnexIForm with(AnnexIForm f, IssuingAuthority a) {
    return new AnnexIForm(a, f.addressee(), f.reference(), f.issuedAt(), f.content(), f.reasons(), f.contentProviderNotice(), f.crossBorder(), f.followUp(), f.redress(), f.authentication());
  }

  static AnnexIForm with(AnnexIForm f, Addressee a) {
    return new AnnexIForm(f.issuingAuthority(), a, f.reference(), f.issuedAt(), f.content(), f.reasons(), f.contentProviderNotice(), f.crossBorder(), f.followUp(), f.redress(), f.authentication());
  }

  static AnnexIForm with(AnnexIForm f, Content c) {
    return new AnnexIForm(f.issuingAuthority(), f.addressee(), f.reference(), f.issuedAt(), c, f.reasons(), f.contentProviderNotice(), f.crossBorder(), f.followUp(), f.redress(), f.authentication());
  }

  static AnnexIForm with(AnnexIForm f, Reasons r) {
    return new AnnexIForm(f.issuingAuthority(), f.addressee(), f.reference(), f.issuedAt(), f.content(), r, f.contentProviderNotice(), f.crossBorder(), f.followUp(), f.redress(), f.authentication());
  }

  static AnnexIForm with(AnnexIForm f, CrossBorder c) {
    return new AnnexIForm(f.issuingAuthority(), f.addressee(), f.reference(), f.issuedAt(), f.content(), f.reasons(), f.contentProviderNotice(), c, f.followUp(), f.redress(), f.authentication());
  }

  static AnnexIForm with(AnnexIForm f, FollowUp u) {
    return new AnnexIForm(f.issuingAuthority(), f.addressee(), f.reference(), f.issuedAt(), f.content(), f.reasons(), f.contentProviderNotice(), f.crossBorder(), u, f.redress(), f.authentication());
  }

  static AnnexIForm with(AnnexIForm f, Redress r) {
    return new AnnexIForm(f.issuingAuthority(), f.addressee(), f.reference(), f.issuedAt(), f.content(), f.reasons(), f.contentProviderNotice(), f.crossBorder(), f.followUp(), r, f.authentication());
  }

  static AnnexIForm with(AnnexIForm f, Authentication a) {
    return new AnnexIForm(f.issuingAuthority(), f.addressee(), f.reference(), f.issuedAt(), f.content(), f.reasons(), f.contentProviderNotice(), f.crossBorder(), f.followUp(), f.redress(), a);
  }
}
