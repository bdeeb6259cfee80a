package org.migrationledger.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at a fresh database. Call it from a {@code @DynamicPropertySource} method of a test
 * base class that also carries {@code @DirtiesContext(classMode = AFTER_CLASS)}, so that every test class builds its
 * own context and therefore gets its own database. Databases are dropped when the test JVM exits, after the contexts
 * that hold connections to them have been closed.
 */
public final class SpringTestDatabases {

    private static final List<FreshDatabase> CREATED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SpringTestDatabases::dropAll, "drop-test-databases"));
    }

    private SpringTestDatabases() {}

    public static FreshDatabase register(DynamicPropertyRegistry registry, String label) {
        FreshDatabase database = FreshDatabase.create(label);
        synchronized (CREATED) {
            CREATED.add(database);
        }
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", () -> database.password() == null ? "" : database.password());
        // Hikari keeps maximum-pool-size connections open by default; several test JVMs at once on one shared
        // PostgreSQL (max_connections 100) then run out of connections although few of them are ever busy.
        registry.add("spring.datasource.hikari.minimum-idle", () -> "2");
        return database;
    }

    private static void dropAll() {
        synchronized (CREATED) {
            for (FreshDatabase database : CREATED) {
                if (database.server().endsWithTheJvm()) {
                    continue;
                }
                try {
                    database.close();
                } catch (RuntimeException e) {
                    System.err.println("Could not drop test database " + database.name() + ": " + e.getMessage());
                }
            }
            CREATED.clear();
        }
    }
}
