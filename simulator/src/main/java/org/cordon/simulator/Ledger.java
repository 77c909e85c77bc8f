package org.cordon.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Every request the simulated platforms received, with the outcome drawn for it at receipt. An
 * outcome is fixed in advance and takes effect when simulated time reaches it, so nothing runs in
 * the background: status, content and suspensions are read off the ledger at the current instant.
 */
final class Ledger {
  /** Rejection reasons platforms give, in their own words. */
  private static final List<String> REJECTION_REASONS = List.of(
      "does not violate our terms of service",
      "insufficient information to locate the content",
      "content is protected as news reporting",
      "account already under review by our own team");

  /** The longest delay drawn; the lognormal tail is cut here so instants stay representable. */
  private static final Duration LONGEST_DELAY = Duration.ofDays(30);

  private final long seed;
  private final Map<String, Received> byKey = new HashMap<>();
  private final Map<String, Received> byReference = new HashMap<>();
  private final java.util.Set<String> references = new java.util.HashSet<>();
  private final Map<String, Instant> contentRemovedAt = new HashMap<>();
  private final List<Suspension> suspensions = new ArrayList<>();
  private long duplicates;
  private long badSignatures;
  private long badRequests;
  private long faultsInjected;

  private final int strikesToSuspend;
  /** Removed posts per account, by URL, with when each went down and the request that did it. */
  private final Map<World.AccountRef, Map<String, Strike>> strikes = new HashMap<>();
  private final Map<World.AccountRef, Suspension> strikeSuspensions = new HashMap<>();

  Ledger(long seed) {
    this(seed, 3);
  }

  Ledger(long seed, int strikesToSuspend) {
    this.seed = seed;
    this.strikesToSuspend = strikesToSuspend;
  }

  private record Strike(Instant at, String reference) {}

  /** What a platform was asked, as it parsed it. */
  record Submission(String platform, String idempotencyKey, String requestType, String subjectKind, String subjectId, List<String> urls) {
    Submission {
      urls = List.copyOf(urls);
    }

    boolean isAccountLevel() {
      return subjectKind.equals("account");
    }
  }

  sealed interface Outcome {
    Instant at();
  }

  record Removal(Instant at) implements Outcome {}

  record Rejection(Instant at, String reason) implements Outcome {}

  record Received(Submission submission, String reference, Instant receivedAt, Outcome outcome) {}

  /** Why a platform suspended an account. */
  enum Cause {
    ACCOUNT_REMOVED("account_removed"),
    STRIKES("strikes");

    final String label;

    Cause(String label) {
      this.label = label;
    }
  }

  record Suspension(String platform, String accountId, Instant at, String reference, Cause cause) {}

  /** A new request or, for a known idempotency key, the one first received. */
  record Receipt(Received received, boolean duplicate) {}

  synchronized Receipt receive(Submission submission, SimulatorConfig.Behaviour behaviour, Instant now, World world) {
    String key = submission.platform() + "\n" + submission.idempotencyKey();
    Received earlier = byKey.get(key);
    if (earlier != null) {
      duplicates++;
      return new Receipt(earlier, true);
    }
    byte[] digest = sha256(seed + "\n" + key);
    SplittableRandom random = new SplittableRandom(java.nio.ByteBuffer.wrap(digest).getLong());
    String reference = uniqueReference(HexFormat.of().withUpperCase().formatHex(digest, 8, 14));
    Instant decidedAt = now.plus(delay(behaviour, random));
    Outcome outcome = random.nextDouble() < behaviour.complianceRate()
        ? new Removal(decidedAt)
        : new Rejection(decidedAt, REJECTION_REASONS.get(random.nextInt(REJECTION_REASONS.size())));
    Received received = new Received(submission, reference, now, outcome);
    byKey.put(key, received);
    byReference.put(submission.platform() + "\n" + reference, received);
    if (outcome instanceof Removal removal) {
      submission.urls().forEach(url -> takeDown(url, removal.at()));
      if (submission.isAccountLevel()) {
        world.urlsOf(submission.platform(), submission.subjectId()).forEach(url -> takeDown(url, removal.at()));
        suspensions.add(new Suspension(submission.platform(), submission.subjectId(), removal.at(), reference, Cause.ACCOUNT_REMOVED));
      } else {
        strike(submission, removal.at(), reference, world);
      }
    }
    return new Receipt(received, false);
  }

