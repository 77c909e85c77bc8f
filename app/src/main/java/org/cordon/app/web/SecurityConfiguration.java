package org.cordon.app.web;

import java.io.IOException;
import org.cordon.app.runtime.CordonRuntime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everyone signs in; who decided is the signed-in user, never a field a client sends. Analysts
 * decide, ingest accounts (feeds, the platform simulator's replay) may only post input. The
 * console's pages forbid every remote fetch: content comes from Cordon's archive or not at all.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  InMemoryUserDetailsManager users(CordonRuntime runtime, PasswordEncoder encoder) throws IOException {
    return new InMemoryUserDetailsManager(Users.load(runtime.settings().usersFile(), encoder));
  }

  /** Checks passwords against the users file, remembering successful checks for a few minutes. */
  @Bean
  AuthenticationManager authenticationManager(InMemoryUserDetailsManager users, PasswordEncoder encoder) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(encoder);
    return new ProviderManager(new VerifiedCredentials(passwords, java.time.Clock.systemUTC()));
  }

  @Bean
  SecurityFilterChain filterChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
    http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/v1/ingest/**").hasAnyRole("INGEST", "ADMIN")
            .requestMatchers("/api/v1/ingest/**").denyAll()
            .requestMatchers("/api/v1/desk/**").hasAnyRole("ANALYST", "SUPERVISOR", "ADMIN", "LIAISON")
            // a platform's suspension notice comes from a feed or is recorded by the unit; the network is the unit's own
            .requestMatchers(HttpMethod.POST, "/api/v1/network/suspensions").hasAnyRole("INGEST", "ANALYST", "SUPERVISOR", "ADMIN")
            .requestMatchers(HttpMethod.GET, "/api/v1/network/**").hasAnyRole("ANALYST", "SUPERVISOR", "ADMIN")
            .requestMatchers("/api/v1/network/**").denyAll()
            .requestMatchers(HttpMethod.GET, "/api/v1/lexicons/**").hasAnyRole("ANALYST", "SUPERVISOR", "ADMIN")
            .requestMatchers("/api/v1/lexicons/**").hasAnyRole("SUPERVISOR", "ADMIN")
            .anyRequest().hasAnyRole("ANALYST", "SUPERVISOR", "ADMIN"))
        .httpBasic(Customizer.withDefaults())
        // Stateless HTTP Basic: no session cookie, so no cross-site request can ride on one.
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(h -> h
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'"))
            .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }
}
