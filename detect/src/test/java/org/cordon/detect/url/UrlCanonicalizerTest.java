package org.cordon.detect.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {
  final UrlCanonicalizer canonicalizer = new UrlCanonicalizer(UrlRules.defaults());

  String canonical(String url) {
    return switch (canonicalizer.canonicalize(url)) {
      case UrlCanonicalizer.Result.Canonical c -> c.url().value();
      case UrlCanonicalizer.Result.Rejected r -> "REJECTED: " + r.reason();
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://paste.example/abc",
      "HTTPS://PASTE.EXAMPLE/abc",
      "http://paste.example/abc",
      "https://paste.example./abc",
      "https://www.paste.example/abc",
      "https://paste.example:443/abc",
      "http://paste.example:80/abc",
      "https://user:secret@paste.example/abc",
      "https://paste.example/abc#comments",
      "https://paste.example/x/../abc",
      "https://paste.example/./abc",
      "https://paste.example/%61%62%63",
      "https://paste.example/abc?utm_source=x&utm_campaign=y&fbclid=123",
      "paste.example/abc",
      "//paste.example/abc",
      "https://%70aste.example/abc",
  })
  void everySpellingOfOnePageHasOneCanonicalForm(String spelling) {
    assertThat(canonical(spelling)).isEqualTo("https://paste.example/abc");
  }

  @Test
  void keepsWhatNamesADifferentPage() {
    assertThat(canonical("https://paste.example/abc?id=2&a=1")).isEqualTo("https://paste.example/abc?a=1&id=2");
    assertThat(canonical("https://paste.example/ABC")).isEqualTo("https://paste.example/ABC");
    assertThat(canonical("https://paste.example:8443/abc")).isEqualTo("https://paste.example:8443/abc");
    assertThat(canonical("https://paste.example/a%2Fb")).as("an encoded slash is not a slash").isEqualTo("https://paste.example/a%2Fb");
    assertThat(canonical("https://paste.example/a%2fb")).isEqualTo("https://paste.example/a%2Fb");
    assertThat(canonical("https://paste.example/q?x=a+b")).isEqualTo("https://paste.example/q?x=a+b");
  }

  @Test
  void mirrorsAndMobileHostsNameTheSiteTheyMirror() {
    assertThat(canonical("https://mobile.twitter.com/someone/status/1")).isEqualTo("https://x.com/someone/status/1");
    assertThat(canonical("https://telegram.me/channel/5")).isEqualTo("https://t.me/channel/5");
    assertThat(canonicalizer.canonicalize("https://bit.ly/3xyz")).isInstanceOfSatisfying(UrlCanonicalizer.Result.Canonical.class,
        c -> assertThat(c.url().shortLink()).isTrue());
  }

  @Test
  void internationalHostsBecomePunycodeAndPathsUtf8Escapes() {
    assertThat(canonical("https://bücher.example/straße")).isEqualTo("https://xn--bcher-kva.example/stra%C3%9Fe");
    assertThat(canonical("https://مثال.example/")).startsWith("https://xn--");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "javascript:alert(1)", "ftp://files.example/x", "mailto:someone@example.org", "https://", "https:///path",
      "https://exa mple.com/", "https://example.com/\u200Bx", "https://exa\u202Emple.com/", "https://example.com:99999/",
      "https://example.com:80a/", "https://-bad-.example/", "https://[::1/", "https://exa_mple.com/", " ",
  })
  void rejectsWhatIsAmbiguousOrNotAWebUrlWithAReason(String hostile) {
    assertThat(canonicalizer.canonicalize(hostile)).isInstanceOfSatisfying(UrlCanonicalizer.Result.Rejected.class,
        r -> assertThat(r.reason()).isNotBlank());
  }

  @Test
  void aDeploymentExtendsTheRulesFromAFile() {
    java.util.Properties file = new java.util.Properties();
    file.setProperty("tracking", "campaign_id, src*");
    file.setProperty("alias.mirror.example", "paste.example");
    file.setProperty("short_links", "lnk.example");
    UrlCanonicalizer extended = new UrlCanonicalizer(UrlRules.defaultsWith(file));
    assertThat(extended.canonicalize("https://mirror.example/abc?campaign_id=1&srcx=2&utm_medium=3"))
        .isInstanceOfSatisfying(UrlCanonicalizer.Result.Canonical.class, c -> assertThat(c.url().value()).isEqualTo("https://paste.example/abc"));
    assertThat(extended.canonicalize("https://lnk.example/x")).isInstanceOfSatisfying(UrlCanonicalizer.Result.Canonical.class,
        c -> assertThat(c.url().shortLink()).isTrue());
    java.util.Properties typo = new java.util.Properties();
    typo.setProperty("trackng", "x");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> UrlRules.defaultsWith(typo)).hasMessageContaining("trackng");
  }

  @Test
  void rejectsHugeUrlsWithoutWorkingOnThem() {
    String huge = "https://example.com/" + "a".repeat(UrlCanonicalizer.MAX_LENGTH);
    assertThat(canonical(huge)).startsWith("REJECTED: longer than");
  }

  @Test
  void canonicalFormIsAFixedPoint() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(20261123L);
    String alphabet = "abcXYZ019-._~%2F/?&=#+:@!$'()*,;é中";
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder("https://host.example/");
      int n = random.nextInt(30);
      for (int j = 0; j < n; j++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (canonicalizer.canonicalize(b.toString()) instanceof UrlCanonicalizer.Result.Canonical c) {
        assertThat(canonical(c.url().value())).as("seed 20261123, input %s", b).isEqualTo(c.url().value());
      }
    }
  }
}
