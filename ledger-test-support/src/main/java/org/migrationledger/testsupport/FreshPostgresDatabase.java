package org.migrationledger.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension for plain (non-Spring) integration tests: register it as a static {@code @RegisterExtension} field
 * and read {@link #database()} in tests; each test class gets its own database.
 */
public final class FreshPostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    private FreshDatabase database;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = FreshDatabase.create(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    public FreshDatabase database() {
        if (database == null) {
            throw new IllegalStateException("FreshPostgresDatabase must be a static @RegisterExtension field");
        }
        return database;
    }
}
