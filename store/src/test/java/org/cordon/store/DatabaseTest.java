package org.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cordon.core.model.Platform;
import org.cordon.core.model.PostKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Starts its own embedded servers on directories of its own: restarts are what is tested. */
class DatabaseTest {
  private static final Platform PLATFORM = new Platform("restart");
  private static final PostKey KEPT = PostKey.of(PLATFORM, "kept");

  @TempDir Path directory;

  private static void writeOnePost(Database database, Path evidence) {
    Stores.open(database, evidence).observations()
        .write("src", List.of(Fixtures.record("f", 1, Fixtures.post(PLATFORM, KEPT.id(), "a", Fixtures.T0))));
  }

  private static boolean hasThePost(Database database, Path evidence) {
    return Stores.open(database, evidence).observations().post(KEPT).isPresent();
  }

  private static String setting(Database database, String name) {
    try (var c = database.dataSource().getConnection(); var rs = c.createStatement().executeQuery("SHOW " + name)) {
      rs.next();
      return rs.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path pidFile() {
    return directory.resolve(EmbeddedServer.CLUSTER).resolve("postmaster.pid");
  }

  @Test
  void anOperatorsSettingsReachTheEmbeddedServerButDurabilityStays() {
    System.setProperty(Database.SERVER_CONFIG_PROPERTY, "shared_buffers=16MB, work_mem = 8MB,,fsync=off");
    try (Database database = Database.embedded(directory)) {
      assertThat(setting(database, "shared_buffers")).isEqualTo("16MB");
      assertThat(setting(database, "work_mem")).isEqualTo("8MB");
      assertThat(setting(database, "fsync")).as("a system of record keeps fsync, whatever is asked").isEqualTo("on");
    } finally {
      System.clearProperty(Database.SERVER_CONFIG_PROPERTY);
    }
  }

  @Test
  void aSettingWithoutItsValueIsRefusedBeforeTheServerStarts() {
    System.setProperty(Database.SERVER_CONFIG_PROPERTY, "shared_buffers");
    try {
      assertThatThrownBy(() -> Database.embedded(directory))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(Database.SERVER_CONFIG_PROPERTY)
          .hasMessageContaining("'shared_buffers'");
    } finally {
      System.clearProperty(Database.SERVER_CONFIG_PROPERTY);
    }
    assertThat(pidFile()).doesNotExist();
  }

  @Test
  void dataSurvivesARestartOnTheSameDirectory() {
    try (Database database = Database.embedded(directory)) {
      writeOnePost(database, directory.resolve("evidence"));
      assertThat(setting(database, "fsync")).isEqualTo("on");
      assertThat(setting(database, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(database, "listen_addresses")).isEqualTo("127.0.0.1");
    }
    assertThat(pidFile()).doesNotExist();

    try (Database database = Database.embedded(directory)) {
      assertThat(hasThePost(database, directory.resolve("evidence"))).isTrue();
    }
  }

  @Test
  void aServerKilledWithSigkillRestartsWithItsData() throws Exception {
    Database first = Database.embedded(directory);
    writeOnePost(first, directory.resolve("evidence"));
    long postmaster = Long.parseLong(Files.readAllLines(pidFile()).getFirst().trim());
    ProcessHandle process = ProcessHandle.of(postmaster).orElseThrow();
    process.destroyForcibly();
    process.onExit().get(30, TimeUnit.SECONDS);
    // its backends may still be ending: the restart must wait for them rather than share the data with them
    first.close(); // its stop fails quietly; this releases the pool and zonky's lock
    assertThat(pidFile()).exists();

    try (Database database = Database.embedded(directory)) {
      assertThat(hasThePost(database, directory.resolve("evidence"))).isTrue();
    }
  }

  @Test
  void aStalePidFileNamingAnotherLiveProcessDoesNotPreventAStart() throws Exception {
    try (Database database = Database.embedded(directory)) {
      writeOnePost(database, directory.resolve("evidence"));
    }
    // after a crash the recorded pid may have been reused, here by this very JVM: PostgreSQL alone would refuse to start
    Files.writeString(pidFile(), ProcessHandle.current().pid() + "\n" + directory.resolve(EmbeddedServer.CLUSTER) + "\n0\n5432\n\n\n0 0\nready\n");

    try (Database database = Database.embedded(directory)) {
      assertThat(hasThePost(database, directory.resolve("evidence"))).isTrue();
    }
  }

  @Test
  void aServerOrphanedByAKilledJvmIsStoppedAndTheDatabaseReopens() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-Dot.epg.working-dir=" + System.getProperty("ot.epg.working-dir", System.getProperty("java.io.tmpdir") + "/embedded-pg"), "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseProcess.class.getName(), directory.toString())
        .redirectErrorStream(true)
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.equals("ready"));
      assertThat(line).as("the child JVM started its database").isEqualTo("ready");
    }
    long postmaster = Long.parseLong(Files.readAllLines(pidFile()).getFirst().trim());
    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(ProcessHandle.of(postmaster)).as("the server outlives its JVM").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

    try (Database database = Database.embedded(directory)) {
      assertThat(Stores.open(database, directory.resolve("evidence")).observations().post(PostKey.of(new Platform("orphan"), "p"))).isPresent();
      assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
  }

  @Test
  void anExternalDatabaseIsReachedByUrlAndMigrated() {
    try (Database embedded = Database.temporary();
        Database external = Database.external(embedded.jdbcUrl(), "postgres", "")) {
      writeOnePost(external, directory.resolve("evidence"));

      assertThat(hasThePost(embedded, directory.resolve("evidence"))).isTrue();
      var info = Database.flyway(external.dataSource()).info();
      assertThat(info.current()).isNotNull();
      assertThat(info.pending()).as("every migration applied").isEmpty();
    }
  }

  @Test
  void theMigrateCommandOpensTheEmbeddedDatabaseOfTheGivenDataDirectory() {
    StringWriter out = new StringWriter();

    int exit = new CommandLine(new DatabaseCommand()).setOut(new PrintWriter(out)).execute("--data", directory.toString(), "migrate");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("schema is up to date", "Success").containsPattern("cases\\s+0\\b");
    assertThat(directory.resolve("pg").resolve(EmbeddedServer.CLUSTER).resolve("PG_VERSION")).exists();
    assertThat(directory.resolve("pg").resolve(EmbeddedServer.CLUSTER).resolve("postmaster.pid")).doesNotExist();
  }

  @Test
  void theInfoCommandPrintsMigrationsAndRowCounts() {
    try (Database embedded = Database.temporary()) {
      writeOnePost(embedded, directory.resolve("evidence"));
      StringWriter out = new StringWriter();
      CommandLine command = new CommandLine(new DatabaseCommand()).setOut(new PrintWriter(out));

      int exit = command.execute("--jdbc-url", embedded.jdbcUrl(), "info");

      assertThat(exit).isZero();
      assertThat(out.toString()).contains("system of record", "Success").containsPattern("posts\\s+1\\b").containsPattern("decisions\\s+0\\b");
    }
  }
}
