package org.cordon.range.world;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;

/** Writes the ground truth under truth/ as JSON lines (schema in docs/range.md). */
final class TruthWriter implements AutoCloseable {
  private final Population people;
  private final LineFile posts;

  TruthWriter(Path dir, Population people) {
    this.people = people;
    this.posts = new LineFile(dir, "truth/posts.jsonl");
  }

  void post(Post post) {
    posts.append(Json.bytes(g -> {
      g.writeStartObject();
      g.writeStringProperty("platform", post.site().platform);
      g.writeStringProperty("post_id", post.postId());
      g.writeStringProperty("account_id", people.accountId(post.account()));
      g.writeStringProperty("person_id", personId(people.accountPerson[post.account()]));
      g.writeStringProperty("url", post.url());
      g.writeStringProperty("posted_at", Json.iso(post.atMs()));
      g.writeStringProperty("kind", post.kind().name().toLowerCase(java.util.Locale.ROOT));
      g.writeStringProperty("language", post.lang().code);
      g.writeStringProperty("label", post.truth().extremist() ? "extremist" : "benign");
      Json.optionalString(g, "tier", post.truth().tier().map(t -> t.wireName));
      Json.optionalString(g, "release_id", post.truth().releaseId());
      g.writeBooleanProperty("hard_negative", post.truth().hardNegative());
      Json.optionalString(g, "outreach_id", post.truth().outreachId());
      Json.optionalString(g, "references_post_id", post.referenced().map(Post::postId));
      g.writeName("media");
      g.writeStartArray();
      for (MediaRef m : post.media()) {
        media(g, m);
      }
      g.writeEndArray();
      Optional<StatementRef> statement = post.truth().statement();
      Json.optionalString(g, "statement_id", statement.flatMap(StatementRef::statementId));
      Json.optionalString(g, "statement_variant", statement.map(s -> s.variant().wireName));
      Json.optionalString(g, "statement_part", statement.flatMap(StatementRef::partLabel));
      g.writeEndObject();
    }));
  }

  static void media(JsonGenerator g, MediaRef m) {
    g.writeStartObject();
    g.writeStringProperty("media_id", m.mediaId());
    g.writeStringProperty("path", m.path());
    g.writeStringProperty("canonical_media_id", m.canonicalMediaId());
    g.writeName("transforms");
    g.writeStartArray();
    for (String name : m.transforms()) {
      g.writeString(name);
    }
    g.writeEndArray();
    g.writeNumberProperty("stated_max_distance", m.statedMaxDistance());
    g.writeBooleanProperty("expected_to_match", m.expectedToMatch());
    g.writeBooleanProperty("thumbnail", m.thumbnail());
    g.writeEndObject();
  }

  static String personId(int person) {
    return "person-" + person;
  }

  /** accounts.jsonl and lineage.jsonl, persons.jsonl: all known once the population is planned. */
  static void population(Path dir, Population people) {
    try (LineFile accounts = new LineFile(dir, "truth/accounts.jsonl");
        LineFile lineage = new LineFile(dir, "truth/lineage.jsonl");
        LineFile persons = new LineFile(dir, "truth/persons.jsonl")) {
      for (int a = 0; a < people.accountCount; a++) {
        int account = a;
        int predecessor = people.predecessor(a);
        accounts.append(Json.bytes(g -> {
          g.writeStartObject();
          g.writeStringProperty("platform", people.site(account).platform);
          g.writeStringProperty("account_id", people.accountId(account));
          g.writeStringProperty("handle", people.handle(account));
          g.writeStringProperty("display_name", people.displayName(account));
          g.writeStringProperty("person_id", personId(people.accountPerson[account]));
          g.writeStringProperty("role", people.role(account).wireName);
          g.writeStringProperty("language", people.lang(account).code);
          g.writeStringProperty("created_at", Json.iso(people.createdMs[account]));
          Json.optionalString(g, "suspended_at", people.suspendedMs[account] == Population.NEVER
              ? Optional.empty() : Optional.of(Json.iso(people.suspendedMs[account])));
          Json.optionalString(g, "predecessor_account_id",
              predecessor < 0 ? Optional.empty() : Optional.of(people.accountId(predecessor)));
          g.writeNumberProperty("generation", people.generation[account]);
          g.writeStringProperty("profile_url", people.profileUrl(account));
          g.writeBooleanProperty("telegram_channel", people.isChannel(account));
          g.writeNumberProperty("followers_count", people.followersCount[account]);
          g.writeStringProperty("avatar_id", people.avatarId(account));
          g.writeEndObject();
        }));
        if (predecessor >= 0) {
          lineage.append(Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringProperty("platform", people.site(account).platform);
            g.writeStringProperty("account_id", people.accountId(account));
            g.writeStringProperty("predecessor_account_id", people.accountId(predecessor));
            g.writeStringProperty("person_id", personId(people.accountPerson[account]));
            g.writeStringProperty("predecessor_suspended_at", Json.iso(people.suspendedMs[predecessor]));
            g.writeStringProperty("created_at", Json.iso(people.createdMs[account]));
            g.writeNumberProperty("return_delay_seconds",
                (people.createdMs[account] - people.suspendedMs[predecessor]) / 1000);
            g.writeStringProperty("predecessor_handle", people.handle(predecessor));
            g.writeStringProperty("handle", people.handle(account));
            g.writeStringProperty("handle_change", people.handleChange(account));
            g.writeBooleanProperty("avatar_edited", !people.avatarId(account).equals(people.avatarId(predecessor)));
            g.writeBooleanProperty("refollows_core", true);
            g.writeEndObject();
          }));
        }
      }
      for (int p = 0; p < people.personCount; p++) {
        int person = p;
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < Site.COUNT; s++) {
          int first = people.chainFirst[p * Site.COUNT + s];
          for (int a = first; first >= 0 && a < first + people.chainLength[p * Site.COUNT + s]; a++) {
            ids.add(people.accountId(a));
          }
        }
        persons.append(Json.bytes(g -> {
          g.writeStartObject();
          g.writeStringProperty("person_id", personId(person));
          g.writeStringProperty("role", people.personRole(person).wireName);
          g.writeBooleanProperty("target", people.personRole(person).target);
          g.writeStringProperty("language", Lang.ALL[people.personLang[person]].code);
          if (people.personRole(person) == Role.OFFICIAL_OUTLET) {
            g.writeStringProperty("outlet", Organisation.outlet(person).en());
          }
          g.writeName("account_ids");
          g.writeStartArray();
          for (String id : ids) {
            g.writeString(id);
          }
          g.writeEndArray();
          g.writeEndObject();
        }));
      }
    }
  }

  @Override
  public void close() {
    posts.close();
  }
}