  /**
   * Counts a removed post against its author; the {@code strikesToSuspend}-th removed post (in the
   * order the removals take effect) suspends the account at that removal's instant and takes down
   * the rest of its content.
   */
  private void strike(Submission submission, Instant at, String reference, World world) {
    for (String url : submission.urls()) {
      Optional<World.AccountRef> owner = world.ownerOf(url).filter(o -> o.platform().equals(submission.platform()));
      if (owner.isEmpty() || world.isProfileUrl(url)) {
        continue;
      }
      Map<String, Strike> removed = strikes.computeIfAbsent(owner.get(), o -> new HashMap<>());
      removed.merge(url, new Strike(at, reference), (a, b) -> a.at().isBefore(b.at()) ? a : b);
      if (removed.size() < strikesToSuspend) {
        continue;
      }
      Strike decisive = removed.values().stream().sorted(Comparator.comparing(Strike::at)).skip(strikesToSuspend - 1L).findFirst().orElseThrow();
      Suspension earlier = strikeSuspensions.get(owner.get());
      if (earlier == null || decisive.at().isBefore(earlier.at())) {
        strikeSuspensions.put(owner.get(), new Suspension(owner.get().platform(), owner.get().accountId(), decisive.at(), decisive.reference(), Cause.STRIKES));
        world.urlsOf(owner.get().platform(), owner.get().accountId()).forEach(u -> takeDown(u, decisive.at()));
      }
    }
  }

  private String uniqueReference(String candidate) {
    String reference = "PR-" + candidate;
    for (int n = 2; !references.add(reference); n++) {
      reference = "PR-" + candidate + "-" + n;
    }
    return reference;
  }

  private static Duration delay(SimulatorConfig.Behaviour behaviour, SplittableRandom random) {
    double gaussian = gaussian(random);
    double seconds = behaviour.medianDelay().toNanos() / 1e9 * Math.exp(behaviour.sigma() * gaussian);
    if (!(seconds < LONGEST_DELAY.toSeconds())) {
      return LONGEST_DELAY;
    }
    return Duration.ofNanos((long) (seconds * 1e9));
  }

  /** Box-Muller, so the draw depends only on the two uniforms taken from the seeded generator. */
  private static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private void takeDown(String url, Instant at) {
    contentRemovedAt.merge(url, at, (a, b) -> a.isBefore(b) ? a : b);
  }

  /** Every distinct request received, in no particular order. */
  synchronized List<Received> received() {
    return List.copyOf(byKey.values());
  }

  synchronized Optional<Received> find(String platform, String reference) {
    return Optional.ofNullable(byReference.get(platform + "\n" + reference));
  }

  /** When the content went down, if it did by {@code now}. */
  synchronized Optional<Instant> removedAt(String url, Instant now) {
    return Optional.ofNullable(contentRemovedAt.get(url)).filter(at -> !at.isAfter(now));
  }

  /** Suspensions in effect at {@code now}, oldest first, one per account (its earliest). */
  synchronized List<Suspension> suspensions(Instant now) {
    Map<World.AccountRef, Suspension> earliest = new HashMap<>();
    java.util.stream.Stream.concat(suspensions.stream(), strikeSuspensions.values().stream())
        .filter(s -> !s.at().isAfter(now))
        .forEach(s -> earliest.merge(new World.AccountRef(s.platform(), s.accountId()), s, (a, b) -> b.at().isBefore(a.at()) ? b : a));
    return earliest.values().stream()
        .sorted(Comparator.comparing(Suspension::at).thenComparing(Suspension::platform).thenComparing(Suspension::accountId))
        .toList();
  }

  synchronized void countBadSignature() {
    badSignatures++;
  }

  synchronized void countBadRequest() {
    badRequests++;
  }

  synchronized void countFault() {
    faultsInjected++;
  }

  record Stats(long received, long duplicates, long acknowledged, long removed, long rejected, long badSignatures, long badRequests, long faultsInjected, long suspensions) {}

  synchronized Stats stats(Instant now) {
    long removed = 0;
    long rejected = 0;
    for (Received r : byKey.values()) {
      if (r.outcome().at().isAfter(now)) {
        continue;
      }
      switch (r.outcome()) {
        case Removal m -> removed++;
        case Rejection j -> rejected++;
      }
    }
    long received = byKey.size();
    return new Stats(received, duplicates, received - removed - rejected, removed, rejected, badSignatures, badRequests, faultsInjected, suspensions(now).size());
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
