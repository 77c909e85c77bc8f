package org.cordon.referral.gateway.portal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.request.Request;
import org.cordon.referral.order.AnnexIForm;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON file of a request in the portal outbox; field names are persisted, never renamed. */
final class PortalJson {
  static final int FORMAT_VERSION = 1;

  private PortalJson() {}

  record Attachment(String fileName, Sha256 sha256, long bytes) {}

  static byte[] render(JsonMapper json, Request request, Optional<AnnexIForm> form, Optional<Attachment> pdf, Instant writtenAt) {
    ObjectNode body = json.createObjectNode();
    body.put("format_version", FORMAT_VERSION);
    body.put("request_type", request.type());
    body.put("cordon_request_id", request.id().toString());
    body.put("case_id", request.caseId().toString());
    body.put("platform", request.platform().name());
    ObjectNode subject = body.putObject("subject");
    subject.put("kind", request.subject().kind().name().toLowerCase(Locale.ROOT));
    subject.put("id", request.subject().id());
    ArrayNode urls = body.putArray("urls");
    request.urls().forEach(urls::add);
    body.put("category", request.category());
    body.put("idempotency_key", request.idempotencyKey());
    switch (request) {
      case Request.Referral referral -> { }
      case Request.RemovalOrder order -> {
        body.put("issuing_authority", order.issuingAuthority());
        body.put("reference", order.reference());
      }
    }
    pdf.ifPresent(p -> {
      ObjectNode attachment = body.putObject("annex_i_pdf");
      attachment.put("file", p.fileName());
      attachment.put("sha256", p.sha256().hex());
      attachment.put("bytes", p.bytes());
    });
    form.ifPresent(f -> annexI(body.putObject("annex_i"), f));
    body.put("written_at", writtenAt.toString());
    return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
  }

  /** Every field of the form, for portals that take them one by one. */
  private static void annexI(ObjectNode out, AnnexIForm form) {
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
