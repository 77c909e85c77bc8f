package org.cordon.detect.url;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What canonical form treats as the same URL. Deployments extend the lists: platforms add mirror
 * hosts and tracking parameters faster than code changes.
 *
 * @param trackingParameters query parameters dropped (exact names, or prefixes ending in '*', as "utm_*")
 * @param hostAliases mirror and mobile hosts mapped to the host they mirror ("mobile.twitter.com" → "x.com")
 * @param shortLinkHosts hosts whose links only redirect elsewhere: kept as they are, and marked, since
 *     Cordon does not follow them at matching time
 * @param dropWww whether "www." in front of a host names the same site
 * @param sameSchemes whether http and https name the same resource
 */
public record UrlRules(Set<String> trackingParameters, Map<String, String> hostAliases, Set<String> shortLinkHosts, boolean dropWww, boolean sameSchemes) {
  public UrlRules {
    trackingParameters = lower(trackingParameters);
    hostAliases = hostAliases.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> e.getValue().toLowerCase(Locale.ROOT)));
    shortLinkHosts = lower(shortLinkHosts);
  }

  /** Common tracking parameters and the best-known mirrors and link shorteners. */
  public static UrlRules defaults() {
    return new UrlRules(
        Set.of("utm_*", "fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid", "ref_src", "ref_url", "_ga", "yclid", "si"),
        Map.of("mobile.twitter.com", "x.com", "twitter.com", "x.com", "mobile.x.com", "x.com", "m.facebook.com", "facebook.com",
            "m.youtube.com", "youtube.com", "youtu.be", "youtube.com", "telegram.me", "t.me", "m.vk.com", "vk.com"),
        Set.of("bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at"),
        true, true);
  }

  public UrlRules withTrackingParameters(List<String> more) {
    Set<String> all = new java.util.HashSet<>(trackingParameters);
    all.addAll(more);
    return new UrlRules(all, hostAliases, shortLinkHosts, dropWww, sameSchemes);
  }

  public UrlRules withHostAlias(String mirror, String canonicalHost) {
    Map<String, String> all = new java.util.HashMap<>(hostAliases);
    all.put(mirror, canonicalHost);
    return new UrlRules(trackingParameters, all, shortLinkHosts, dropWww, sameSchemes);
  }

  /**
   * The defaults extended by a deployment's rules file ({@code java.util.Properties}):
   * {@code tracking} (comma-separated parameter names, "prefix*" allowed), {@code alias.HOST=CANONICAL_HOST}
   * (a mirror), {@code short_links} (comma-separated hosts), {@code drop_www} and {@code same_schemes}
   * (true or false). Unknown keys are refused by name, so a typo does not pass silently.
   */
  public static UrlRules defaultsWith(java.util.Properties file) {
    UrlRules rules = defaults();
    Set<String> tracking = new java.util.HashSet<>(rules.trackingParameters);
    Map<String, String> aliases = new java.util.HashMap<>(rules.hostAliases);
    Set<String> shortLinks = new java.util.HashSet<>(rules.shortLinkHosts);
    boolean dropWww = rules.dropWww;
    boolean sameSchemes = rules.sameSchemes;
    for (String key : new java.util.TreeSet<>(file.stringPropertyNames())) {
      String value = file.getProperty(key).strip();
      switch (key) {
        case "tracking" -> tracking.addAll(items(value));
        case "short_links" -> shortLinks.addAll(items(value));
        case "drop_www" -> dropWww = bool(key, value);
        case "same_schemes" -> sameSchemes = bool(key, value);
        default -> {
          if (!key.startsWith("alias.") || key.length() == 6 || value.isEmpty()) {
            throw new IllegalArgumentException("URL rules: unknown or empty key '" + key
                + "'; known: tracking, short_links, drop_www, same_schemes, alias.HOST");
          }
          aliases.put(key.substring(6), value);
        }
      }
    }
    return new UrlRules(tracking, aliases, shortLinks, dropWww, sameSchemes);
  }

  private static List<String> items(String value) {
    return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  private static boolean bool(String key, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("URL rules: '" + key + "' is true or false, not '" + value + "'");
    };
  }

  boolean isTracking(String parameter) {
    String p = parameter.toLowerCase(Locale.ROOT);
    for (String rule : trackingParameters) {
      if (rule.endsWith("*") ? p.startsWith(rule.substring(0, rule.length() - 1)) : p.equals(rule)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> lower(Set<String> values) {
    Objects.requireNonNull(values, "values");
    return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }
}
