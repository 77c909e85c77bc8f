package org.cordon.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Starts zonky's embedded PostgreSQL on a data directory that outlives the JVM. A run killed with
 * SIGKILL leaves either a postmaster still running (it is not in the JVM) or, when the server was
 * killed too, a {@code postmaster.pid} whose process id may since have been reused by another
 * process: PostgreSQL then refuses to start. Both are cleared here before zonky starts the server.
 */
final class EmbeddedServer {
  static final String CLUSTER = "pgdata";
  static final String USER = "postgres";
  /** zonky's lock file in the cluster, held while a JVM runs the server. */
  private static final String ZONKY_LOCK = "epg-lock";
  private static final String PID_FILE = "postmaster.pid";
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);

  private EmbeddedServer() {}

  static EmbeddedPostgres start(Path cluster, Path binaries, boolean durable) {
    try {
      Files.createDirectories(cluster);
      Files.createDirectories(binaries);
      clearLeftovers(cluster);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(cluster)
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(binaries.toFile())
          .setPGStartupWait(STARTUP_WAIT)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("max_connections", "100");
      // Libraries to preload, for a benchmark that asks the server where its time goes
      // (pg_stat_statements); none by default, since each costs every statement a little.
      String preload = System.getProperty(Database.PRELOAD_PROPERTY, "").strip();
      if (!preload.isEmpty()) {
        builder.setServerConfig("shared_preload_libraries", preload);
      }
      // Settings an operator of the embedded server chooses (shared_buffers=256MB,work_mem=16MB):
      // they win over the defaults above, not over a durable server's fsync and synchronous commit.
      for (String setting : System.getProperty(Database.SERVER_CONFIG_PROPERTY, "").split(",")) {
        if (setting.isBlank()) {
          continue;
        }
        int equals = setting.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException(Database.SERVER_CONFIG_PROPERTY + " takes name=value pairs separated by commas, got '" + setting + "'");
        }
        builder.setServerConfig(setting.substring(0, equals).strip(), setting.substring(equals + 1).strip());
      }
      if (durable) {
        // zonky starts the server with -F (no fsync) and synchronous commit off, for speed in tests;
        // a system of record wants both on. A -c option comes after -F, so it wins.
        builder.setServerConfig("fsync", "on");
        builder.setServerConfig("synchronous_commit", "on");
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL in " + cluster + ": " + e.getMessage(), e);
    }
  }

  static void stop(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
    }
  }

  /**
   * Makes the cluster startable after a killed run; refuses if another live JVM uses it. Every
   * PostgreSQL process works in its cluster's directory, which is how the leftovers of this cluster
   * (a postmaster, or backends that outlived it) are told from other servers and from a recycled
   * process id.
   */
  static void clearLeftovers(Path cluster) throws IOException {
    Path pidFile = cluster.resolve(PID_FILE);
    if (!Files.exists(pidFile)) {
      return;
    }
    List<ProcessHandle> leftovers = processesServing(cluster.toRealPath());
    if (!leftovers.isEmpty()) {
      if (!unusedByAnotherJvm(cluster)) {
        throw new IllegalStateException("the database in " + cluster + " is in use by another running process; stop it or use another data directory");
      }
      OptionalLong recorded = postmasterPid(pidFile);
      // the postmaster first (a clean shutdown), then whatever backends outlived a killed one
      leftovers.stream().filter(p -> recorded.isPresent() && p.pid() == recorded.getAsLong()).forEach(p -> stop(p, cluster));
      leftovers.forEach(p -> stop(p, cluster));
    }
    // no process serves the cluster any more: the recorded id is dead or names another program
    Files.deleteIfExists(pidFile);
  }

  static List<ProcessHandle> processesServing(Path cluster) {
    return ProcessHandle.allProcesses()
        .filter(EmbeddedServer::isPostgres)
        .filter(p -> workingDirectory(p).map(cluster::equals).orElse(false))
        .toList();
  }

  private static Optional<Path> workingDirectory(ProcessHandle process) {
    try {
      return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")).toRealPath());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static OptionalLong postmasterPid(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(lines.getFirst().trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false);
  }

  /** zonky holds a file lock on the cluster while its JVM lives; a free lock means an orphan. */
  private static boolean unusedByAnotherJvm(Path cluster) throws IOException {
    Path lockFile = cluster.resolve(ZONKY_LOCK);
    if (!Files.exists(lockFile)) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock != null;
    } catch (OverlappingFileLockException e) {
      return false; // this very JVM runs it
    }
  }

  private static void stop(ProcessHandle process, Path cluster) {
    if (!process.isAlive()) {
      return;
    }
    // SIGTERM: a postmaster's smart shutdown (its clients died with their JVM); a backend just ends
    process.destroy();
    try {
      process.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      try {
        process.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (Exception again) {
        throw new IllegalStateException("cannot stop PostgreSQL process " + process.pid() + " left running on " + cluster
            + "; stop it by hand and start again", again);
      }
    }
  }
}
