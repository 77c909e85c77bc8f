package org.cordon.app.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.cordon.core.model.Platform;
import org.cordon.core.request.PlatformGateway;
import org.cordon.core.request.Request;
import org.cordon.referral.gateway.WebhookConfig;
import org.cordon.referral.gateway.WebhookGateway;
import org.cordon.referral.gateway.email.EmailConfig;
import org.cordon.referral.gateway.email.EmailGateway;
import org.cordon.referral.gateway.portal.PortalConfig;
import org.cordon.referral.gateway.portal.PortalGateway;
import org.cordon.referral.order.AnnexIForm;
import org.cordon.referral.order.OrderParticulars;
import org.cordon.referral.order.OrderTemplate;

/**
 * Builds each platform's gateway, and the Annex I form of its removal orders, from {@code
 * gateways.properties}. Every key not under {@code order.} is {@code PLATFORM.setting}:
 *
 * <pre>
 * x.kind = webhook                      # webhook (default) | email | portal
 * x.url = https://intake.x.example/     # webhook: base URI of the platform's request endpoint
 * x.secret = ...                        # webhook: the shared HMAC secret
 *
 * telegram.kind = email
 * telegram.smtp.host = smtp.unit.example
 * telegram.smtp.port = 587
 * telegram.smtp.security = starttls_required   # none | starttls_if_offered (default) | starttls_required | implicit_tls
 * telegram.smtp.user = ...              # with smtp.password; both or neither
 * telegram.from = desk@unit.example
 * telegram.to = tco@telegram.example
 * telegram.message_id_domain = unit.example   # default: the domain of 'from'
 *
 * video.kind = portal
 * video.outbox = /srv/cordon/outbox/video
 *
 * # the addressee of a platform's removal orders (Annex I, section A); without it, it gets none
 * x.addressee.provider = Example Microblog Ltd
 * x.addressee.legal_representative = Example Legal Rep B.V.   # optional
 * x.addressee.contact_point = tco@x.example
 * x.addressee.main_establishment = IE
 * x.addressee.copy_to = ...             # the competent authority of that State, when it is not ours (Art. 4)
 *
 * # the unit as issuing authority (sections A, C, E, F, G); the name is the desk's (DeskPolicy)
 * order.member_state = NL
 * order.authority_type = law_enforcement   # judicial | law_enforcement | other_competent_authority
 * order.representative_name / order.representative_post / order.file_number
 * order.address / order.phone / order.email
 * order.follow_up.name / order.follow_up.email / order.follow_up.phone
 * order.redress.competent_body / order.redress.deadline / order.redress.national_provisions
 * order.signatory / order.signatory_post
 * order.authentication = authenticated_channel   # or qualified_electronic_signature, ...
 * </pre>
 *
 * A platform without an entry has no gateway: its requests wait, PENDING, until one is configured.
 * An unknown key, kind or value is an error naming the key, at start-up; a removal order whose form
 * the configuration leaves incomplete is refused by its gateway with every missing field named.
 */
public final class Gateways {
  static final String ORDER = "order";
  private static final Set<String> KINDS = Set.of("webhook", "email", "portal");
  private static final Set<String> PLATFORM_KEYS = Set.of("kind", "url", "secret", "smtp.host", "smtp.port", "smtp.security", "smtp.user",
      "smtp.password", "from", "to", "message_id_domain", "outbox", "addressee.provider", "addressee.legal_representative",
      "addressee.contact_point", "addressee.main_establishment", "addressee.copy_to");
  private static final Set<String> ORDER_KEYS = Set.of("member_state", "authority_type", "representative_name", "representative_post",
      "file_number", "address", "phone", "email", "follow_up.name", "follow_up.email", "follow_up.phone", "redress.competent_body",
      "redress.deadline", "redress.national_provisions", "signatory", "signatory_post", "authentication");

  private Gateways() {}

  /** What a gateways file configures: a gateway per platform and the template of removal orders. */
  public record Configured(Map<Platform, PlatformGateway> gateways, OrderTemplate orders) {
    public Configured {
      gateways = Map.copyOf(gateways);
      java.util.Objects.requireNonNull(orders, "orders");
    }
  }

