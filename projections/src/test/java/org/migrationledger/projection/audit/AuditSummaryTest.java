package org.migrationledger.projection.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.MigrationHistoryRepaired;
import org.migrationledger.api.events.MigrationHistoryRepaired.RepairedEntry;

/** What the audit trail says about a history repair. */
class AuditSummaryTest {

    private static final RepairedEntry FAILED =
            new RepairedEntry("0002_add_price", "2", "add price", "V2__add_price.sql");
    private static final RepairedEntry REALIGNED = new RepairedEntry("0001_create", "1", "create", "V1__create.sql");
    private static final RepairedEntry REPEATABLE = new RepairedEntry(null, null, "refresh views", "R__refresh.sql");

    @Test
    void aRepairOfOneMigrationIsAboutThatMigration() {
        AuditSummary summary = AuditSummary.of(
                new MigrationHistoryRepaired("shop", "ci", "flyway", List.of(FAILED), List.of(), List.of()));

        assertThat(summary.migrationId()).isEqualTo("0002_add_price");
        assertThat(summary.environment()).isEqualTo("ci");
        assertThat(summary.sentence())
                .isEqualTo("flyway repair of the history in ci removed the failed run of 0002_add_price.");
    }

    @Test
    void aRepairOfSeveralNamesEachChange() {
        AuditSummary summary = AuditSummary.of(new MigrationHistoryRepaired(
                "shop", "production", "flyway", List.of(FAILED), List.of(REPEATABLE), List.of(REALIGNED)));

        assertThat(summary.migrationId()).isNull();
        assertThat(summary.sentence())
                .isEqualTo("flyway repair of the history in production removed the failed run of 0002_add_price;"
                        + " marked deleted refresh views; realigned with the files on disk 0001_create.");
    }
}
