package org.cordon.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.cordon.core.ingest.ParsedRecord;
import org.cordon.core.ingest.SourcePosition;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.PostReference;
import org.cordon.core.signal.Assessment;
import org.cordon.core.signal.Signal;
import org.cordon.core.signal.Tier;

/** Records for tests, about the fictional organisation only. Times have microsecond precision, as PostgreSQL keeps. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

  private Fixtures() {}

  static Post post(Platform platform, String id, String authorId, Instant at) {
    return new Post(PostKey.of(platform, id), AccountKey.of(platform, authorId), at, "placeholder text of post " + id,
        Optional.of("en"), Optional.of("https://example.test/" + id), List.of(), List.of("fictionalgroup"), List.of(), List.of(), List.of());
  }

  /** A post using every field, with text and list items that are awkward to store. */
  static Post richPost(Platform platform, String id) {
    return new Post(PostKey.of(platform, id), AccountKey.of(platform, "author-" + id), T0,
        "placeholder \u0000 with NUL, RTL \u202Eevil\u202C, zero\u200Bwidth, emoji \uD83D\uDE00, lone \uD800 surrogate, \"quotes\" {braces}",
        Optional.of("ar"), Optional.of("https://example.test/p/" + id),
        List.of(MediaKey.of(platform, "m1-" + id), MediaKey.of(platform, "m2-" + id)),
        List.of("tag\"with\"quotes", "back\\slash", "{brace}", "comma,tag", "NULL", "", "وسم"),
        List.of("someone", "other_one"),
        List.of("https://example.test/a?b=1&c={2}"),
        List.of(new PostReference(PostReference.Kind.REPLY_TO, PostKey.of(platform, "parent-" + id)),
            new PostReference(PostReference.Kind.QUOTE_OF, PostKey.of(platform, "quoted-" + id))));
  }

  static Account richAccount(Platform platform, String id) {
    return new Account(AccountKey.of(platform, id), "handle_" + id, Optional.of("Display ‮name"), Optional.of("bio of the fictional outlet"),
        Optional.of(T0.minusSeconds(86_400)), OptionalLong.of(1234), OptionalLong.of(0), Optional.of("https://example.test/avatar.png"),
        Optional.empty(), List.of("https://example.test/link", "x\"y"));
  }

  static Media media(Platform platform, String id) {
    return new Media(MediaKey.of(platform, id), Media.Kind.IMAGE, Optional.of("https://example.test/" + id + ".jpg"), Optional.empty(),
        OptionalInt.of(640), OptionalInt.empty());
  }

  static ParsedRecord record(String file, long index, Observed... items) {
    return new ParsedRecord(new SourcePosition(file, index, index * 100), ("{\"record\":" + index + ",\"file\":\"" + file + "\"}").getBytes(StandardCharsets.UTF_8),
        List.of(items));
  }

  static Assessment assessment(org.cordon.core.model.Subject subject, double score, Instant at) {
    Signal signal = new Signal(subject, "lexicon", 0.8, Optional.of(Tier.OFFICIAL_PROPAGANDA), "term 'fictional slogan' of list 'demo'",
        Map.of("list", "demo", "term", "fictional slogan"));
    Signal weak = new Signal(subject, "media-hash", 0.3, Optional.empty(), "near match", Map.of());
    return new Assessment(subject, score, true, Optional.of(Tier.OFFICIAL_PROPAGANDA), List.of(signal, weak), "lexicon hit on a fictional slogan", at);
  }
}
