package org.cordon.app.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers, for a few minutes, that a user name and password were verified. Stored passwords are
 * BCrypt hashes, which cost tens of milliseconds to check by design, and HTTP Basic sends the
 * password with every request: a feed pushing input would spend most of its time in BCrypt. The
 * cache holds an HMAC of the credentials under a key made at start-up, never the password; only
 * successful checks are kept, so a wrong password is always checked in full.
 */
final class VerifiedCredentials implements AuthenticationProvider {
  static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);
  static final int CAPACITY = 1024;

  private final AuthenticationProvider delegate;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Verified> verified = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
      return size() > CAPACITY;
    }
  };

  VerifiedCredentials(AuthenticationProvider delegate, Clock clock) {
    this.delegate = delegate;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    if (!(authentication instanceof UsernamePasswordAuthenticationToken token) || !(token.getCredentials() instanceof String password)) {
      return delegate.authenticate(authentication);
    }
    String fingerprint = fingerprint(token.getName(), password);
    Instant now = clock.instant();
    synchronized (verified) {
      Verified known = verified.get(fingerprint);
      if (known != null && now.isBefore(known.until())) {
        return known.result();
      }
    }
    Authentication result = delegate.authenticate(authentication);
    if (result != null && result.isAuthenticated()) {
      synchronized (verified) {
        verified.put(fingerprint, new Verified(result, now.plus(TIME_TO_LIVE)));
      }
    }
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return delegate.supports(authentication);
  }

  private String fingerprint(String user, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(user.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  private record Verified(Authentication result, Instant until) {}
}
