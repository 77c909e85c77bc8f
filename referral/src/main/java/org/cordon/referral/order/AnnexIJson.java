package org.cordon.referral.order;

import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every field of an Annex I form as JSON, for gateways that hand the form over field by field (the
 * webhook body, the portal file). Field names are persisted by the platforms that read them: never
 * rename one.
 */
public final class AnnexIJson {
  private AnnexIJson() {}

  /** Writes the form's sections into {@code out}. */
  public static void write(ObjectNode out, AnnexIForm form) {
    AnnexIForm.IssuingAuthority authority = form.issuingAuthority();
    ObjectNode a = out.putObject("issuing_authority");
    a.put("member_state", authority.memberState());
    a.put("type", authority.type().name().toLowerCase(Locale.ROOT));
    a.put("name", authority.name());
    a.put("representative_name", authority.representativeName());
    a.put("representative_post", authority.representativePost());
    a.put("file_number", authority.fileNumber());
    a.put("address", authority.address());
    a.put("phone", authority.phone());
    a.put("email", authority.email());
    ObjectNode addressee = out.putObject("addressee");
    addressee.put("hosting_service_provider", form.addressee().hostingServiceProvider());
    form.addressee().legalRepresentative().ifPresent(r -> addressee.put("legal_representative", r));
    addressee.put("contact_point", form.addressee().contactPoint());
    addressee.put("main_establishment", form.addressee().mainEstablishment());
    out.put("reference", form.reference());
    form.issuedAt().ifPresent(t -> out.put("issued_at", t.toString()));
    ObjectNode content = out.putObject("content");
    ArrayNode urls = content.putArray("urls");
    form.content().urls().forEach(urls::add);
    content.put("additional_information", form.content().additionalInformation());
    ObjectNode reasons = out.putObject("reasons");
    ArrayNode grounds = reasons.putArray("grounds");
    for (AnnexIForm.Ground ground : AnnexIForm.Ground.values()) {
      if (form.reasons().grounds().contains(ground)) {
        grounds.addObject().put("ground", ground.name().toLowerCase(Locale.ROOT)).put("article", ground.article());
      }
    }
    reasons.put("additional_information", form.reasons().additionalInformation());
    ObjectNode notice = out.putObject("content_provider_notice");
    switch (form.contentProviderNotice()) {
      case AnnexIForm.ContentProviderNotice.Inform inform -> notice.put("inform", true);
      case AnnexIForm.ContentProviderNotice.Withhold withhold -> {
        notice.put("inform", false);
        notice.put("public_security_reason", withhold.publicSecurityReason());
        notice.put("withhold_days", withhold.period().toDays());
      }
    }
    form.crossBorder().copySentTo().ifPresent(c -> out.putObject("cross_border").put("copy_sent_to", c));
    out.putObject("follow_up").put("name", form.followUp().name()).put("email", form.followUp().email()).put("phone", form.followUp().phone());
    out.putObject("redress").put("competent_body", form.redress().competentBody()).put("deadline", form.redress().deadline())
        .put("national_provisions", form.redress().nationalProvisions());
    ObjectNode authentication = out.putObject("authentication");
    authentication.put("signatory", form.authentication().signatory());
    authentication.put("post", form.authentication().post());
    form.authentication().signedAt().ifPresent(t -> authentication.put("signed_at", t.toString()));
    authentication.put("method", form.authentication().method().name().toLowerCase(Locale.ROOT));
  }
}
