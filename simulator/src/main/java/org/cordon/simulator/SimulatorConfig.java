package org.cordon.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a {@link PlatformSimulator} behaves. Build one with {@link #builder()}; every field has a
 * default so a test names only what it cares about.
 *
 * @param port 0 for a free port
 * @param secrets shared HMAC secret per platform name; the key {@code "*"} is the secret of every
 *     platform without its own. A platform with no secret is unknown (404).
 * @param behaviours per-platform compliance and removal delay of referrals; platforms not named
 *     use {@code defaultBehaviour}
 * @param removalOrderBehaviour how every platform answers binding removal orders (TCO: remove
 *     within one hour), by default {@link Behaviour#REMOVAL_ORDER}
 * @param speed simulated seconds per real second (600 in the demo: ten simulated minutes a second)
 * @param simulatedStart the simulated instant at which the simulator starts; empty = the real now
 * @param seed drives every random draw; each request's outcome depends only on the seed, the
 *     platform and the idempotency key, never on arrival order
 * @param faults failures to inject, for tests of retrying clients
 * @param world a range world directory ({@code truth/accounts.jsonl}, {@code truth/posts.jsonl})
 * @param maxClockSkew how far {@code X-Cordon-Timestamp} may be from the real clock
 * @param returns how platforms suspend accounts for repeated removals and how suspended users
 *     of the world come back (live mode)
 * @param timeSource when present, the simulator's time is whatever this says (a discrete-event
 *     evaluation drives it); {@code speed} and {@code simulatedStart} are then unused. Empty (the
 *     default): simulated time runs {@code speed} times the real clock from {@code simulatedStart}
 */
public record SimulatorConfig(
    int port,
    Map<String, String> secrets,
    Map<String, Behaviour> behaviours,
    Behaviour defaultBehaviour,
    Behaviour removalOrderBehaviour,
    double speed,
    Optional<Instant> simulatedStart,
    long seed,
    Faults faults,
    Optional<Path> world,
    Duration maxClockSkew,
    Returns returns,
    Optional<Supplier<Instant>> timeSource) {

  /** The configuration before an external time source existed: time runs at {@code speed}. */
  public SimulatorConfig(int port, Map<String, String> secrets, Map<String, Behaviour> behaviours, Behaviour defaultBehaviour,
      Behaviour removalOrderBehaviour, double speed, Optional<Instant> simulatedStart, long seed, Faults faults,
      Optional<Path> world, Duration maxClockSkew, Returns returns) {
    this(port, secrets, behaviours, defaultBehaviour, removalOrderBehaviour, speed, simulatedStart, seed, faults, world, maxClockSkew, returns,
        Optional.empty());
  }

  /** The configuration before live returns existed: returns take their defaults. */
  public SimulatorConfig(int port, Map<String, String> secrets, Map<String, Behaviour> behaviours, Behaviour defaultBehaviour,
      Behaviour removalOrderBehaviour, double speed, Optional<Instant> simulatedStart, long seed, Faults faults,
      Optional<Path> world, Duration maxClockSkew) {
    this(port, secrets, behaviours, defaultBehaviour, removalOrderBehaviour, speed, simulatedStart, seed, faults, world, maxClockSkew, Returns.DEFAULT);
  }

  public SimulatorConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port is in [0, 65535]: " + port);
    }
    secrets = Map.copyOf(secrets);
    secrets.forEach((platform, secret) -> {
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("the secret of platform '" + platform + "' is empty");
      }
    });
    behaviours = Map.copyOf(behaviours);
    Objects.requireNonNull(defaultBehaviour, "defaultBehaviour");
    Objects.requireNonNull(removalOrderBehaviour, "removalOrderBehaviour");
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed (simulated seconds per real second) is positive: " + speed);
    }
    Objects.requireNonNull(simulatedStart, "simulatedStart");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    Objects.requireNonNull(returns, "returns");
    Objects.requireNonNull(timeSource, "timeSource");
    // The world is input, shared by runs: live ground truth goes elsewhere.
    world.ifPresent(dir -> returns.liveTruthFile().ifPresent(file -> {
      if (file.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize())) {
        throw new IllegalArgumentException("the live truth file " + file + " is inside the world directory " + dir + ", which is input");
      }
    }));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The secret a platform's requests are signed with, if the platform is known. */
  public Optional<String> secretOf(String platform) {
    return Optional.ofNullable(secrets.get(platform)).or(() -> Optional.ofNullable(secrets.get("*")));
  }

  /** How {@code platform} answers a request of {@code requestType} ("referral" or "removal_order"). */
  public Behaviour behaviourOf(String platform, String requestType) {
    return requestType.equals("removal_order") ? removalOrderBehaviour : behaviours.getOrDefault(platform, defaultBehaviour);
  }

  /**
   * How one platform answers: it complies with probability {@code complianceRate}; the time from
   * receipt to its decision (removal or rejection) is lognormal with median {@code medianDelay}
   * (simulated time) and shape {@code sigma} (0 = always exactly the median).
   */
  public record Behaviour(double complianceRate, Duration medianDelay, double sigma) {
    /** Published removal rates of referrals run from 83 to 95 %. */
    public static final Behaviour DEFAULT = new Behaviour(0.9, Duration.ofMinutes(30), 0.8);

    /** Binding orders: nearly always obeyed, about 96 % within the hour the regulation allows. */
    public static final Behaviour REMOVAL_ORDER = new Behaviour(0.98, Duration.ofMinutes(25), 0.5);

    public Behaviour {
      if (!(complianceRate >= 0 && complianceRate <= 1)) {
        throw new IllegalArgumentException("compliance rate is in [0, 1]: " + complianceRate);
      }
      Objects.requireNonNull(medianDelay, "medianDelay");
      if (medianDelay.isNegative()) {
        throw new IllegalArgumentException("median removal delay is not negative: " + medianDelay);
      }
      if (!(sigma >= 0 && sigma <= 5)) {
        throw new IllegalArgumentException("sigma is in [0, 5]: " + sigma);
      }
    }

    public Behaviour withComplianceRate(double rate) {
      return new Behaviour(rate, medianDelay, sigma);
    }

    public Behaviour withMedianDelay(Duration median) {
      return new Behaviour(complianceRate, median, sigma);
    }

    public Behaviour withSigma(double shape) {
      return new Behaviour(complianceRate, medianDelay, shape);
    }
  }

  /**
   * Failures injected on every call under {@code /platforms/}: the first {@code failFirst} calls
   * answer 503 before doing anything, then each call answers 503 with probability
   * {@code failureRate}. With {@code loseAnswers} the injected failures happen after the request
   * was stored (the answer is lost on the way back), which is what idempotency keys are for.
   */
  public record Faults(int failFirst, double failureRate, boolean loseAnswers) {
    public static final Faults NONE = new Faults(0, 0, false);

    public Faults {
      if (failFirst < 0) {
        throw new IllegalArgumentException("failFirst is not negative: " + failFirst);
      }
      if (!(failureRate >= 0 && failureRate <= 1)) {
        throw new IllegalArgumentException("failure rate is in [0, 1]: " + failureRate);
      }
    }

    public static Faults failFirst(int count) {
      return new Faults(count, 0, false);
    }

    public static Faults failureRate(double rate) {
      return new Faults(0, rate, false);
    }

    public Faults losingAnswers() {
      return new Faults(failFirst, failureRate, true);
    }
  }

  /** Where live returns are pushed: Cordon's base URL and an INGEST user (both empty: no sign-in). */
  public record CordonTarget(java.net.URI base, String user, String password) {
    public CordonTarget {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "CordonTarget[" + base + ", user=" + user + "]";
    }
  }

  /**
   * Suspensions caused by Cordon and the returns that follow them (live mode).
   *
   * @param strikesToSuspend a platform suspends an account once this many of its posts were
   *     removed; the account is suspended at the instant of that removal
   * @param returnProbability chance that the person behind a suspended account of the
   *     organisation (outlets, distributors, supporters, recruiters, bots) comes back with a new
   *     account; other people never do
   * @param returnMedianDelay median of the lognormal time from suspension to the new account
   *     (simulated time)
   * @param liveTruthFile where each live return is appended as a JSON line (never the world
   *     directory, which is input)
   * @param cordon where the new accounts' first activity is pushed; empty: recorded only
   */
  public record Returns(int strikesToSuspend, double returnProbability, Duration returnMedianDelay, Optional<Path> liveTruthFile,
      Optional<CordonTarget> cordon) {
    public static final Returns DEFAULT = new Returns(3, 0.8, Duration.ofMinutes(45), Optional.empty(), Optional.empty());

    public Returns {
      if (strikesToSuspend < 1) {
        throw new IllegalArgumentException("strikesToSuspend is at least 1: " + strikesToSuspend);
      }
      if (!(returnProbability >= 0 && returnProbability <= 1)) {
        throw new IllegalArgumentException("return probability is in [0, 1]: " + returnProbability);
      }
      Objects.requireNonNull(returnMedianDelay, "returnMedianDelay");
      if (returnMedianDelay.isNegative()) {
        throw new IllegalArgumentException("return median delay is not negative: " + returnMedianDelay);
      }
      Objects.requireNonNull(liveTruthFile, "liveTruthFile");
      Objects.requireNonNull(cordon, "cordon");
    }
  }

  /** Builds a {@link SimulatorConfig}; defaults: free port, speed 600, seed 1, no faults, no world. */
  public static final class Builder {
    private int port = 0;
    private final Map<String, String> secrets = new HashMap<>();
    private final Map<String, Behaviour> behaviours = new HashMap<>();
    private Behaviour defaultBehaviour = Behaviour.DEFAULT;
    private Behaviour removalOrderBehaviour = Behaviour.REMOVAL_ORDER;
    private double speed = 600;
    private Optional<Instant> simulatedStart = Optional.empty();
    private long seed = 1;
    private Faults faults = Faults.NONE;
    private Optional<Path> world = Optional.empty();
    private Duration maxClockSkew = Duration.ofMinutes(5);
    private Returns returns = Returns.DEFAULT;
    private Optional<Supplier<Instant>> timeSource = Optional.empty();

    private Builder() {}

    /**
     * Drives the simulator's time from outside: every receipt, decision delay and status answer
     * is read off this source (an evaluation's simulated clock), instead of running at
     * {@link #speed}. The signature timestamp is still checked against the real clock.
     */
    public Builder timeSource(Supplier<Instant> source) {
      timeSource = Optional.of(Objects.requireNonNull(source, "source"));
      return this;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder secret(String platform, String secret) {
      secrets.put(Objects.requireNonNull(platform, "platform"), Objects.requireNonNull(secret, "secret"));
      return this;
    }

    public Builder secrets(Map<String, String> values) {
      secrets.putAll(values);
      return this;
    }

    public Builder behaviour(String platform, Behaviour behaviour) {
      behaviours.put(Objects.requireNonNull(platform, "platform"), Objects.requireNonNull(behaviour, "behaviour"));
      return this;
    }

    public Builder defaultBehaviour(Behaviour behaviour) {
      defaultBehaviour = Objects.requireNonNull(behaviour, "behaviour");
      return this;
    }

    public Builder removalOrderBehaviour(Behaviour behaviour) {
      removalOrderBehaviour = Objects.requireNonNull(behaviour, "behaviour");
      return this;
    }

    /** Sets the default compliance rate of referrals, keeping the default delay. */
    public Builder complianceRate(double rate) {
      defaultBehaviour = defaultBehaviour.withComplianceRate(rate);
      return this;
    }

    /** Sets the default median delay of referrals (simulated time), keeping the rest. */
    public Builder medianDelay(Duration median) {
      defaultBehaviour = defaultBehaviour.withMedianDelay(median);
      return this;
    }

    public Builder speed(double simulatedSecondsPerRealSecond) {
      speed = simulatedSecondsPerRealSecond;
      return this;
    }

    public Builder simulatedStart(Instant start) {
      simulatedStart = Optional.of(start);
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder faults(Faults value) {
      faults = Objects.requireNonNull(value, "faults");
      return this;
    }

    public Builder world(Path directory) {
      world = Optional.of(directory);
      return this;
    }

    public Builder maxClockSkew(Duration skew) {
      maxClockSkew = Objects.requireNonNull(skew, "skew");
      return this;
    }

    /** Removed posts of one account after which its platform suspends it (default 3). */
    public Builder strikesToSuspend(int count) {
      returns = new Returns(count, returns.returnProbability(), returns.returnMedianDelay(), returns.liveTruthFile(), returns.cordon());
      return this;
    }

    /** Chance that a suspended account of the organisation comes back (default 0.8). */
    public Builder returnProbability(double probability) {
      returns = new Returns(returns.strikesToSuspend(), probability, returns.returnMedianDelay(), returns.liveTruthFile(), returns.cordon());
      return this;
    }

    /** Median simulated time from a suspension to the return (default 45 minutes). */
    public Builder returnMedianDelay(Duration median) {
      returns = new Returns(returns.strikesToSuspend(), returns.returnProbability(), median, returns.liveTruthFile(), returns.cordon());
      return this;
    }

    /** Appends each live return to this file as a JSON line. */
    public Builder liveTruthFile(Path file) {
      returns = new Returns(returns.strikesToSuspend(), returns.returnProbability(), returns.returnMedianDelay(),
          Optional.of(Objects.requireNonNull(file, "file")), returns.cordon());
      return this;
    }

    /** Pushes live returns into Cordon's ingest endpoint as {@code user} (empty user and password: no sign-in). */
    public Builder cordonFeed(java.net.URI cordon, String user, String password) {
      returns = new Returns(returns.strikesToSuspend(), returns.returnProbability(), returns.returnMedianDelay(), returns.liveTruthFile(),
          Optional.of(new CordonTarget(cordon, user, password)));
      return this;
    }

    public SimulatorConfig build() {
      return new SimulatorConfig(port, secrets, behaviours, defaultBehaviour, removalOrderBehaviour, speed, simulatedStart, seed, faults, world, maxClockSkew, returns,
          timeSource);
    }
  }
}
