package org.cordon.lineage;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.PostKey;

/**
 * One feature of a returning-account candidate, with its weight: the log-likelihood ratio it adds
 * to the score (positive for "same person", negative against). The weights sum with a prior into
 * the score's logit, so an analyst can see which feature carried a match.
 */
public sealed interface Evidence {
  double weight();

  /** A sentence for the analyst. */
  String explain();

  record Handle(HandlePattern pattern, String predecessorHandle, String newHandle, double similarity, int sharedBy,
      double weight) implements Evidence {
    public Handle {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(predecessorHandle, "predecessorHandle");
      Objects.requireNonNull(newHandle, "newHandle");
    }

    @Override
    public String explain() {
      return String.format(Locale.ROOT, "handle %s from @%s to @%s (similarity %.2f%s)",
          pattern.name().toLowerCase(Locale.ROOT), predecessorHandle, newHandle, similarity,
          sharedBy > 1 ? ", key shared by " + sharedBy + " suspended accounts" : "");
    }
  }

  record DisplayName(double similarity, int sharedBy, double weight) implements Evidence {
    @Override
    public String explain() {
      return String.format(Locale.ROOT, "display name similarity %.2f%s", similarity,
          sharedBy > 1 ? " (the name is shared by " + sharedBy + " suspended accounts)" : "");
    }
  }

  record Bio(double similarity, int alikeCount, double weight) implements Evidence {
    @Override
    public String explain() {
      return String.format(Locale.ROOT, "bio similarity %.2f%s", similarity,
          alikeCount > 1 ? " (about " + alikeCount + " suspended bios are this alike)" : "");
    }
  }

  record Avatar(int distance, int crowd, double weight) implements Evidence {
    @Override
    public String explain() {
      return "avatar PDQ distance " + distance + (crowd > 1 ? " (" + crowd + " suspended avatars this close)" : "");
    }
  }

  record Neighbourhood(int shared, int observed, double weightedShare, double weight) implements Evidence {
    @Override
    public String explain() {
      return String.format(Locale.ROOT,
          "%d of its first %d follows/mentions were in the predecessor's neighbourhood (weighted share %.2f)",
          shared, observed, weightedShare);
    }
  }

  /**
   * The group chats it wrote in that its predecessor wrote in too (a messenger's neighbourhood).
   *
   * @param members writers seen in the most crowded shared chat: a big group says less
   */
  record Chats(int shared, int written, int members, double weight) implements Evidence {
    @Override
    public String explain() {
      return shared == 0
          ? "none of the " + written + " group chat(s) it wrote in had the predecessor's messages"
          : shared + " of the " + written + " group chat(s) it wrote in had the predecessor's messages too"
              + (members > 0 ? " (about " + members + " writers there)" : "");
    }
  }

  /** The hashtags of its first posts against the predecessor's: a returner keeps its slogans. */
  record Writing(int shared, int used, double weight) implements Evidence {
    @Override
    public String explain() {
      return shared + " of the " + used + " hashtag(s) of its first posts were the predecessor's too";
    }
  }

  record Shoutout(List<PostKey> posts, List<AccountKey> announcers, double weight) implements Evidence {
    public Shoutout {
      posts = List.copyOf(posts);
      announcers = List.copyOf(announcers);
    }

    @Override
    public String explain() {
      return posts.size() + " post(s) by " + announcers.size() + " account(s) announced it under the predecessor's handle";
    }
  }

  /** Returners come back within hours or days of the suspension; a gap of months says less. */
  record Recency(java.time.Duration gap, double weight) implements Evidence {
    public Recency {
      Objects.requireNonNull(gap, "gap");
    }

    @Override
    public String explain() {
      return "appeared " + gap.toMinutes() + " minutes after the suspension";
    }
  }

  /** The predecessor was already linked to another successor: a second claim needs more. */
  record AlreadyReturned(AccountKey successor, double weight) implements Evidence {
    public AlreadyReturned {
      Objects.requireNonNull(successor, "successor");
    }

    @Override
    public String explain() {
      return "the predecessor already returned as " + successor;
    }
  }
}
