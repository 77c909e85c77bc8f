package org.cordon.app.web;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console's users, from {@code users.properties} in the data directory: one line per user,
 * {@code NAME=ROLE[,ROLE...]:ENCODED_PASSWORD}. On the first start the file is created with an
 * analyst, a supervisor and an ingest account with random passwords, written once to
 * {@code initial-credentials.txt} (readable by the owner only) for whoever runs the unit's server.
 */
public final class Users {
  public static final List<String> ROLES = List.of("ANALYST", "SUPERVISOR", "INGEST", "ADMIN", "LIAISON");
  /** A liaison officer's unit is a role of its own: {@code UNIT_} and the unit's name. */
  static final java.util.regex.Pattern UNIT_ROLE = java.util.regex.Pattern.compile("UNIT_[a-z0-9][a-z0-9_-]{0,62}");

  private Users() {}

  public static List<UserDetails> load(Path file, PasswordEncoder encoder) throws IOException {
    if (!Files.exists(file)) {
      createInitial(file, encoder);
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    List<UserDetails> users = new ArrayList<>();
    for (String name : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
      String value = p.getProperty(name);
      int colon = value.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(file + ": user '" + name + "' needs ROLES:PASSWORD");
      }
      String[] roles = value.substring(0, colon).split(",");
      for (String role : roles) {
        if (!ROLES.contains(role) && !UNIT_ROLE.matcher(role).matches()) {
          throw new IllegalArgumentException(file + ": user '" + name + "' has unknown role '" + role + "'; known: " + ROLES + " and UNIT_name");
        }
      }
      users.add(User.withUsername(name).password(value.substring(colon + 1)).roles(roles).build());
    }
    return users;
  }

  private static void createInitial(Path file, PasswordEncoder encoder) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    SecureRandom random = new SecureRandom();
    StringBuilder credentials = new StringBuilder("# Initial Cordon users. Change them; delete this file once read.\n");
    Properties p = new Properties();
    for (String[] user : List.of(new String[] {"analyst", "ANALYST"}, new String[] {"supervisor", "SUPERVISOR,ANALYST"},
        new String[] {"ingest", "INGEST"}, new String[] {"admin", "ADMIN,SUPERVISOR,ANALYST"})) {
      byte[] secret = new byte[12];
      random.nextBytes(secret);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      p.setProperty(user[0], user[1] + ":" + encoder.encode(password));
      credentials.append(user[0]).append(' ').append(password).append('\n');
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "Cordon users: NAME=ROLES:ENCODED_PASSWORD");
    }
    Path initial = file.resolveSibling("initial-credentials.txt");
    Files.writeString(initial, credentials);
    try {
      Files.setPosixFilePermissions(initial, PosixFilePermissions.fromString("rw-------"));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: nothing more to do here.
    }
  }
}
