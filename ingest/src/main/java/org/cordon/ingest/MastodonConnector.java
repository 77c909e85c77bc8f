package org.cordon.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cordon.core.ingest.Connector;
import org.cordon.core.ingest.Format;
import org.cordon.core.ingest.RecordSink;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Interaction;
import org.cordon.core.model.Media;
import org.cordon.core.model.MediaKey;
import org.cordon.core.model.Observed;
import org.cordon.core.model.Platform;
import org.cordon.core.model.Post;
import org.cordon.core.model.PostKey;
import org.cordon.core.model.PostReference;
import tools.jackson.databind.JsonNode;

/**
 * Mastodon REST API statuses: an array (the {@code /api/v1/accounts/:id/statuses} answer), one
 * pretty-printed status, or one status per line. Status, account and media ids are only unique on
 * one instance, so every key is {@code <host>/<id>}, the host taken from the status {@code uri}
 * (or {@code url}), the account's {@code url} for accounts.
 */
final class MastodonConnector implements Connector {
  static final Format FORMAT = new Format("mastodon");

  private final int maxRecordBytes;

  MastodonConnector(int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public Format format() {
    return FORMAT;
  }

  @Override
  public void read(String name, InputStream in, RecordSink sink) throws IOException {
    Inputs.readDocumentOrLines(name, in, maxRecordBytes, sink, this::statusRecord);
  }

  private List<Observed> statusRecord(JsonNode status) {
    if (!status.isObject()) {
      throw RecordProblem.invalid("status", "an object");
    }
    Observations seen = new Observations();
    status(status, seen, true);
    return seen.all();
  }

  private record Authored(PostKey post, Account author) {}

  private Authored status(JsonNode status, Observations seen, boolean mayBoost) {
    String id = Fields.id(status, "id");
    Optional<String> uri = Fields.optionalNonEmpty(status, "uri");
    Optional<String> url = Fields.optionalNonEmpty(status, "url");
    String host = host(uri.isPresent() ? "uri" : "url",
        uri.or(() -> url).orElseThrow(() -> RecordProblem.missing("uri")));
    PostKey key = PostKey.of(Platform.MASTODON, host + "/" + id);
    Instant at = Fields.isoTime(status, "created_at");
    Account author = account(Fields.object(status, "account"), host);
    seen.account(author);

    String content = Fields.optionalString(status, "content").orElse("");
    String text = Html.text(content);
    Optional<String> spoiler = Fields.optionalNonEmpty(status, "spoiler_text");
    if (spoiler.isPresent()) {
      // The content warning is part of what readers see first; keep it ahead of the text.
      text = spoiler.get() + "\n\n" + text;
    }

    List<String> mentions = new ArrayList<>();
    for (JsonNode mention : Fields.objects(status, "mentions")) {
      String handle = Fields.optionalNonEmpty(mention, "acct").orElseGet(() -> Fields.string(mention, "username"));
      mentions.add(handle);
      Optional<AccountKey> to = Fields.optionalId(mention, "id").map(mentioned -> AccountKey.of(Platform.MASTODON,
          Fields.optionalNonEmpty(mention, "url").map(u -> host("mentions.url", u)).orElse(host) + "/" + mentioned));
      seen.interaction(new Interaction.Mention(author.key(), handle, to, key, at));
    }
    List<String> hashtags = new ArrayList<>();
    for (JsonNode tag : Fields.objects(status, "tags")) {
      hashtags.add(Fields.string(tag, "name"));
    }
    List<MediaKey> media = new ArrayList<>();
    for (JsonNode attachment : Fields.objects(status, "media_attachments")) {
      Media item = media(attachment, host);
      seen.media(item);
      media.add(item.key());
    }

    List<PostReference> references = new ArrayList<>();
    Optional<String> replyTo = Fields.optionalId(status, "in_reply_to_id");
    if (replyTo.isPresent()) {
      PostKey target = PostKey.of(Platform.MASTODON, host + "/" + replyTo.get());
      references.add(new PostReference(PostReference.Kind.REPLY_TO, target));
      Optional<AccountKey> to = Fields.optionalId(status, "in_reply_to_account_id")
          .map(account -> AccountKey.of(Platform.MASTODON, host + "/" + account));
      seen.interaction(new Interaction.Reply(author.key(), to, key, target, at));
    }
    Optional<JsonNode> reblog = Fields.optionalObject(status, "reblog");
    if (reblog.isPresent()) {
      if (!mayBoost) {
        throw RecordProblem.invalid("reblog", "a status that is not itself a boost");
      }
      Authored original = status(reblog.get(), seen, false);
      references.add(new PostReference(PostReference.Kind.REPOST_OF, original.post()));
      seen.interaction(new Interaction.Share(author.key(), Interaction.Share.Kind.REPOST, key, Optional.of(original.post()),
          Optional.of(original.author().key()), Optional.of(original.author().handle()), at));
    }
    seen.post(new Post(key, author.key(), at, text, Fields.optionalNonEmpty(status, "language"), url.or(() -> uri),
        media, hashtags, mentions, Html.links(content), references));
    return new Authored(key, author);
  }

  private static Account account(JsonNode account, String statusHost) {
    Optional<String> url = Fields.optionalNonEmpty(account, "url");
    String host = url.map(u -> host("account.url", u)).orElse(statusHost);
    String handle = Fields.optionalNonEmpty(account, "acct").orElseGet(() -> Fields.string(account, "username"));
    List<String> links = new ArrayList<>();
    for (JsonNode field : Fields.objects(account, "fields")) {
      Fields.optionalString(field, "value").ifPresent(value -> links.addAll(Html.recurringLinks(value)));
    }
    return new Account(AccountKey.of(Platform.MASTODON, host + "/" + Fields.id(account, "id")), handle,
        Fields.optionalNonEmpty(account, "display_name"),
        Fields.optionalNonEmpty(account, "note").map(Html::recurringText),
        Fields.optionalIsoTime(account, "created_at"),
        Fields.optionalLong(account, "followers_count"), Fields.optionalLong(account, "following_count"),
        Fields.optionalNonEmpty(account, "avatar"), url, links);
  }

  private static Media media(JsonNode attachment, String host) {
    Media.Kind kind = switch (Fields.string(attachment, "type")) {
      case "image" -> Media.Kind.IMAGE;
      case "video" -> Media.Kind.VIDEO;
      case "gifv" -> Media.Kind.ANIMATED_GIF;
      case "audio" -> Media.Kind.AUDIO;
      default -> Media.Kind.DOCUMENT;
    };
    Optional<JsonNode> original = Fields.optionalObject(attachment, "meta").flatMap(meta -> Fields.optionalObject(meta, "original"));
    return new Media(MediaKey.of(Platform.MASTODON, host + "/" + Fields.id(attachment, "id")), kind,
        Fields.optionalNonEmpty(attachment, "url").or(() -> Fields.optionalNonEmpty(attachment, "remote_url")),
        Fields.optionalNonEmpty(attachment, "preview_url"),
        original.map(o -> Fields.optionalInt(o, "width")).orElse(java.util.OptionalInt.empty()),
        original.map(o -> Fields.optionalInt(o, "height")).orElse(java.util.OptionalInt.empty()));
  }

  static String host(String field, String url) {
    try {
      String host = new URI(url).getHost();
      if (host == null || host.isEmpty()) {
        throw RecordProblem.invalid(field, "an absolute URL with a host: '" + Fields.clip(url) + "'");
      }
      return host.toLowerCase(java.util.Locale.ROOT);
    } catch (URISyntaxException e) {
      throw RecordProblem.invalid(field, "a URL: '" + Fields.clip(url) + "'");
    }
  }
}
