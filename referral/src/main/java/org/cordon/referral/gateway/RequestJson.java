package org.cordon.referral.gateway;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.cordon.core.request.Request;
import org.cordon.referral.order.AnnexIForm;
import org.cordon.referral.order.AnnexIJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON body of a request as platforms receive it; field order is fixed so the bytes are stable. */
final class RequestJson {
  private RequestJson() {}

  static byte[] render(JsonMapper json, Request request, Optional<AnnexIForm> form, Instant sentAt) {
    ObjectNode body = json.createObjectNode();
    body.put("request_type", request.type());
    body.put("cordon_request_id", request.id().toString());
    body.put("case_id", request.caseId().toString());
    ObjectNode subject = body.putObject("subject");
    subject.put("kind", request.subject().kind().name().toLowerCase(Locale.ROOT));
    subject.put("platform", request.subject().platform().name());
    subject.put("id", request.subject().id());
    var urls = body.putArray("urls");
    request.urls().forEach(urls::add);
    body.put("category", request.category());
    switch (request) {
      case Request.Referral referral -> { }
      case Request.RemovalOrder order -> {
        body.put("issuing_authority", order.issuingAuthority());
        body.put("reference", order.reference());
      }
    }
    form.ifPresent(f -> AnnexIJson.write(body.putObject("annex_i"), f));
    body.put("sent_at", sentAt.toString());
    return json.writeValueAsBytes(body);
  }
}
