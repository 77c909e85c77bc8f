package org.cordon.detect.url;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Puts web URLs in one canonical form so that the same page, written differently, matches a URL
 * list entry: scheme and host case, internationalised hosts (as punycode), a trailing dot, "www.",
 * default ports, user info, fragments, dot segments, percent-encoding (unreserved characters
 * decoded, the rest upper-case), tracking parameters, parameter order, mirror hosts. Adversaries
 * write URLs to evade lists, so anything ambiguous is rejected with a reason rather than guessed:
 * control, bidi and zero-width characters, non-web schemes, malformed hosts and ports.
 */
public final class UrlCanonicalizer {
  /** Longer URLs are rejected: no real link is this long, and a list entry would never match it. */
  public static final int MAX_LENGTH = 8192;

  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
  private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final UrlRules rules;

  public UrlCanonicalizer(UrlRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /** The outcome for one URL: its canonical form, or why there is none. */
  public sealed interface Result {
    record Canonical(CanonicalUrl url) implements Result {}

    record Rejected(String reason) implements Result {}
  }

  /**
   * A URL in canonical form.
   *
   * @param shortLink the host only redirects elsewhere (bit.ly and the like): the canonical form is
   *     the short link itself
   */
  public record CanonicalUrl(String value, String host, boolean shortLink) {
    @Override
    public String toString() {
      return value;
    }
  }

  public Result canonicalize(String raw) {
    if (raw == null) {
      return rejected("no URL");
    }
    String text = raw.strip();
    if (text.isEmpty()) {
      return rejected("empty URL");
    }
    if (text.length() > MAX_LENGTH) {
      return rejected("longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT) {
        return rejected(String.format(Locale.ROOT, "contains an invisible or control character U+%04X at %d", (int) c, i));
      }
    }
    var scheme = SCHEME.matcher(text);
    String rest;
    String schemeName;
    if (scheme.find()) {
      schemeName = scheme.group(1).toLowerCase(Locale.ROOT);
      rest = text.substring(scheme.end());
      if (!schemeName.equals("http") && !schemeName.equals("https")) {
        return rejected("not a web URL (scheme '" + schemeName + "')");
      }
      if (!rest.startsWith("//")) {
        return rejected("no host after '" + schemeName + ":'");
      }
      rest = rest.substring(2);
    } else {
      // Posts often name a link without its scheme ("paste.example/abc").
      schemeName = "https";
      rest = text.startsWith("//") ? text.substring(2) : text;
    }
    int fragment = rest.indexOf('#');
    if (fragment >= 0) {
      rest = rest.substring(0, fragment);
    }
    int pathStart = indexOfAny(rest, "/?");
    String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
    String pathAndQuery = pathStart < 0 ? "" : rest.substring(pathStart);
    int query = pathAndQuery.indexOf('?');
    String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    String queryText = query < 0 ? "" : pathAndQuery.substring(query + 1);

    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1); // user info never names a different page; it is a known disguise
    }
    String host;
    String port = "";
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return rejected("unclosed IPv6 address");
      }
      host = authority.substring(0, close + 1).toLowerCase(Locale.ROOT);
      String after = authority.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          return rejected("characters after the IPv6 address");
        }
        port = after.substring(1);
      }
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      port = colon < 0 ? "" : authority.substring(colon + 1);
      Result.Rejected bad = null;
      try {
        host = IDN.toASCII(percentDecodeHost(host), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        bad = new Result.Rejected("host is not a valid domain name: " + e.getMessage());
      }
      if (bad != null) {
        return bad;
      }
      while (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1);
      }
      if (host.isEmpty()) {
        return rejected("no host");
      }
      if (!IPV4.matcher(host).matches()) {
        for (String label : host.split("\\.", -1)) {
          if (!HOST_LABEL.matcher(label).matches()) {
            return rejected("host label '" + label + "' is not valid");
          }
        }
      }
    }
    if (!port.isEmpty()) {
      if (!port.chars().allMatch(Character::isDigit) || port.length() > 5 || Integer.parseInt(port) > 65535) {
        return rejected("port '" + port + "' is not a port number");
      }
      int number = Integer.parseInt(port);
      port = (number == 80 && schemeName.equals("http")) || (number == 443 && schemeName.equals("https")) ? "" : Integer.toString(number);
    }
    if (rules.dropWww() && host.startsWith("www.") && host.indexOf('.', 4) > 0) {
      host = host.substring(4);
    }
    host = rules.hostAliases().getOrDefault(host, host);
    boolean shortLink = rules.shortLinkHosts().contains(host);

    String canonicalPath = removeDotSegments(normalizeEncoding(path.isEmpty() ? "/" : path, false));
    List<String[]> parameters = new ArrayList<>();
    if (!queryText.isEmpty()) {
      for (String pair : queryText.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = normalizeEncoding(eq < 0 ? pair : pair.substring(0, eq), true);
        String value = eq < 0 ? "" : normalizeEncoding(pair.substring(eq + 1), true);
        if (!rules.isTracking(decodeForComparison(name))) {
          parameters.add(new String[] {name, eq < 0 ? null : value});
        }
      }
    }
    parameters.sort(Comparator.comparing(p -> p[0])); // stable: repeated names keep their order
    StringBuilder url = new StringBuilder(rules.sameSchemes() ? "https" : schemeName).append("://").append(host);
    if (!port.isEmpty()) {
      url.append(':').append(port);
    }
    url.append(canonicalPath);
    for (int i = 0; i < parameters.size(); i++) {
      url.append(i == 0 ? '?' : '&').append(parameters.get(i)[0]);
      if (parameters.get(i)[1] != null) {
        url.append('=').append(parameters.get(i)[1]);
      }
    }
    return new Result.Canonical(new CanonicalUrl(url.toString(), host, shortLink));
  }

  private static Result.Rejected rejected(String reason) {
    return new Result.Rejected(reason);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** Hosts may arrive percent-encoded ("%65xample.com"); decode before IDN processing. */
  private static String percentDecodeHost(String host) {
    if (host.indexOf('%') < 0) {
      return host;
    }
    byte[] bytes = decodePercent(host);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String decodeForComparison(String encoded) {
    return new String(decodePercent(encoded), StandardCharsets.UTF_8);
  }

  private static byte[] decodePercent(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == '%' && i + 2 < utf8.length && hex(utf8[i + 1]) >= 0 && hex(utf8[i + 2]) >= 0) {
        out.write(hex(utf8[i + 1]) * 16 + hex(utf8[i + 2]));
        i += 2;
      } else {
        out.write(utf8[i]);
      }
    }
    return out.toByteArray();
  }

  /**
   * Unreserved characters decoded, other escapes upper-case, characters that must be escaped
   * escaped as UTF-8. In a query, '+' stays as it is (it may mean a space or a plus).
   */
  static String normalizeEncoding(String s, boolean query) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(utf8.length);
    for (int i = 0; i < utf8.length; i++) {
      int b = utf8[i] & 0xff;
      if (b == '%' && i + 2 < utf8.length && hex(utf8[i + 1]) >= 0 && hex(utf8[i + 2]) >= 0) {
        int decoded = hex(utf8[i + 1]) * 16 + hex(utf8[i + 2]);
        if (isUnreserved(decoded)) {
          out.append((char) decoded);
        } else {
          out.append('%').append(Character.toUpperCase((char) utf8[i + 1])).append(Character.toUpperCase((char) utf8[i + 2]));
        }
        i += 2;
      } else if (isUnreserved(b) || "!$'()*,;:@/".indexOf(b) >= 0 || (!query && b == '=') || (query && "=+?".indexOf(b) >= 0) || (!query && b == '+')) {
        out.append((char) b);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b));
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static int hex(int b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  /** RFC 3986 §5.2.4, on a path already normalised. */
  static String removeDotSegments(String path) {
    List<String> out = new ArrayList<>();
    String[] segments = path.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      if (segment.equals(".")) {
        if (last) {
          out.add("");
        }
      } else if (segment.equals("..")) {
        if (!out.isEmpty()) {
          out.removeLast();
        }
        if (last) {
          out.add("");
        }
      } else {
        out.add(segment);
      }
    }
    return "/" + String.join("/", out);
  }
}
