package org.cordon.referral.gateway.portal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.request.Request;
import org.cordon.referral.order.AnnexIForm;
import org.cordon.referral.order.AnnexIJson;
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
    form.ifPresent(f -> AnnexIJson.write(body.putObject("annex_i"), f));
    body.put("written_at", writtenAt.toString());
    return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
  }
}
