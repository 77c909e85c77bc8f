package org.cordon.store;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/** Hands the shared database to each {@link DatabaseTestBase} instance. */
final class WithDatabase implements TestInstancePostProcessor {
  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    SharedDatabase.Handle handle = SharedDatabase.get(context);
    DatabaseTestBase test = (DatabaseTestBase) testInstance;
    test.database = handle.database();
    test.stores = handle.stores();
    test.evidenceDirectory = handle.evidence();
  }
}
