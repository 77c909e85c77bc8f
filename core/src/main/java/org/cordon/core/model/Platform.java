package org.cordon.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service where content lives ("x", "telegram", "mastodon", "video"). The name is persisted as a
 * key, so it never changes once used.
 */
public record Platform(String name) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  public static final Platform X = new Platform("x");
  public static final Platform TELEGRAM = new Platform("telegram");
  public static final Platform MASTODON = new Platform("mastodon");
  public static final Platform VIDEO = new Platform("video");

  public Platform {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "platform name must be 1-63 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit: '" + name + "'");
    }
  }

  /**
   * A handle without the "@" some formats put before it ("@Name" and "Name" are one handle).
   */
  public static String bareHandle(String handle) {
    return handle.startsWith("@") ? handle.substring(1) : handle;
  }

  /**
   * The key of a handle on this platform for lookups: handles are unique per platform and compared
   * without case or a leading "@". The name has no ':', so keys of two platforms never meet.
   */
  public String handleKey(String handle) {
    return name + ':' + bareHandle(handle).toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return name;
  }
}
