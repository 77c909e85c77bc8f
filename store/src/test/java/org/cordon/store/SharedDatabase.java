package org.cordon.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded PostgreSQL for the whole test run, started by the first test class that asks and
 * stopped when JUnit closes its root store. Tests keep apart by using their own platform names.
 */
final class SharedDatabase {
  private static final AtomicInteger PLATFORMS = new AtomicInteger();

  private SharedDatabase() {}

  record Handle(Database database, Stores stores, Path evidence) implements AutoCloseable {
    @Override
    public void close() {
      database.close();
    }
  }

  static Handle get(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(SharedDatabase.class, k -> start(), Handle.class);
  }

  private static Handle start() {
    Database database = Database.temporary();
    try {
      Path evidence = Files.createTempDirectory("cordon-evidence-");
      return new Handle(database, Stores.open(database, evidence), evidence);
    } catch (java.io.IOException e) {
      database.close();
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A platform name no other test uses, so that counts and queues can be read per test. */
  static org.cordon.core.model.Platform freshPlatform() {
    return new org.cordon.core.model.Platform("test-" + PLATFORMS.incrementAndGet() + "-" + ProcessHandle.current().pid());
  }
}
