package org.cordon.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What differs between the platforms live returns are simulated on: ids, URLs, handle limits and
 * the shape of accounts and posts in the world's files ({@code x-v1} tweets, Mastodon statuses
 * pushed as JSON lines).
 */
sealed interface ReturnSite permits ReturnSite.X, ReturnSite.Mastodon {
  String platform();

  /** The ingest format the new account's posts are pushed in. */
  String format();

  int maxHandleLength();

  /** The world's follow graph of this platform, relative to the world directory. */
  String followsFile();

  String newAccountId(SplittableRandom random);

  /** The post id as ground truth keys it, for a post at {@code at}. */
  String newPostId(Instant at, SplittableRandom random);

  String profileUrl(String handle);

  String postUrl(String handle, String postId);

  /** The account object of {@code accountId} in one record of the world's files of {@link #format()}, if it is there. */
  Optional<ObjectNode> accountIn(JsonNode record, String accountId);

  /** A string the raw record must contain to be worth parsing for {@link #accountIn}. */
  String needle(String accountId);

  /** The bio shown in an account object, as plain text. */
  String bio(ObjectNode account);

  /** The avatar URL shown in an account object, or empty. */
  String avatar(ObjectNode account);

  /** Whether the world's files of {@link #format()} hold one record a line (else one document a file). */
  boolean lineFormat();

  /**
   * The successor's account object: the predecessor's as the world showed it (when known) with
   * the new identity, or one made from ground truth.
   */
  ObjectNode successor(Optional<ObjectNode> predecessor, World.Profile truth, String accountId, String handle, String displayName,
      String bio, String avatarUrl, long followers, long following, Instant createdAt);

  /** An account object for a world account that never posted in the files read. */
  ObjectNode fromTruth(World.Profile truth, String avatarUrl);

  /** An original post; {@code mentioned} maps handles named in the text to their account objects. */
  JsonNode post(String postId, Instant at, String text, ObjectNode author, String language, Map<String, ObjectNode> mentioned);

  static Optional<ReturnSite> of(String platform, JsonMapper json) {
    return switch (platform) {
      case "x" -> Optional.of(new X(new XTweets(json)));
      case "mastodon" -> Optional.of(new Mastodon(json));
      default -> Optional.empty();
    };
  }

  record X(XTweets tweets) implements ReturnSite {
    private static final long FIRST_SUCCESSOR_ID = 4_000_000_000L;

    @Override public String platform() { return "x"; }
    @Override public String format() { return "x-v1"; }
    @Override public int maxHandleLength() { return HandleVariants.X_MAX_LENGTH; }
    @Override public String followsFile() { return "graph/follows-x.jsonl"; }

    @Override
    public String newAccountId(SplittableRandom random) {
      return Long.toString(FIRST_SUCCESSOR_ID + random.nextLong(1_000_000_000L));
    }

    @Override
    public String newPostId(Instant at, SplittableRandom random) {
      return Long.toString(XTweets.snowflake(at, random.nextInt()));
    }

    @Override public String profileUrl(String handle) { return "https://x.range.invalid/" + handle; }
    @Override public String postUrl(String handle, String postId) { return profileUrl(handle) + "/status/" + postId; }
    @Override public String needle(String accountId) { return "\"id_str\":\"" + accountId + "\""; }

    @Override
    public Optional<ObjectNode> accountIn(JsonNode record, String accountId) {
      JsonNode user = record.path("user");
      return user.isObject() && user.path("id_str").asString("").equals(accountId) ? Optional.of((ObjectNode) user) : Optional.empty();
    }

    @Override
    public String bio(ObjectNode account) {
      return account.path("description").asString("");
    }

    @Override
    public String avatar(ObjectNode account) {
      return account.path("profile_image_url_https").asString("");
    }

    @Override
    public boolean lineFormat() {
      return true;
    }

