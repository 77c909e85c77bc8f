package org.cordon.detect.url;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cordon.core.signal.Detector;
import org.cordon.core.signal.PostContext;
import org.cordon.core.signal.Signal;

/**
 * Matches a post's links, in canonical form, against URL lists: an exact page (strength 0.9) or any
 * page of a listed host (0.6). Each signal names the list, the entry and its line, the link as
 * posted and its canonical form, so the analyst sees why.
 */
public final class KnownUrlDetector implements Detector {
  public static final String NAME = "url-list";
  static final double PAGE_STRENGTH = 0.9;
  static final double HOST_STRENGTH = 0.6;

  static final int CACHED_LINKS = 10_000;

  private final UrlCanonicalizer canonicalizer;
  private final List<Listed> lists;
  /**
   * Each thread's recent canonical forms: the same links are posted over and over (a release is
   * shared by many accounts), and canonicalising one (parsing, IDN, query rules) was most of this
   * detector's cost. The canonicaliser is a pure function of the link, so a cached result is the
   * result. Cleared when full, a simple bound.
   */
  private final ThreadLocal<Map<String, UrlCanonicalizer.Result>> canonicalForms = ThreadLocal.withInitial(HashMap::new);

  private record Listed(UrlList list, Map<String, UrlList.Entry> pages, Map<String, UrlList.Entry> hosts) {}

  public KnownUrlDetector(List<UrlList> lists, UrlCanonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
    List<Listed> indexed = new ArrayList<>();
    for (UrlList list : lists) {
      Map<String, UrlList.Entry> pages = new HashMap<>();
      Map<String, UrlList.Entry> hosts = new HashMap<>();
      for (UrlList.Entry e : list.entries()) {
        (e.wholeHost() ? hosts : pages).put(e.url(), e);
      }
      indexed.add(new Listed(list, pages, hosts));
    }
    this.lists = List.copyOf(indexed);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Signal> detect(PostContext context) {
    List<Signal> signals = new ArrayList<>();
    Set<String> links = new LinkedHashSet<>(context.post().links());
    for (String link : links) {
      if (!(canonicalForm(link) instanceof UrlCanonicalizer.Result.Canonical canonical)) {
        continue;
      }
      for (Listed listed : lists) {
        UrlList.Entry page = listed.pages().get(canonical.url().value());
        if (page != null) {
          signals.add(signal(context, listed.list(), page, link, canonical.url(), PAGE_STRENGTH, "is"));
          continue;
        }
        hostEntry(listed, canonical.url().host())
            .ifPresent(host -> signals.add(signal(context, listed.list(), host, link, canonical.url(), HOST_STRENGTH, "is on the host of")));
      }
    }
    return signals;
  }

  private UrlCanonicalizer.Result canonicalForm(String link) {
    Map<String, UrlCanonicalizer.Result> cache = canonicalForms.get();
    UrlCanonicalizer.Result result = cache.get(link);
    if (result == null) {
      result = canonicalizer.canonicalize(link);
      if (cache.size() >= CACHED_LINKS) {
        cache.clear();
      }
      cache.put(link, result);
    }
    return result;
  }

  /** The entry for this host or the nearest parent domain listed. */
  private static Optional<UrlList.Entry> hostEntry(Listed listed, String host) {
    for (String h = host; ; ) {
      UrlList.Entry e = listed.hosts().get(h);
      if (e != null) {
        return Optional.of(e);
      }
      int dot = h.indexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      h = h.substring(dot + 1);
    }
  }

  private static Signal signal(PostContext context, UrlList list, UrlList.Entry entry, String link, UrlCanonicalizer.CanonicalUrl canonical,
      double strength, String how) {
    return new Signal(context.post().key(), NAME, strength, Optional.of(entry.tier()),
        "link " + canonical.value() + " " + how + " entry '" + entry.label() + "' (line " + entry.line() + ") of URL list '" + list.name() + "'",
        Map.of("list", list.name(), "entry", entry.label(), "entry_line", Integer.toString(entry.line()), "link", link,
            "canonical", canonical.value(), "match", entry.wholeHost() ? "host" : "page"));
  }
}
