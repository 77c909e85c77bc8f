package org.cordon.network;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;

/**
 * Proposes identity links between accounts that look like one persona, from their profiles alone:
 * the same handle on two platforms (confidence 0.9), the same handle once a return suffix such as
 * "_2" is dropped (0.7, which links a returning account to its predecessor), and the
 * same display name on two platforms where it is unique on each (0.6). A name or stem shared by
 * more than {@link #MAX_GROUP} accounts is common, not personal, and links nothing.
 *
 * <p>This is the cheap, explainable part of persona resolution; module {@code lineage} scores
 * returning accounts properly. Links go into {@link AccountGraph#linkIdentity}.
 */
public final class PersonaLinks {
  static final int MAX_GROUP = 6;
  // A returning account's handle: the old one plus "_2", "_13".
  private static final Pattern RETURN_SUFFIX = Pattern.compile("_\\d{1,2}$");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  // Zero-width and bidirectional controls, which make two names look alike or apart.
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF]");

  /** A proposed link and the evidence for it. */
  public record Link(AccountKey one, AccountKey other, double confidence, String evidence) {
    public Link {
      Objects.requireNonNull(one, "one");
      Objects.requireNonNull(other, "other");
      Objects.requireNonNull(evidence, "evidence");
    }
  }

  private final Map<AccountKey, Account> accounts = new LinkedHashMap<>();

  /** Remembers the latest profile of an account. */
  public void accept(Account account) {
    accounts.put(account.key(), account);
  }

  public List<Link> links() {
    Map<String, List<Account>> byHandle = group(account -> handle(account));
    Map<String, List<Account>> byStem = group(account -> handle(account)
        .filter(h -> h.length() >= 4)
        .map(h -> RETURN_SUFFIX.matcher(h).replaceAll("")));
    Map<String, List<Account>> byName = group(account -> account.displayName().map(PersonaLinks::normalise)
        .filter(name -> name.length() >= 4));
    List<Link> result = new ArrayList<>();
    Map<String, Boolean> seen = new HashMap<>();
    link(byHandle, 0.9, "same handle on two platforms", true, seen, result);
    link(byStem, 0.7, "same handle stem", false, seen, result);
    link(byName, 0.6, "same display name, unique on each platform", true, seen, result);
    return result;
  }

  /** Adds every proposed link to the graph; returns how many. */
  public int applyTo(AccountGraph graph) {
    List<Link> links = links();
    links.forEach(link -> graph.linkIdentity(link.one(), link.other(), link.confidence(), Optional.empty()));
    return links.size();
  }

  private void link(Map<String, List<Account>> groups, double confidence, String evidence, boolean acrossPlatformsOnly,
      Map<String, Boolean> seen, List<Link> result) {
    for (List<Account> group : groups.values()) {
      if (group.size() < 2 || group.size() > MAX_GROUP) {
        continue;
      }
      if (acrossPlatformsOnly && evidence.contains("unique") && !uniquePerPlatform(group)) {
        continue;
      }
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          AccountKey a = group.get(i).key();
          AccountKey b = group.get(j).key();
          if (acrossPlatformsOnly && a.platform().equals(b.platform())) {
            continue;
          }
          String pair = a.toString().compareTo(b.toString()) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
          if (seen.putIfAbsent(pair, Boolean.TRUE) == null) {
            result.add(new Link(a, b, confidence, evidence));
          }
        }
      }
    }
  }

  private static boolean uniquePerPlatform(List<Account> group) {
    return group.stream().map(Account::platform).distinct().count() == group.size();
  }

  private Map<String, List<Account>> group(java.util.function.Function<Account, Optional<String>> key) {
    Map<String, List<Account>> groups = new LinkedHashMap<>();
    for (Account account : accounts.values()) {
      key.apply(account).ifPresent(k -> groups.computeIfAbsent(k, x -> new ArrayList<>()).add(account));
    }
    return groups;
  }

  // A handle that merely repeats the account id (Telegram users without a username) says nothing.
  private static Optional<String> handle(Account account) {
    String handle = normalise(account.handle());
    if (handle.startsWith("@")) {
      handle = handle.substring(1);
    }
    return handle.isEmpty() || handle.equals(normalise(account.key().id())) ? Optional.empty() : Optional.of(handle);
  }

  static String normalise(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return SPACES.matcher(INVISIBLE.matcher(folded).replaceAll("")).replaceAll(" ").strip();
  }
}
