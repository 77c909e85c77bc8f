package org.cordon.app.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.cordon.app.live.LiveAccounts;
import org.cordon.app.runtime.CordonRuntime;
import org.cordon.app.runtime.LivePipeline;
import org.cordon.core.model.Account;
import org.cordon.core.model.AccountKey;
import org.cordon.core.model.Platform;
import org.cordon.core.signal.Tier;
import org.cordon.network.NetworkAnalysis;
import org.cordon.risk.AccountRisk;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The network around flagged accounts: an account's neighbourhood, its lineage (the accounts it
 * replaced, with the evidence of each link), its community with the key accounts in it, the key
 * accounts list, and suspension notices from platforms.
 */
@RestController
@RequestMapping("/api/v1/network")
class NetworkController {
  static final int MAX_LIMIT = 1000;

  private final CordonRuntime runtime;
  private final LiveAccounts accounts;

  NetworkController(CordonRuntime runtime, LivePipeline pipeline) {
    this.runtime = runtime;
    this.accounts = pipeline.accounts();
  }

  record AccountView(String platform, String id, Optional<String> handle) {}

  record EdgeView(AccountView from, AccountView to, String kind, int count, Optional<Instant> first, Optional<Instant> last) {}

  record MemberView(AccountView account, int distance, String standing) {}

  record NeighbourhoodView(AccountView account, int hops, int accounts, boolean truncated, Map<String, Integer> edgesByKind,
      List<MemberView> members, List<EdgeView> edges) {}

  record LinkView(AccountView predecessor, AccountView successor, double score, Instant linkedAt, Optional<String> reason,
      Map<String, String> evidence) {}

  record LineageView(AccountView account, int generations, List<AccountView> accounts, Map<String, Instant> suspendedAt,
      List<LinkView> links) {}

  record KeyAccountView(int rank, AccountView account, List<AccountView> otherAccounts, double score, List<String> reasons,
      Optional<Double> riskProbability, Optional<String> riskExplanation) {}

  record KeyAccountsView(Optional<Instant> analysedAt, int graphAccounts, int graphEdges, List<KeyAccountView> keyAccounts) {}

  record CommunityView(AccountView account, Instant analysedAt, int community, int size, boolean membersTruncated,
      List<AccountView> members, List<KeyAccountView> keyAccounts) {}

  /** A platform's notice (or an analyst's record) that an account was suspended or removed. */
  record SuspensionNotice(String platform, String accountId, Optional<Instant> at, Optional<String> tier, Optional<String> cause) {}

  @GetMapping("/accounts/{platform}/{id}/neighbourhood")
  NeighbourhoodView neighbourhood(@PathVariable String platform, @PathVariable String id, @RequestParam(defaultValue = "1") int hops,
      @RequestParam(defaultValue = "200") int limit) {
    if (hops < 1 || hops > 2) {
      throw new IllegalArgumentException("hops is 1 or 2, not " + hops);
    }
    AccountKey account = key(platform, id);
    LiveAccounts.Neighbourhood n = accounts.neighbourhood(account, hops, Math.clamp(limit, 1, MAX_LIMIT))
        .orElseThrow(() -> new NoSuchElementException(account + " is not in the network around flagged accounts"));
    Map<String, Integer> byKind = new java.util.LinkedHashMap<>();
    n.edgesByKind().forEach((kind, count) -> byKind.put(name(kind), count));
    return new NeighbourhoodView(view(account), hops, n.distances().size(), n.truncated(), byKind,
        n.distances().entrySet().stream().map(e -> new MemberView(view(e.getKey()), e.getValue(), name(n.standings().get(e.getKey()))))
            .toList(),
        n.edges().stream().map(e -> new EdgeView(view(e.from()), view(e.to()), name(e.kind()), e.count(), e.first(), e.last())).toList());
  }

