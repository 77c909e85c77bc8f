package org.cordon.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An edge between accounts: who follows, mentions, replies to or shares whom. Each kind has a
 * natural key so that ingesting the same edge twice stores it once.
 */
public sealed interface Interaction extends Observed {

  AccountKey from();

  @Override
  default Platform platform() {
    return from().platform();
  }

  /** {@code from} follows {@code to}. Follow lists often carry no time. */
  record Follow(AccountKey from, AccountKey to, Optional<Instant> at) implements Interaction {
    public Follow {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * {@code from} names an account in {@code post}. Some formats give only the handle, so the
   * mentioned account's id is optional.
   */
  record Mention(AccountKey from, String toHandle, Optional<AccountKey> to, PostKey post, Instant at)
      implements Interaction {
    public Mention {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(toHandle, "toHandle");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(post, "post");
      Objects.requireNonNull(at, "at");
    }
  }

  /** {@code from} replied with {@code post} to {@code inReplyTo}, written by {@code to} when known. */
  record Reply(AccountKey from, Optional<AccountKey> to, PostKey post, PostKey inReplyTo, Instant at)
      implements Interaction {
    public Reply {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(post, "post");
      Objects.requireNonNull(inReplyTo, "inReplyTo");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * {@code from} spread someone's post as {@code post}: a repost (retweet, boost), a quote or a
   * forward. Telegram forwards often name only the origin, so the original post and its author are
   * optional; {@code originName} keeps what the platform said.
   */
  record Share(
      AccountKey from,
      Kind kind,
      PostKey post,
      Optional<PostKey> original,
      Optional<AccountKey> originalAuthor,
      Optional<String> originName,
      Instant at)
      implements Interaction {
    public Share {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(post, "post");
      Objects.requireNonNull(original, "original");
      Objects.requireNonNull(originalAuthor, "originalAuthor");
      Objects.requireNonNull(originName, "originName");
      Objects.requireNonNull(at, "at");
    }

    public enum Kind {
      REPOST,
      QUOTE,
      FORWARD
    }
  }
}
