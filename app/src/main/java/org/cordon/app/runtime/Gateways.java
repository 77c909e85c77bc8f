package org.cordon.app.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.cordon.core.model.Platform;
import org.cordon.core.request.PlatformGateway;
import org.cordon.referral.gateway.WebhookConfig;
import org.cordon.referral.gateway.WebhookGateway;

/**
 * Builds each platform's gateway from {@code gateways.properties}: {@code PLATFORM.url} (the base URI
 * of the platform's request endpoint) and {@code PLATFORM.secret} (the shared HMAC secret). A
 * platform without an entry has no gateway: its requests wait, PENDING, until one is configured.
 */
public final class Gateways {
  private Gateways() {}

  static Map<Platform, PlatformGateway> load(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<Platform, PlatformGateway> gateways = new HashMap<>();
    TreeSet<String> platforms = new TreeSet<>();
    for (String key : p.stringPropertyNames()) {
      platforms.add(key.substring(0, Math.max(key.indexOf('.'), 0)));
    }
    for (String name : platforms) {
      String url = p.getProperty(name + ".url");
      String secret = p.getProperty(name + ".secret");
      if (url == null || secret == null || secret.isBlank()) {
        throw new IllegalArgumentException(file + ": platform '" + name + "' needs both " + name + ".url and " + name + ".secret");
      }
      Platform platform = new Platform(name);
      gateways.put(platform, webhook(platform, URI.create(url), secret));
    }
    return Map.copyOf(gateways);
  }

  /** A signed-JSON webhook gateway with the default retry policy. */
  public static PlatformGateway webhook(Platform platform, URI base, String secret) {
    return WebhookGateway.create(WebhookConfig.of(platform, base, secret));
  }
}