  @GetMapping("/accounts/{platform}/{id}/lineage")
  LineageView lineage(@PathVariable String platform, @PathVariable String id) {
    AccountKey account = key(platform, id);
    LiveAccounts.LineageView l = accounts.lineage(account);
    Map<String, Instant> suspended = new java.util.LinkedHashMap<>();
    l.suspendedAt().forEach((a, at) -> suspended.put(a.id(), at));
    return new LineageView(view(account), l.accounts().size(), l.accounts().stream().map(this::view).toList(), suspended,
        l.links().stream().map(link -> new LinkView(view(link.predecessor()), view(link.successor()), link.score(), link.linkedAt(),
            link.evidence().map(s -> s.reason()), link.evidence().map(s -> s.evidence()).orElse(Map.of()))).toList());
  }

  @GetMapping("/accounts/{platform}/{id}/community")
  CommunityView community(@PathVariable String platform, @PathVariable String id, @RequestParam(defaultValue = "200") int limit) {
    AccountKey account = key(platform, id);
    LiveAccounts.CommunityView c = accounts.community(account, Math.clamp(limit, 1, MAX_LIMIT))
        .orElseThrow(() -> new NoSuchElementException(account + " is in no analysed community (not near a flagged account, or not analysed yet)"));
    return new CommunityView(view(account), c.analysedAt(), c.community(), c.size(), c.membersTruncated(),
        c.members().stream().map(this::view).toList(), c.keyAccounts().stream().map(this::view).toList());
  }

  @GetMapping("/key-accounts")
  KeyAccountsView keyAccounts(@RequestParam(defaultValue = "50") int limit) {
    Optional<LiveAccounts.Analysis> last = accounts.lastAnalysis();
    return new KeyAccountsView(last.map(LiveAccounts.Analysis::at), accounts.graphAccounts(), accounts.graphEdges(),
        last.map(a -> a.keyAccounts().stream().limit(Math.clamp(limit, 1, MAX_LIMIT)).map(this::view).toList()).orElse(List.of()));
  }

  /** Read here rather than by the framework, so a malformed notice from a feed gets its reason back as a 400. */
  private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
  static final int MAX_NOTICE = 16 * 1024;

  @PostMapping("/suspensions")
  Map<String, Object> suspension(@RequestBody String body, Authentication who) {
    if (body.length() > MAX_NOTICE) {
      throw new IllegalArgumentException("a suspension notice is a small JSON object, not " + body.length() + " characters");
    }
    SuspensionNotice notice;
    try {
      notice = JSON.readValue(body, SuspensionNotice.class);
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalArgumentException("a suspension notice is JSON {platform, accountId, at?, tier?, cause?}: " + e.getOriginalMessage(), e);
    }
    if (notice == null || notice.platform() == null || notice.accountId() == null) {
      throw new IllegalArgumentException("a suspension notice names the platform and the accountId: add them and resubmit");
    }
    AccountKey account = key(notice.platform(), notice.accountId());
    Instant at = notice.at().orElseGet(() -> runtime.clock().instant());
    Optional<Tier> tier = notice.tier().filter(t -> !t.isBlank()).map(Tier::parse);
    String cause = "notice from " + who.getName() + notice.cause().filter(c -> !c.isBlank()).map(c -> ": " + clip(c)).orElse("");
    boolean added = accounts.suspended(account, at, tier, cause);
    return Map.of("account", view(account), "added", added);
  }

  private KeyAccountView view(NetworkAnalysis.KeyAccount k) {
    Optional<AccountRisk> risk = accounts.risk(k.account());
    return new KeyAccountView(k.rank(), view(k.account()), k.otherAccounts().stream().map(this::view).toList(), k.score(), k.reasons(),
        risk.map(AccountRisk::probability), risk.map(AccountRisk::summary));
  }

  private AccountView view(AccountKey account) {
    return new AccountView(account.platform().name(), account.id(), runtime.stores().observations().account(account).map(Account::handle));
  }

  private static AccountKey key(String platform, String id) {
    return new AccountKey(new Platform(platform), id);
  }

  private static String name(Enum<?> value) {
    return value == null ? "unmarked" : value.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String clip(String text) {
    return text.length() > 200 ? text.substring(0, 200) : text;
  }
}