    @Override
    public ObjectNode successor(Optional<ObjectNode> predecessor, World.Profile truth, String accountId, String handle, String displayName,
        String bio, String avatarUrl, long followers, long following, Instant createdAt) {
      String link = predecessor.map(u -> u.path("url").asString("")).orElse("");
      return tweets.user(Long.parseLong(accountId), displayName, handle, link, bio, followers, following, 1, createdAt, truth.language(), avatarUrl);
    }

    @Override
    public ObjectNode fromTruth(World.Profile truth, String avatarUrl) {
      String accountId = truth.ref().accountId();
      // X account ids are numeric strings; anything else (a hand-written world) is shown as 0.
      long id = accountId.matches("[0-9]{1,18}") ? Long.parseLong(accountId) : 0;
      return tweets.user(id, truth.displayName(), truth.handle(), "", "", truth.followers(), 0, 1,
          truth.createdAt().orElse(Instant.EPOCH), truth.language(), avatarUrl);
    }

    @Override
    public JsonNode post(String postId, Instant at, String text, ObjectNode author, String language, Map<String, ObjectNode> mentioned) {
      return tweets.tweet(Long.parseLong(postId), at, text, author, language, mentioned);
    }
  }

  /** The range's fediverse server: ids are {@code social.range.invalid/<local id>} as the mastodon connector keys them. */
  record Mastodon(JsonMapper json) implements ReturnSite {
    private static final String HOST = "social.range.invalid";
    private static final long FIRST_SUCCESSOR_ID = 110_000_000_000_000_000L;
    private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{N}_]+)");
    private static final Pattern MENTION = Pattern.compile("@([A-Za-z0-9_]{1,30})");

    @Override public String platform() { return "mastodon"; }
    @Override public String format() { return "mastodon"; }
    /** Mastodon's limit on usernames. */
    @Override public int maxHandleLength() { return 30; }
    @Override public String followsFile() { return "graph/follows-mastodon.jsonl"; }

    @Override
    public String newAccountId(SplittableRandom random) {
      return HOST + "/" + (FIRST_SUCCESSOR_ID + random.nextLong(1_000_000_000_000_000L));
    }

    @Override
    public String newPostId(Instant at, SplittableRandom random) {
      // Mastodon's ids: milliseconds, then 16 bits.
      return HOST + "/" + ((at.toEpochMilli() << 16) | random.nextInt(1 << 16));
    }

    static String local(String id) {
      return id.startsWith(HOST + "/") ? id.substring(HOST.length() + 1) : id;
    }

    @Override public String profileUrl(String handle) { return "https://" + HOST + "/@" + handle; }
    @Override public String postUrl(String handle, String postId) { return profileUrl(handle) + "/" + local(postId); }
    @Override public String needle(String accountId) { return "\"" + local(accountId) + "\""; }

    @Override
    public Optional<ObjectNode> accountIn(JsonNode record, String accountId) {
      String wanted = local(accountId);
      for (JsonNode status : record.isArray() ? record : List.of(record)) {
        for (JsonNode account : List.of(status.path("account"), status.path("reblog").path("account"))) {
          if (account.isObject() && account.path("id").asString("").equals(wanted)) {
            return Optional.of((ObjectNode) account);
          }
        }
      }
      return Optional.empty();
    }

    @Override
    public String bio(ObjectNode account) {
      return account.path("note").asString("").replaceAll("<[^>]*>", "").replace("&#39;", "'").replace("&quot;", "\"")
          .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Override
    public String avatar(ObjectNode account) {
      return account.path("avatar").asString("");
    }

    @Override
    public boolean lineFormat() {
      return false;
    }

    @Override
    public ObjectNode successor(Optional<ObjectNode> predecessor, World.Profile truth, String accountId, String handle, String displayName,
        String bio, String avatarUrl, long followers, long following, Instant createdAt) {
      ObjectNode account = account(local(accountId), handle, displayName, createdAt, bio, avatarUrl, followers, following, 1);
      predecessor.map(p -> p.get("fields")).filter(JsonNode::isArray).ifPresent(fields -> account.set("fields", fields.deepCopy()));
      return account;
    }

    @Override
    public ObjectNode fromTruth(World.Profile truth, String avatarUrl) {
      return account(local(truth.ref().accountId()), truth.handle(), truth.displayName(), truth.createdAt().orElse(Instant.EPOCH), "",
          avatarUrl, truth.followers(), 0, 1);
    }

    private ObjectNode account(String id, String handle, String displayName, Instant createdAt, String bio, String avatarUrl,
        long followers, long following, long statuses) {
      ObjectNode account = json.createObjectNode();
      account.put("id", id);
      account.put("username", handle);
      account.put("acct", handle);
      account.put("display_name", displayName);
      account.put("locked", false);
      account.put("bot", false);
      account.put("created_at", createdAt.toString());
      account.put("note", bio.isEmpty() ? "" : "<p>" + escape(bio) + "</p>");
      account.put("url", profileUrl(handle));
      account.put("avatar", avatarUrl);
      account.put("avatar_static", avatarUrl);
      account.put("header", "");
      account.put("followers_count", followers);
      account.put("following_count", following);
      account.put("statuses_count", statuses);
      account.putArray("fields");
      return account;
    }

    @Override
    public JsonNode post(String postId, Instant at, String text, ObjectNode author, String language, Map<String, ObjectNode> mentioned) {
      String id = local(postId);
      String handle = author.path("username").asString("");
      ObjectNode status = json.createObjectNode();
      status.put("id", id);
      status.put("created_at", at.toString());
      status.putNull("in_reply_to_id");
      status.putNull("in_reply_to_account_id");
      status.put("sensitive", false);
      status.put("spoiler_text", "");
      status.put("visibility", "public");
      status.put("language", language.isEmpty() ? "en" : language);
      status.put("uri", "https://" + HOST + "/users/" + handle + "/statuses/" + id);
      status.put("url", postUrl(handle, id));
      status.put("replies_count", 0);
      status.put("reblogs_count", 0);
      status.put("favourites_count", 0);
      status.put("content", "<p>" + html(text, mentioned) + "</p>");
      status.putNull("reblog");
      status.set("account", author);
      status.putArray("media_attachments");
      ArrayNode mentions = status.putArray("mentions");
      Matcher names = MENTION.matcher(text);
      while (names.find()) {
        ObjectNode target = mentioned.get(names.group(1));
        if (target != null) {
          ObjectNode mention = mentions.addObject();
          mention.put("id", target.path("id").asString(""));
          mention.put("username", names.group(1));
          mention.put("url", profileUrl(names.group(1)));
          mention.put("acct", names.group(1));
        }
      }
      ArrayNode tags = status.putArray("tags");
      Matcher hashtags = HASHTAG.matcher(text);
      while (hashtags.find()) {
        ObjectNode tag = tags.addObject();
        tag.put("name", hashtags.group(1));
        tag.put("url", "https://" + HOST + "/tags/" + hashtags.group(1));
      }
      status.putArray("emojis");
      status.putNull("card");
      status.putNull("poll");
      return status;
    }

    /** The status text as Mastodon renders it: hashtags and mentions become links. */
    private String html(String text, Map<String, ObjectNode> mentioned) {
      Pattern token = Pattern.compile("#[\\p{L}\\p{N}_]+|@[A-Za-z0-9_]{1,30}");
      Matcher m = token.matcher(text);
      StringBuilder out = new StringBuilder();
      int last = 0;
      while (m.find()) {
        out.append(escape(text.substring(last, m.start())));
        String word = m.group().substring(1);
        if (m.group().startsWith("#")) {
          out.append("<a href=\"https://" + HOST + "/tags/" + word + "\" class=\"mention hashtag\" rel=\"tag\">#<span>" + escape(word) + "</span></a>");
        } else if (mentioned.containsKey(word)) {
          out.append("<span class=\"h-card\"><a href=\"" + profileUrl(word) + "\" class=\"u-url mention\">@<span>" + word + "</span></a></span>");
        } else {
          out.append(escape(m.group()));
        }
        last = m.end();
      }
      out.append(escape(text.substring(last)));
      return out.toString();
    }

    private static String escape(String text) {
      return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
  }
}
