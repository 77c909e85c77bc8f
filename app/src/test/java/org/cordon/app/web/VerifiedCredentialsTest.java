package org.cordon.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class VerifiedCredentialsTest {
  /** Accepts alice/right only, and counts how often it was asked. */
  static final class CountingPasswords implements AuthenticationProvider {
    int checks;

    @Override
    public Authentication authenticate(Authentication a) {
      checks++;
      if (a.getName().equals("alice") && "right".equals(a.getCredentials())) {
        return UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of(new SimpleGrantedAuthority("ROLE_ANALYST")));
      }
      throw new BadCredentialsException("bad credentials");
    }

    @Override
    public boolean supports(Class<?> type) {
      return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }
  }

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  static UsernamePasswordAuthenticationToken login(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }

  @Test
  void aVerifiedPasswordIsNotCheckedAgainUntilItsTimeRunsOut() {
    CountingPasswords passwords = new CountingPasswords();
    MovableClock clock = new MovableClock();
    VerifiedCredentials cache = new VerifiedCredentials(passwords, clock);

    assertThat(cache.authenticate(login("alice", "right")).isAuthenticated()).isTrue();
    assertThat(cache.authenticate(login("alice", "right")).getName()).isEqualTo("alice");
    assertThat(passwords.checks).isEqualTo(1);

    clock.now = clock.now.plus(VerifiedCredentials.TIME_TO_LIVE).plusSeconds(1);
    cache.authenticate(login("alice", "right"));
    assertThat(passwords.checks).as("checked again once the entry expired").isEqualTo(2);
  }

  @Test
  void aWrongPasswordIsAlwaysCheckedInFullAndNeverRemembered() {
    CountingPasswords passwords = new CountingPasswords();
    VerifiedCredentials cache = new VerifiedCredentials(passwords, new MovableClock());
    cache.authenticate(login("alice", "right"));

    assertThatThrownBy(() -> cache.authenticate(login("alice", "wrong"))).isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> cache.authenticate(login("alice", "wrong"))).isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> cache.authenticate(login("mallory", "right"))).isInstanceOf(BadCredentialsException.class);
    assertThat(passwords.checks).isEqualTo(4);
  }
}
