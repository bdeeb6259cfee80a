package org.migrationledger.projection;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.migrationledger.projection.compatibility.CompatibilityKeysMigration;
import org.migrationledger.projection.history.VersionKeysMigration;
import org.migrationledger.projection.rebuild.Generations;
import org.migrationledger.testsupport.FreshDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh database with the read-model scripts applied, and the pieces a projection and its query handler need. */
public record ReadModelDatabase(DataSource dataSource, JdbcClient jdbc, Generations generations) {

    public static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    /**
     * One connection for a test's thousands of statements, where {@link #migrate}'s data source opens one each; the
     * test destroys it when done.
     */
    public static SingleConnectionDataSource oneConnection(FreshDatabase database) {
        return new SingleConnectionDataSource(database.jdbcUrl(), database.user(), database.password(), true);
    }

    public static ReadModelDatabase migrate(FreshDatabase database) {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/projections")
                .javaMigrations(new VersionKeysMigration(), new CompatibilityKeysMigration())
                .validateMigrationNaming(true)
                .load()
                .migrate();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/storedevents")
                .table("stored_events_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Generations generations = new Generations(jdbc, transactions, Clock.fixed(NOW, ZoneOffset.UTC));
        return new ReadModelDatabase(dataSource, jdbc, generations);
    }

    /** Stores an event's identity as the event store does, at the global index the store gave it. */
    public void store(long globalIndex, String eventId, String database, long sequenceNumber) {
        jdbc.sql("""
                        insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,
                                                        sequence_number)
                        values (?, ?, ?, ?)
                        """).params(globalIndex, eventId, database, sequenceNumber).update();
    }

    /** Runs a delivery twice, as a processor that redelivers after a crash would. */
    public static void twice(Runnable delivery) {
        delivery.run();
        delivery.run();
    }
}
