package org.cordon.store;

import java.nio.file.Path;
import java.util.List;

/** Runs an embedded database in its own JVM until killed: lets a test kill the JVM and leave the server orphaned. */
final class EmbeddedDatabaseProcess {
  private EmbeddedDatabaseProcess() {}

  public static void main(String[] args) throws Exception {
    Database database = Database.embedded(Path.of(args[0]));
    Stores.open(database, Path.of(args[0]).resolve("evidence")).observations()
        .write("orphan", List.of(Fixtures.record("f", 1, Fixtures.post(new org.cordon.core.model.Platform("orphan"), "p", "a", Fixtures.T0))));
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
