package org.cordon.detect.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownUrlDetectorTest {
  final UrlCanonicalizer canonicalizer = new UrlCanonicalizer(UrlRules.defaults());
  @TempDir Path dir;

  static PostContext post(String... links) {
    Post p = new Post(PostKey.of(Platform.X, "1"), AccountKey.of(Platform.X, "9"), Instant.parse("2026-01-01T00:00:00Z"), "see link",
        Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), List.of(links), List.of());
    return new PostContext(p, Optional.empty(), List.of());
  }

  UrlList list(String body) throws Exception {
    Path file = dir.resolve("urls.csv");
    Files.writeString(file, "url,label,tier\n" + body);
    return UrlList.load("known-urls", file, canonicalizer);
  }

  @Test
  void aListedPageMatchesHoweverTheLinkIsSpelled() throws Exception {
    KnownUrlDetector detector = new KnownUrlDetector(List.of(list("https://paste.example/rel-1,release 1,official_propaganda\n")), canonicalizer);

    List<Signal> signals = detector.detect(post("HTTP://WWW.Paste.Example:80/rel-1?utm_source=feed#top"));

    assertThat(signals).singleElement().satisfies(s -> {
      assertThat(s.strength()).isEqualTo(KnownUrlDetector.PAGE_STRENGTH);
      assertThat(s.tier()).contains(Tier.OFFICIAL_PROPAGANDA);
      assertThat(s.evidence()).containsEntry("entry", "release 1").containsEntry("entry_line", "2").containsEntry("match", "page")
          .containsEntry("canonical", "https://paste.example/rel-1");
    });
    assertThat(detector.detect(post("https://paste.example/rel-2"))).isEmpty();
  }

  @Test
  void aLinkSeenBeforeGivesTheSameSignalsAsTheFirstTimeAndAFullCacheStartsAgain() throws Exception {
    KnownUrlDetector detector = new KnownUrlDetector(List.of(list("https://paste.example/rel-1,release 1,official_propaganda\n")), canonicalizer);
    String link = "HTTP://WWW.Paste.Example:80/rel-1?utm_source=feed#top";
    List<Signal> first = detector.detect(post(link));
    assertThat(first).hasSize(1);
    assertThat(detector.detect(post(new String(link)))).isEqualTo(first);
    for (int i = 0; i <= KnownUrlDetector.CACHED_LINKS; i++) {
      assertThat(detector.detect(post("https://other.example/" + i))).isEmpty();
    }
    assertThat(detector.detect(post(link))).isEqualTo(first);
    assertThat(detector.detect(post("https://paste.example/rel-2"))).isEmpty();
  }

  @Test
  void aListedHostMatchesEveryPageOnItAndItsSubdomains() throws Exception {
    KnownUrlDetector detector = new KnownUrlDetector(List.of(list("host:files.example,file host,promotional\n")), canonicalizer);

    assertThat(detector.detect(post("https://dl.files.example/d/abc.zip"))).singleElement()
        .satisfies(s -> assertThat(s.evidence()).containsEntry("match", "host"));
    assertThat(detector.detect(post("https://notfiles.example/x"))).isEmpty();
    assertThat(detector.detect(post("javascript:alert(1)"))).as("unparseable links are skipped").isEmpty();
  }

  @Test
  void badRowsAreAllReportedWithTheirLines() throws Exception {
    assertThatThrownBy(() -> list("ftp://x.example/a,l,promotional\nhttps://ok.example/,,promotional\nhttps://ok.example/b,l,severe\nonly,two\n"))
        .isInstanceOfSatisfying(UrlListException.class, e -> assertThat(e.problems()).hasSize(4)
            .anySatisfy(p -> assertThat(p).startsWith("line 2"))
            .anySatisfy(p -> assertThat(p).startsWith("line 5")));
    Path noHeader = dir.resolve("bad.csv");
    Files.writeString(noHeader, "https://x.example/,l,promotional\n");
    assertThatThrownBy(() -> UrlList.load("bad", noHeader, canonicalizer)).hasMessageContaining("header");
  }

  @Test
  void spellingsOfOneEntryAreCountedAsDuplicates() throws Exception {
    UrlList l = list("https://paste.example/a,one,promotional\nhttp://www.paste.example/a#x,two,promotional\n");
    assertThat(l.entries()).hasSize(1);
    assertThat(l.duplicatesSkipped()).isEqualTo(1);
  }
}
