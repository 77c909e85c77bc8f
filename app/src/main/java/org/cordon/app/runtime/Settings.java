package org.cordon.app.runtime;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Cordon keeps its state. The default is an embedded PostgreSQL and an evidence archive under
 * {@code dataDirectory}; an external server is used when {@code jdbcUrl} is given.
 */
public record Settings(Path dataDirectory, Optional<String> jdbcUrl, String dbUser, String dbPassword) {
  public Settings {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(dbUser, "dbUser");
    Objects.requireNonNull(dbPassword, "dbPassword");
  }

  public static Settings embedded(Path dataDirectory) {
    return new Settings(dataDirectory, Optional.empty(), "postgres", "");
  }

  public Path evidenceDirectory() {
    return dataDirectory.resolve("evidence");
  }

  public Path databaseDirectory() {
    return dataDirectory.resolve("pg");
  }

  /** The authority named on removal orders; {@code CORDON_ISSUING_AUTHORITY} or a placeholder a deployment replaces. */
  public String issuingAuthority() {
    String configured = System.getenv("CORDON_ISSUING_AUTHORITY");
    return configured == null || configured.isBlank() ? "Internet Referral Unit (set CORDON_ISSUING_AUTHORITY)" : configured;
  }

  /** Versioned lexicons ({@code NAME.json} in use, {@code history/NAME/vN.json} kept), each read by its own lexicon detector. */
  public Path lexiconDirectory() {
    return dataDirectory.resolve("lexicons");
  }

  /** Lexicon file the lexicon detector reads (and re-reads when it changes), if present. */
  public Path lexiconFile() {
    return dataDirectory.resolve("lexicon.csv");
  }

  /** Hash lists the known-media detector loads: every {@code *.csv} in this directory. */
  public Path hashListDirectory() {
    return dataDirectory.resolve("hashlists");
  }

  /** URL lists the known-URL detector loads: every {@code *.csv} in this directory ({@code url,label,tier}). */
  public Path urlListDirectory() {
    return dataDirectory.resolve("urllists");
  }

  /** Known statements the near-duplicate detector loads: every {@code *.csv} here ({@code text,label,tier}). */
  public Path statementListDirectory() {
    return dataDirectory.resolve("statements");
  }

  /** Platform gateways: {@code PLATFORM.url} and {@code PLATFORM.secret} per platform. */
  public Path gatewaysFile() {
    return dataDirectory.resolve("gateways.properties");
  }

  public Path usersFile() {
    return dataDirectory.resolve("users.properties");
  }
}
