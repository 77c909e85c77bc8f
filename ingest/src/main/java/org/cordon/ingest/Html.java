package org.cordon.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Fediverse content is HTML. This turns it into the text a reader sees, with a real HTML parser
 * (jsoup), never with regular expressions: entities are decoded, a line break is '\n', paragraphs
 * are separated by a blank line, and the text of each node is kept as written (no whitespace
 * folding, invisible and right-to-left characters stay).
 */
final class Html {
  /**
   * The last content each thread parsed, by identity: a connector asks for a status's text and then
   * its links, and parsing the same HTML twice was a tenth of the parse cost. Read only, never
   * changed, so sharing the tree between the two calls is safe.
   */
  private static final ThreadLocal<Parsed> LAST = new ThreadLocal<>();

  private record Parsed(String html, Element body) {}

  /**
   * Each thread's results for HTML that recurs record after record: a Mastodon status carries its
   * account, whose note and profile fields come again with every status the account posts, and
   * parsing them each time was a sixth of reading a Mastodon status. Text and links are pure
   * functions of the content, so a remembered result is the result. Cleared when full.
   */
  private static final ThreadLocal<Map<String, String>> RECURRING_TEXT = ThreadLocal.withInitial(HashMap::new);
  private static final ThreadLocal<Map<String, List<String>>> RECURRING_LINKS = ThreadLocal.withInitial(HashMap::new);
  static final int REMEMBERED = 4096;

  private Html() {}

  /** {@link #text} for content that recurs (an account's note), each distinct content parsed once per thread. */
  static String recurringText(String html) {
    return remembered(RECURRING_TEXT.get(), html, Html::text);
  }

  /** {@link #links} for content that recurs (an account's profile fields), each distinct content parsed once per thread. */
  static List<String> recurringLinks(String html) {
    return remembered(RECURRING_LINKS.get(), html, h -> List.copyOf(links(h)));
  }

  private static <T> T remembered(Map<String, T> cache, String html, java.util.function.Function<String, T> parse) {
    T result = cache.get(html);
    if (result == null) {
      result = parse.apply(html);
      if (cache.size() >= REMEMBERED) {
        cache.clear();
      }
      cache.put(html, result);
    }
    return result;
  }

  private static Element body(String html) {
    Parsed last = LAST.get();
    if (last != null && last.html() == html) {
      return last.body();
    }
    Element body = Jsoup.parseBodyFragment(html).body();
    LAST.set(new Parsed(html, body));
    return body;
  }

  static String text(String html) {
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return html;
    }
    Element body = body(html);
    StringBuilder text = new StringBuilder(html.length());
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode textNode) {
          text.append(textNode.getWholeText());
        } else if (node instanceof Element element) {
          if (element.normalName().equals("br")) {
            text.append('\n');
          } else if (element.normalName().equals("p") && !text.isEmpty()) {
            text.append("\n\n");
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {}
    }, body);
    return text.toString();
  }

  /** The links of the content, leaving out mention and hashtag links (they are kept apart). */
  static List<String> links(String html) {
    if (html.indexOf('<') < 0) {
      return List.of();
    }
    List<String> links = new ArrayList<>();
    for (Element anchor : body(html).select("a[href]")) {
      if (anchor.hasClass("mention") || anchor.hasClass("hashtag") || anchor.attr("rel").contains("tag")) {
        continue;
      }
      String href = anchor.attr("href");
      if (!href.isEmpty() && !links.contains(href)) {
        links.add(href);
      }
    }
    return links;
  }
}
