package org.cordon.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;
import org.cordon.core.model.Platform;
import org.cordon.referral.gateway.WebhookGateway;
import org.cordon.referral.gateway.email.EmailGateway;
import org.cordon.referral.gateway.portal.PortalGateway;
import org.cordon.referral.order.AnnexIForm;
import org.cordon.referral.order.OrderParticulars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gateways.properties}: one gateway of the configured kind per platform, the Annex I template, and errors that name the key. */
class GatewaysTest {
  @TempDir Path dir;

  static Gateways.Configured parse(String text) throws Exception {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return Gateways.parse("gateways.properties", p, "Range Unit", o -> new OrderParticulars(Instant.now(), "why", "where"), Clock.systemUTC());
  }

  @Test
  void eachPlatformGetsTheGatewayOfItsKind() throws Exception {
    Gateways.Configured c = parse("""
        x.url = https://intake.x.example/
        x.secret = s
        telegram.kind = email
        telegram.smtp.host = smtp.unit.example
        telegram.smtp.port = 465
        telegram.smtp.security = implicit_tls
        telegram.smtp.user = desk
        telegram.smtp.password = pw
        telegram.from = desk@unit.example
        telegram.to = tco@messenger.example
        video.kind = portal
        video.outbox = %s
        """.formatted(dir));
    assertThat(c.gateways().get(Platform.X)).isInstanceOf(WebhookGateway.class);
    assertThat(c.gateways().get(new Platform("telegram"))).isInstanceOf(EmailGateway.class);
    assertThat(c.gateways().get(new Platform("video"))).isInstanceOf(PortalGateway.class);
  }

  @Test
  void anAbsentFileMeansNoGateways() {
    assertThat(Gateways.load(dir.resolve("missing.properties"), "Range Unit", o -> null).gateways()).isEmpty();
  }

  @Test
  void anAddresseeAloneConfiguresOrdersButNoGateway() throws Exception {
    Gateways.Configured c = parse("""
        order.member_state = nl
        order.authority_type = judicial
        x.addressee.provider = Example Microblog Ltd
        x.addressee.contact_point = tco@x.example
        x.addressee.main_establishment = ie
        """);
    assertThat(c.gateways()).isEmpty();
    assertThat(c.orders().addressing(Platform.X)).hasValueSatisfying(a -> {
      assertThat(a.addressee().mainEstablishment()).isEqualTo("IE");
      assertThat(a.addressee().legalRepresentative()).isEmpty();
    });
    assertThat(c.orders().authority().memberState()).isEqualTo("NL");
    assertThat(c.orders().authority().type()).isEqualTo(AnnexIForm.AuthorityType.JUDICIAL);
    assertThat(c.orders().authority().name()).isEqualTo("Range Unit");
  }

  @Test
  void badConfigurationIsRefusedWithTheKeyToFix() {
    assertThatThrownBy(() -> parse("x.kind = carrier_pigeon\n")).hasMessageContaining("x.kind").hasMessageContaining("webhook, email or portal");
    assertThatThrownBy(() -> parse("x.url = https://intake.x.example/\n")).hasMessageContaining("x.secret");
    assertThatThrownBy(() -> parse("x.url = ftp://intake.x.example/\nx.secret = s\n")).hasMessageContaining("x.url");
    assertThatThrownBy(() -> parse("x.urll = https://intake.x.example/\n")).hasMessageContaining("unknown key 'x.urll'");
    assertThatThrownBy(() -> parse("order.member_sate = NL\n")).hasMessageContaining("unknown key 'order.member_sate'");
    assertThatThrownBy(() -> parse("order.authority_type = sheriff\n")).hasMessageContaining("order.authority_type").hasMessageContaining("judicial");
    assertThatThrownBy(() -> parse("""
        t.kind = email
        t.smtp.host = smtp.unit.example
        t.smtp.port = 99999
        t.from = desk@unit.example
        t.to = tco@t.example
        """)).hasMessageContaining("t.smtp.port");
    assertThatThrownBy(() -> parse("""
        t.kind = email
        t.smtp.host = smtp.unit.example
        t.smtp.user = desk
        t.from = desk@unit.example
        t.to = tco@t.example
        """)).hasMessageContaining("t.smtp.password");
    assertThatThrownBy(() -> parse("""
        t.kind = email
        t.smtp.host = smtp.unit.example
        t.smtp.security = maybe
        t.from = desk@unit.example
        t.to = tco@t.example
        """)).hasMessageContaining("t.smtp.security");
    assertThatThrownBy(() -> parse("x.kind = portal\nx.outbox = /tmp/o\nx.url = https://intake.x.example/\n"))
        .as("settings of another kind are a mistake").hasMessageContaining("x.url").hasMessageContaining("portal");
    assertThatThrownBy(() -> parse("x.addressee.provider = Example Microblog Ltd\n"))
        .hasMessageContaining("x.addressee.contact_point").hasMessageContaining("x.addressee.main_establishment");
    assertThatThrownBy(() -> parse("t.kind = email\nt.smtp.host = smtp.unit.example\nt.from = not-an-address\nt.to = tco@t.example\n"))
        .hasMessageContaining("platform 't'");
  }

  @Test
  void aFileThatIsNotPropertiesIsRefusedWithItsName() throws Exception {
    Path file = dir.resolve("gateways.properties");
    Files.writeString(file, "x.url = \\u12\n");
    assertThatThrownBy(() -> Gateways.load(file, "Range Unit", o -> null)).hasMessageContaining(file.toString());
  }
}
