package org.cordon.referral.order;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.model.Platform;
import org.cordon.core.request.Request;

/**
 * What a unit fills in once on every removal order it issues: itself as issuing authority, its
 * follow-up contact, the redress, who certifies its orders and how, and, per platform, the
 * addressee (the hosting service provider's legal representative or contact point, Art. 15).
 * {@link #fill} completes the form of one order with its decision's particulars.
 *
 * @param authority the issuing authority; its name is replaced by the name each order was issued under
 * @param addressees per platform; a platform without one receives no removal order
 */
public record OrderTemplate(
    AnnexIForm.IssuingAuthority authority,
    AnnexIForm.FollowUp followUp,
    AnnexIForm.Redress redress,
    String signatory,
    String signatoryPost,
    AnnexIForm.AuthenticationMethod method,
    AnnexIForm.ContentProviderNotice notice,
    Map<Platform, Addressing> addressees) {

  /** To whom a platform's orders go, and where a copy goes when it is established in another Member State (Art. 4). */
  public record Addressing(AnnexIForm.Addressee addressee, AnnexIForm.CrossBorder crossBorder) {
    public Addressing {
      Objects.requireNonNull(addressee, "addressee");
      Objects.requireNonNull(crossBorder, "crossBorder");
    }
  }

  public OrderTemplate {
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(followUp, "followUp");
    Objects.requireNonNull(redress, "redress");
    Objects.requireNonNull(signatory, "signatory");
    Objects.requireNonNull(signatoryPost, "signatoryPost");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(notice, "notice");
    addressees = Map.copyOf(addressees);
  }

  public Optional<Addressing> addressing(Platform platform) {
    return Optional.ofNullable(addressees.get(platform));
  }

  /**
   * The order's complete form: the reference is the order's own, the URLs are exactly its URLs,
   * the grounds follow its category, and it is certified at the moment of issue. Whether the result
   * may be sent is {@link AnnexIValidator}'s to say.
   *
   * @throws IllegalStateException when no addressee is configured for the order's platform
   */
  public AnnexIForm fill(Request.RemovalOrder order, OrderParticulars particulars) {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(particulars, "particulars");
    Addressing to = addressing(order.platform()).orElseThrow(() -> new IllegalStateException(
        "no Annex I addressee is configured for platform " + order.platform().name()
            + ": give its hosting service provider, contact point and main establishment before issuing removal orders to it"));
    AnnexIForm.IssuingAuthority issuer = new AnnexIForm.IssuingAuthority(authority.memberState(), authority.type(), order.issuingAuthority(),
        authority.representativeName(), authority.representativePost(), authority.fileNumber(), authority.address(), authority.phone(),
        authority.email());
    Set<AnnexIForm.Ground> grounds = AnnexIForm.Ground.ofCategory(order.category()).map(Set::of).orElse(Set.of());
    return new AnnexIForm(issuer, to.addressee(), order.reference(), Optional.of(particulars.issuedAt()),
        new AnnexIForm.Content(order.urls(), particulars.contentInformation()),
        new AnnexIForm.Reasons(grounds, particulars.reasons()),
        notice, to.crossBorder(), followUp, redress,
        new AnnexIForm.Authentication(signatory, signatoryPost, Optional.of(particulars.issuedAt()), method));
  }

  /**
   * Problems of a form as the gateway would send it with this order: the validator's, and a form
   * that is not the order's own (another reference, other URLs). Empty when it may go out.
   */
  public static java.util.List<FieldProblem> problemsFor(Request.RemovalOrder order, AnnexIForm form, java.time.Instant now) {
    java.util.List<FieldProblem> problems = new java.util.ArrayList<>(AnnexIValidator.problems(form, now));
    if (!form.reference().equals(order.reference())) {
      problems.add(new FieldProblem("reference", "the form has reference " + form.reference() + " but the order has " + order.reference()
          + ": attach the order's own form"));
    }
    if (!form.content().urls().equals(order.urls())) {
      problems.add(new FieldProblem("content.urls", "the form lists other URLs than the order: attach the order's own form"));
    }
    return java.util.List.copyOf(problems);
  }
}
