package org.cordon.range.world;

import java.util.ArrayList;
import java.util.List;

/**
 * A post's text with its entities at code-point offsets, as the X API reports them (hashtags and
 * mentions without their '#' or '@' in the entity, the offsets covering the sign).
 */
record Text(String body, List<Entity> entities) {
  Text {
    entities = List.copyOf(entities);
  }

  sealed interface Entity permits Hashtag, Mention, Link {
    int start();

    int end();
  }

  record Hashtag(int start, int end, String tag) implements Entity {}

  record Mention(int start, int end, String handle, int account) implements Entity {}

  record Link(int start, int end, String url) implements Entity {}

  List<String> hashtags() {
    return entities.stream().filter(Hashtag.class::isInstance).map(e -> ((Hashtag) e).tag()).toList();
  }

  static final class Builder {
    private final StringBuilder body = new StringBuilder();
    private final List<Entity> entities = new ArrayList<>();
    private int codePoints;

    Builder text(String text) {
      separate();
      body.append(text);
      codePoints += text.codePointCount(0, text.length());
      return this;
    }

    /** Appends without a separating space ("@name" then ":"). */
    Builder glued(String text) {
      append(text);
      return this;
    }

    /** Appends another text with its entities shifted, as a retweet repeats the original. */
    Builder embed(Text other) {
      separate();
      int shift = codePoints;
      append(other.body());
      for (Entity entity : other.entities()) {
        entities.add(switch (entity) {
          case Hashtag h -> new Hashtag(h.start() + shift, h.end() + shift, h.tag());
          case Mention m -> new Mention(m.start() + shift, m.end() + shift, m.handle(), m.account());
          case Link l -> new Link(l.start() + shift, l.end() + shift, l.url());
        });
      }
      return this;
    }

    Builder hashtag(String tag) {
      separate();
      int start = codePoints;
      append("#" + tag);
      entities.add(new Hashtag(start, codePoints, tag));
      return this;
    }

    Builder mention(String handle, int account) {
      separate();
      int start = codePoints;
      append("@" + handle);
      entities.add(new Mention(start, codePoints, handle, account));
      return this;
    }

    Builder link(String url) {
      separate();
      int start = codePoints;
      append(url);
      entities.add(new Link(start, codePoints, url));
      return this;
    }

    private void separate() {
      if (!body.isEmpty() && body.charAt(body.length() - 1) != ' ') {
        append(" ");
      }
    }

    private void append(String text) {
      body.append(text);
      codePoints += text.codePointCount(0, text.length());
    }

    Text build() {
      return new Text(body.toString(), entities);
    }
  }
}
