package org.cordon.range.world;

import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/** Writes fediverse posts as Mastodon REST API statuses (arrays, one file per hour). */
final class MastodonWriter {
  private static final String HOST = "social.range.invalid";

  private final Population people;
  private final HourlyDocuments documents;

  MastodonWriter(Path dir, Population people, ReplayIndex replay, List<Manifest.Entry> files) {
    this.people = people;
    this.documents = new HourlyDocuments(dir, "mastodon", "mastodon", "mastodon", replay, files,
        relative -> new byte[] {'[', ']'});
  }

  void startDay(long dayStartMs) {
    documents.startDay(dayStartMs);
  }

  void endDay() {
    documents.endDay();
  }

  void write(Post post) {
    documents.add(post.atMs(), Json.bytes(g -> status(g, post, true)));
  }

  static String statusUrl(String handle, long id) {
    return "https://" + HOST + "/@" + handle + "/" + id;
  }

  private void status(JsonGenerator g, Post post, boolean top) {
    String handle = people.handle(post.account());
    boolean reblog = post.kind() == Post.Kind.REPOST && post.referenced().isPresent() && top;
    g.writeStartObject();
    g.writeStringProperty("id", Long.toString(post.number()));
    g.writeStringProperty("created_at", Json.iso(post.atMs()));
    boolean reply = post.kind() == Post.Kind.REPLY && post.referenced().isPresent();
    if (reply) {
      g.writeStringProperty("in_reply_to_id", Long.toString(post.referenced().get().number()));
      g.writeStringProperty("in_reply_to_account_id",
          Long.toString(people.mastodonNumericId(post.referenced().get().account())));
    } else {
      g.writeNullProperty("in_reply_to_id");
      g.writeNullProperty("in_reply_to_account_id");
    }
    g.writeBooleanProperty("sensitive", post.truth().tier().isPresent());
    g.writeStringProperty("spoiler_text", "");
    g.writeStringProperty("visibility", "public");
    g.writeStringProperty("language", post.lang().code);
    g.writeStringProperty("uri", "https://" + HOST + "/users/" + handle + "/statuses/" + post.number());
    g.writeStringProperty("url", statusUrl(handle, post.number()));
    g.writeNumberProperty("replies_count", 0);
    g.writeNumberProperty("reblogs_count", 0);
    g.writeNumberProperty("favourites_count", 0);
    g.writeStringProperty("content", reblog ? "" : html(post.text()));
    g.writeName("reblog");
    if (reblog) {
      status(g, post.referenced().get(), false);
    } else {
      g.writeNull();
    }
    g.writeName("account");
    account(g, post.account());
    g.writeName("media_attachments");
    g.writeStartArray();
    if (!reblog) {
      for (MediaRef m : post.media()) {
        g.writeStartObject();
        g.writeStringProperty("id", Long.toString(m.numericId()));
        g.writeStringProperty("type", "image");
        g.writeStringProperty("url", Manifest.MEDIA_URL_PREFIX + m.path());
        g.writeStringProperty("preview_url", Manifest.MEDIA_URL_PREFIX + m.path());
        g.writeNullProperty("remote_url");
        g.writeNullProperty("description");
        g.writeNullProperty("blurhash");
        g.writeName("meta");
        g.writeStartObject();
        g.writeName("original");
        g.writeStartObject();
        g.writeNumberProperty("width", m.width());
        g.writeNumberProperty("height", m.height());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeName("mentions");
    g.writeStartArray();
    if (!reblog) {
      for (Text.Entity entity : post.text().entities()) {
        if (entity instanceof Text.Mention m) {
          g.writeStartObject();
          g.writeStringProperty("id", Long.toString(people.mastodonNumericId(m.account())));
          g.writeStringProperty("username", m.handle());
          g.writeStringProperty("url", "https://" + HOST + "/@" + m.handle());
          g.writeStringProperty("acct", m.handle());
          g.writeEndObject();
        }
      }
    }
    g.writeEndArray();
    g.writeName("tags");
    g.writeStartArray();
    if (!reblog) {
      for (String tag : post.text().hashtags()) {
        g.writeStartObject();
        g.writeStringProperty("name", tag);
        g.writeStringProperty("url", "https://" + HOST + "/tags/" + tag);
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeName("emojis");
    g.writeStartArray();
    g.writeEndArray();
    g.writeNullProperty("card");
    g.writeNullProperty("poll");
    g.writeEndObject();
  }

  private void account(JsonGenerator g, int account) {
    String handle = people.handle(account);
    g.writeStartObject();
    g.writeStringProperty("id", Long.toString(people.mastodonNumericId(account)));
    g.writeStringProperty("username", handle);
    g.writeStringProperty("acct", handle);
    g.writeStringProperty("display_name", people.displayName(account));
    g.writeBooleanProperty("locked", false);
    g.writeBooleanProperty("bot", people.role(account) == Role.BOT);
    g.writeStringProperty("created_at", Json.iso(people.createdMs[account]));
    g.writeStringProperty("note", "<p>" + escape(people.bio(account)) + "</p>");
    g.writeStringProperty("url", people.profileUrl(account));
    g.writeStringProperty("avatar", Manifest.MEDIA_URL_PREFIX + people.avatarPath(account));
    g.writeStringProperty("avatar_static", Manifest.MEDIA_URL_PREFIX + people.avatarPath(account));
    g.writeStringProperty("header", "");
    g.writeNumberProperty("followers_count", people.followersCount[account]);
    g.writeNumberProperty("following_count", people.followingCount(account));
    g.writeNumberProperty("statuses_count", 10 + people.followersCount[account] % 3000);
    g.writeName("fields");
    g.writeStartArray();
    for (String link : people.personaLinks(account)) {
      g.writeStartObject();
      g.writeStringProperty("name", "elsewhere");
      g.writeStringProperty("value", "<a href=\"" + escape(link) + "\" rel=\"me nofollow noopener\">" + escape(link) + "</a>");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Mastodon renders content as HTML: paragraphs, hashtag and mention links, escaped text. */
  static String html(Text text) {
    return html(text, HOST);
  }

  static String html(Text text, String host) {
    StringBuilder out = new StringBuilder("<p>");
    String body = text.body();
    int cursor = 0;
    for (Text.Entity entity : text.entities()) {
      int start = body.offsetByCodePoints(0, entity.start());
      int end = body.offsetByCodePoints(0, entity.end());
      out.append(escape(body.substring(cursor, start)));
      switch (entity) {
        case Text.Hashtag h -> out.append("<a href=\"https://").append(host).append("/tags/").append(escape(h.tag()))
            .append("\" class=\"mention hashtag\" rel=\"tag\">#<span>").append(escape(h.tag())).append("</span></a>");
        case Text.Mention m -> out.append("<span class=\"h-card\"><a href=\"https://").append(host).append("/@")
            .append(escape(m.handle())).append("\" class=\"u-url mention\">@<span>").append(escape(m.handle()))
            .append("</span></a></span>");
        case Text.Link l -> out.append("<a href=\"").append(escape(l.url()))
            .append("\" rel=\"nofollow noopener\" target=\"_blank\">").append(escape(l.url())).append("</a>");
      }
      cursor = end;
    }
    out.append(escape(body.substring(cursor))).append("</p>");
    return out.toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