  /**
   * Reads the file (absent: no gateways).
   *
   * @param issuingAuthority the name removal orders are issued under (the desk policy's)
   * @param particulars what each removal order's form takes from its decisions (the desk's {@code Decisions.orderParticulars})
   */
  public static Configured load(Path file, String issuingAuthority, Function<Request.RemovalOrder, OrderParticulars> particulars) {
    Properties p = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": not a properties file (" + e.getMessage() + ")", e);
      }
    }
    return parse(file.toString(), p, issuingAuthority, particulars, Clock.systemUTC());
  }

  static Configured parse(String source, Properties p, String issuingAuthority, Function<Request.RemovalOrder, OrderParticulars> particulars,
      Clock clock) {
    Map<String, Map<String, String>> byPlatform = new TreeMap<>();
    Map<String, String> order = new HashMap<>();
    for (String key : new TreeSet<>(p.stringPropertyNames())) {
      int dot = key.indexOf('.');
      if (dot <= 0 || dot == key.length() - 1) {
        throw new IllegalArgumentException(source + ": key '" + key + "' is not PLATFORM.setting or order.setting");
      }
      String owner = key.substring(0, dot);
      String setting = key.substring(dot + 1);
      String value = p.getProperty(key).strip();
      if (owner.equals(ORDER)) {
        if (!ORDER_KEYS.contains(setting)) {
          throw new IllegalArgumentException(source + ": unknown key '" + key + "'; known under order.: " + new TreeSet<>(ORDER_KEYS));
        }
        order.put(setting, value);
      } else {
        if (!PLATFORM_KEYS.contains(setting)) {
          throw new IllegalArgumentException(source + ": unknown key '" + key + "'; known per platform: " + new TreeSet<>(PLATFORM_KEYS));
        }
        new Platform(owner); // checks the name
        byPlatform.computeIfAbsent(owner, k -> new HashMap<>()).put(setting, value);
      }
    }
    Map<Platform, OrderTemplate.Addressing> addressees = new HashMap<>();
    byPlatform.forEach((name, settings) -> addressing(source, name, settings).ifPresent(a -> addressees.put(new Platform(name), a)));
    OrderTemplate template = template(source, order, issuingAuthority, addressees);
    Function<Request.RemovalOrder, AnnexIForm> forms = o -> template.fill(o, particulars.apply(o));
    Map<Platform, PlatformGateway> gateways = new HashMap<>();
    byPlatform.forEach((name, settings) -> {
      boolean onlyAddressee = settings.keySet().stream().allMatch(k -> k.startsWith("addressee."));
      if (!onlyAddressee) {
        Platform platform = new Platform(name);
        gateways.put(platform, gateway(source, platform, settings, forms, clock));
      }
    });
    return new Configured(gateways, template);
  }

  /** A signed-JSON webhook gateway with the default retry policy; removal orders carry only their core fields. */
  public static PlatformGateway webhook(Platform platform, URI base, String secret) {
    return WebhookGateway.create(WebhookConfig.of(platform, base, secret));
  }

  private static PlatformGateway gateway(String source, Platform platform, Map<String, String> s, Function<Request.RemovalOrder, AnnexIForm> forms,
      Clock clock) {
    String name = platform.name();
    String kind = s.getOrDefault("kind", "webhook").toLowerCase(Locale.ROOT);
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException(source + ": " + name + ".kind is webhook, email or portal, not '" + kind + "'");
    }
    try {
      return switch (kind) {
        case "webhook" -> {
          only(source, name, kind, s, "kind", "url", "secret");
          URI url = uri(source, name + ".url", require(source, name, "url", s));
          String secret = require(source, name, "secret", s);
          yield WebhookGateway.create(WebhookConfig.of(platform, url, secret), forms);
        }
        case "email" -> {
          only(source, name, kind, s, "kind", "smtp.host", "smtp.port", "smtp.security", "smtp.user", "smtp.password", "from", "to", "message_id_domain");
          String from = require(source, name, "from", s);
          String domain = s.getOrDefault("message_id_domain", from.substring(from.indexOf('@') + 1));
          EmailConfig config = EmailConfig.of(platform, require(source, name, "smtp.host", s), port(source, name, s), from,
              require(source, name, "to", s), domain).withSecurity(security(source, name, s));
          boolean user = s.containsKey("smtp.user");
          if (user != s.containsKey("smtp.password")) {
            throw new IllegalArgumentException(source + ": " + name + ".smtp.user and " + name + ".smtp.password go together: give both or neither");
          }
          if (user) {
            config = config.withCredentials(s.get("smtp.user"), s.get("smtp.password"));
          }
          yield new EmailGateway(config, forms, clock, Thread::sleep, RandomGenerator.getDefault());
        }
        case "portal" -> {
          only(source, name, kind, s, "kind", "outbox");
          Path outbox = Path.of(require(source, name, "outbox", s));
          yield new PortalGateway(new PortalConfig(platform, outbox), forms, clock);
        }
        default -> throw new IllegalStateException("unreachable: " + kind);
      };
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(source)) {
        throw e;
      }
      throw new IllegalArgumentException(source + ": platform '" + name + "' (" + kind + "): " + e.getMessage(), e);
    }
  }

  /** Settings of another kind are a mistake worth stopping for (a webhook with an SMTP host was meant to be e-mail). */
  private static void only(String source, String name, String kind, Map<String, String> s, String... allowed) {
    Set<String> known = Set.of(allowed);
    List<String> foreign = new ArrayList<>();
    for (String key : new TreeSet<>(s.keySet())) {
      if (!known.contains(key) && !key.startsWith("addressee.")) {
        foreign.add(name + "." + key);
      }
    }
    if (!foreign.isEmpty()) {
      throw new IllegalArgumentException(source + ": " + foreign + " do not apply to a " + kind + " gateway; remove them or change " + name + ".kind");
    }
  }

  private static String require(String source, String name, String setting, Map<String, String> s) {
    String value = s.get(setting);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(source + ": platform '" + name + "' needs " + name + "." + setting);
    }
    return value;
  }

  private static URI uri(String source, String key, String value) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException(source + ": " + key + " is an http(s) URL with a host, not '" + value + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(source + ": " + key + " is not a URL: " + e.getMessage(), e);
    }
  }

  private static int port(String source, String name, Map<String, String> s) {
    String value = s.getOrDefault("smtp.port", "587");
    try {
      int port = Integer.parseInt(value);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(source + ": " + name + ".smtp.port is a port number 1-65535, not '" + value + "'");
    }
  }

  private static EmailConfig.Security security(String source, String name, Map<String, String> s) {
    String value = s.getOrDefault("smtp.security", "starttls_if_offered");
    try {
      return EmailConfig.Security.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + name + ".smtp.security is none, starttls_if_offered, starttls_required or implicit_tls, not '"
          + value + "'");
    }
  }

  private static Optional<OrderTemplate.Addressing> addressing(String source, String name, Map<String, String> s) {
    List<String> required = List.of("addressee.provider", "addressee.contact_point", "addressee.main_establishment");
    boolean any = s.keySet().stream().anyMatch(k -> k.startsWith("addressee."));
    if (!any) {
      return Optional.empty();
    }
    List<String> missing = required.stream().filter(k -> s.getOrDefault(k, "").isBlank()).map(k -> name + "." + k).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(source + ": the Annex I addressee of platform '" + name + "' needs " + missing);
    }
    return Optional.of(new OrderTemplate.Addressing(
        new AnnexIForm.Addressee(s.get("addressee.provider"), Optional.ofNullable(s.get("addressee.legal_representative")).filter(v -> !v.isBlank()),
            s.get("addressee.contact_point"), s.get("addressee.main_establishment").toUpperCase(Locale.ROOT)),
        new AnnexIForm.CrossBorder(Optional.ofNullable(s.get("addressee.copy_to")).filter(v -> !v.isBlank()))));
  }

  /**
   * The unit's part of every order. Missing values stay blank so that the gateway's validation
   * names each of them when an order would go out; a unit that sends only referrals need not fill
   * them in. Values that cannot be right (an unknown authority type) are refused now.
   */
  private static OrderTemplate template(String source, Map<String, String> o, String issuingAuthority,
      Map<Platform, OrderTemplate.Addressing> addressees) {
    AnnexIForm.AuthorityType type = parse(source, "order.authority_type", o.getOrDefault("authority_type", "law_enforcement"), AnnexIForm.AuthorityType.class);
    AnnexIForm.AuthenticationMethod method = parse(source, "order.authentication", o.getOrDefault("authentication", "authenticated_channel"),
        AnnexIForm.AuthenticationMethod.class);
    AnnexIForm.IssuingAuthority authority = new AnnexIForm.IssuingAuthority(o.getOrDefault("member_state", "").toUpperCase(Locale.ROOT), type,
        issuingAuthority, o.getOrDefault("representative_name", ""), o.getOrDefault("representative_post", ""), o.getOrDefault("file_number", ""),
        o.getOrDefault("address", ""), o.getOrDefault("phone", ""), o.getOrDefault("email", ""));
    return new OrderTemplate(authority,
        new AnnexIForm.FollowUp(o.getOrDefault("follow_up.name", ""), o.getOrDefault("follow_up.email", ""), o.getOrDefault("follow_up.phone", "")),
        new AnnexIForm.Redress(o.getOrDefault("redress.competent_body", ""), o.getOrDefault("redress.deadline", ""),
            o.getOrDefault("redress.national_provisions", "")),
        o.getOrDefault("signatory", ""), o.getOrDefault("signatory_post", ""), method, new AnnexIForm.ContentProviderNotice.Inform(), addressees);
  }

  private static <E extends Enum<E>> E parse(String source, String key, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + key + " is one of " + java.util.Arrays.stream(type.getEnumConstants())
          .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", not '" + value + "'");
    }
  }
}
