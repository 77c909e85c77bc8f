package org.cordon.referral.gateway.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.cordon.core.evidence.Sha256;
import org.cordon.core.model.Platform;
import org.cordon.core.request.GatewayException;
import org.cordon.core.request.PlatformAnswer;
import org.cordon.core.request.PlatformGateway;
import org.cordon.core.request.Request;
import org.cordon.core.request.RequestStatus;
import org.cordon.referral.gateway.WebhookGateway;
import org.cordon.referral.order.AnnexIForm;
import org.cordon.referral.order.AnnexIValidator;
import org.cordon.referral.order.FieldProblem;
import org.cordon.referral.order.OrderDocument;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes requests as files into an outbox directory, from which they are uploaded to a platform's
 * web portal (by a person or a script), for platforms that take neither webhooks nor e-mail.
 *
 * <h2>Files</h2>
 *
 * Each request is {@code <type>-<32 hex of SHA-256(idempotency key)>.json} (see {@link
 * #fileName}); a removal order also has {@code <same>.pdf}, the Annex I form, written first and
 * named with its SHA-256 inside the JSON. Files appear whole or not at all (temporary file, forced
 * to disk, then linked into place), so an uploader never takes half a file; names starting with
 * {@code .incoming-} are such temporary files and are to be ignored.
 *
 * <h2>Once per request</h2>
 *
 * The name depends on the idempotency key alone, and the JSON is created only if absent (a hard
 * link, which fails when the name exists): sending a request again, from any process, finds its
 * file and writes nothing.
 *
 * <h2>Answers</h2>
 *
 * {@link #send} answers {@link RequestStatus#SENT}: the file is waiting for upload, the platform
 * has not seen it. Whoever uploads it records the platform's answer as {@code
 * <same>.receipt.json}: {@code {"status": "acknowledged" | "removed" | "rejected", "at":
 * ISO-8601, "platform_reference"?: string, "reason"?: string}}, which {@link #poll} reads.
 */
public final class PortalGateway implements PlatformGateway {
  private static final long MAX_RECEIPT_BYTES = 64 * 1024;

  private final PortalConfig config;
  private final Function<Request.RemovalOrder, AnnexIForm> forms;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  public PortalGateway(PortalConfig config, Function<Request.RemovalOrder, AnnexIForm> forms, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.forms = Objects.requireNonNull(forms, "forms");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** {@code referral-<hex>.json} or {@code removal_order-<hex>.json}. */
  public static String fileName(Request request) {
    return baseName(request) + ".json";
  }

  private static String baseName(Request request) {
    return request.type() + "-" + Sha256.of(request.idempotencyKey().getBytes(StandardCharsets.UTF_8)).hex().substring(0, 32);
  }

  @Override
  public Platform platform() {
    return config.platform();
  }

  @Override
  public PlatformAnswer send(Request request) throws GatewayException {
    checkPlatform(request);
    String what = request.type() + " " + request.id() + " for " + config.platform();
    checkOutbox(what);
    String base = baseName(request);
    Path target = config.outbox().resolve(base + ".json");
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    try {
      if (Files.exists(target)) {
        return already(target);
      }
      Optional<AnnexIForm> form = switch (request) {
        case Request.Referral referral -> Optional.empty();
        case Request.RemovalOrder order -> Optional.of(checkedForm(what, order));
      };
      Optional<PortalJson.Attachment> pdf = Optional.empty();
      if (form.isPresent()) {
        byte[] bytes = OrderDocument.render(form.get());
        String pdfName = base + ".pdf";
        AtomicFiles.replace(config.outbox().resolve(pdfName), bytes);
        pdf = Optional.of(new PortalJson.Attachment(pdfName, Sha256.of(bytes), bytes.length));
      }
      byte[] body = PortalJson.render(json, request, form, pdf, now);
      if (!AtomicFiles.createIfAbsent(target, body)) {
        return already(target);
      }
      return new PlatformAnswer(RequestStatus.SENT, now, Optional.empty(), "written to the portal outbox as " + target.getFileName() + ", waiting for upload");
    } catch (IOException e) {
      throw new GatewayException(what + ": could not write to the portal outbox " + config.outbox() + ": " + e
          + "; check the directory's space and permissions, then send again (nothing is written twice)", e);
    }
  }

  private PlatformAnswer already(Path target) throws IOException {
    Instant written = Files.getLastModifiedTime(target).toInstant();
    return new PlatformAnswer(RequestStatus.SENT, written, Optional.empty(),
        "already in the portal outbox as " + target.getFileName() + " (same idempotency key); nothing written");
  }

  @Override
  public Optional<PlatformAnswer> poll(Request request) throws GatewayException {
    checkPlatform(request);
    Path receipt = config.outbox().resolve(baseName(request) + ".receipt.json");
    String what = request.type() + " " + request.id() + " for " + config.platform() + ": receipt " + receipt.getFileName();
    JsonNode node;
    try {
      long size = Files.size(receipt);
      if (size > MAX_RECEIPT_BYTES) {
        throw new GatewayException(what + " is " + size + " bytes, more than a receipt needs (64 KiB): rewrite it");
      }
      node = json.readTree(Files.readAllBytes(receipt));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new GatewayException(what + " cannot be read: " + e, e);
    } catch (JacksonException e) {
      throw new GatewayException(what + " is not JSON (" + e.getOriginalMessage() + "): rewrite it as {\"status\": ..., \"at\": ...}", e);
    }
    if (node == null || !node.isObject()) {
      throw new GatewayException(what + " is not a JSON object: rewrite it as {\"status\": ..., \"at\": ...}");
    }
    String status = text(node, "status").orElse("");
    Instant at;
    try {
      at = text(node, "at").map(Instant::parse).orElseThrow(() -> new GatewayException(what + " has no \"at\" time: add when the platform answered (ISO-8601, e.g. 2026-03-14T10:02:00Z)"));
    } catch (DateTimeParseException e) {
      throw new GatewayException(what + ": \"at\" is not an ISO-8601 instant such as 2026-03-14T10:02:00Z", e);
    }
    Optional<String> reference = text(node, "platform_reference");
    String reason = text(node, "reason").orElse("no reason given");
    return Optional.of(switch (status) {
      case "acknowledged" -> new PlatformAnswer(RequestStatus.ACKNOWLEDGED, at, reference,
          reference.map(WebhookGateway::referenceDetail).orElse("acknowledged in the platform's portal"));
      case "removed" -> new PlatformAnswer(RequestStatus.REMOVED, at, reference, "removed, as recorded from the platform's portal");
      case "rejected" -> new PlatformAnswer(RequestStatus.REJECTED, at, reference, "rejected in the platform's portal: " + reason);
      default -> throw new GatewayException(what + ": unknown status '" + status + "'; use one of " + List.of("acknowledged", "removed", "rejected"));
    });
  }

  private AnnexIForm checkedForm(String what, Request.RemovalOrder order) throws GatewayException {
    AnnexIForm form = Objects.requireNonNull(forms.apply(order), "the form function returned null");
    List<FieldProblem> problems = AnnexIValidator.problems(form, clock.instant());
    if (!problems.isEmpty()) {
      throw new GatewayException(what + ": the Annex I form is incomplete, so nothing is written: " + problems + "; complete the form and send again");
    }
    if (!form.reference().equals(order.reference()) || !form.content().urls().equals(order.urls())) {
      throw new GatewayException(what + ": the Annex I form (reference " + form.reference() + ") is not this order's (reference "
          + order.reference() + ", or other URLs); attach the order's own form");
    }
    return form;
  }

  private void checkPlatform(Request request) {
    if (!request.platform().equals(config.platform())) {
      throw new IllegalArgumentException("request " + request.id() + " is for " + request.platform() + ", this gateway writes for " + config.platform());
    }
  }

  private void checkOutbox(String what) throws GatewayException {
    if (!Files.isDirectory(config.outbox())) {
      throw new GatewayException(what + ": the portal outbox " + config.outbox() + " is not a directory: create it (the gateway does not, so a typo cannot scatter orders)");
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() && !value.stringValue().isBlank() ? Optional.of(value.stringValue()) : Optional.empty();
  }
}
