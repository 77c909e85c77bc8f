package org.cordon.referral.gateway;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a gateway retries transient failures (5xx, 408, 425, 429, connection failures, timeouts):
 * up to {@code maxAttempts} attempts in all, waiting {@code initialBackoff × multiplier^(n-1)}
 * before retry {@code n}, capped at {@code maxBackoff}, each wait spread by ±{@code jitter} (a
 * fraction) so that many senders do not retry in step.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff, double jitter) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(250), 2.0, Duration.ofSeconds(10), 0.2);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
      throw new IllegalArgumentException("backoffs are not negative");
    }
    if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier is at least 1: " + multiplier);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter is a fraction in [0, 1]: " + jitter);
    }
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  public Duration backoff(int retry, RandomGenerator random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries count from 1: " + retry);
    }
    double base = initialBackoff.toNanos() * Math.pow(multiplier, retry - 1);
    double capped = Math.min(base, maxBackoff.toNanos());
    double spread = capped * (1 + jitter * (2 * random.nextDouble() - 1));
    return Duration.ofNanos((long) Math.min(spread, maxBackoff.toNanos()));
  }
}
