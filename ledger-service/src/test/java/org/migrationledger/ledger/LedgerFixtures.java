package org.migrationledger.ledger;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.migrationledger.api.events.DatabaseRegistered;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApproved;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.PolicyViolation;
import org.migrationledger.api.events.ReleaseDeployed;
import org.migrationledger.api.events.RiskAssessment;

/** Fixed test data for the schema ledger. */
final class LedgerFixtures {

    static final String DB = "wishlist";
    static final List<String> PATH = List.of("local", "ci", "staging", "production");
    static final String CHECKSUM_1 = "1".repeat(64);
    static final String CHECKSUM_2 = "2".repeat(64);
    static final String OTHER_CHECKSUM = "f".repeat(64);
    static final RiskAssessment LOW_RISK = new RiskAssessment("LOW", "drop the column again", "ran on ci", 5L);
    static final RiskAssessment HIGH_RISK = new RiskAssessment("HIGH", "restore from backup", "ran on staging", 600L);

    private LedgerFixtures() {}

    static AggregateTestFixture<SchemaLedger> fixture() {
        AggregateTestFixture<SchemaLedger> fixture = new AggregateTestFixture<>(SchemaLedger.class);
        fixture.registerInjectableResource(new PolicySettings(2));
        return fixture;
    }

    static DatabaseRegistered registered() {
        return new DatabaseRegistered(DB, PATH);
    }

    static ProposeMigration propose(String migrationId, String version, String checksum) {
        return new ProposeMigration(
                DB,
                migrationId,
                version,
                "adds a column",
                null,
                "alice",
                checksum,
                null,
                "alter table t drop column c",
                "expand",
                false,
                null,
                LOW_RISK,
                List.of("select 1"),
                null,
                null,
                List.of(),
                null);
    }

    static MigrationProposed proposed(String migrationId, String version, String checksum) {
        return proposed(migrationId, version, checksum, "expand", false, LOW_RISK, null);
    }

    static MigrationProposed proposed(
            String migrationId,
            String version,
            String checksum,
            String category,
            boolean breaking,
            RiskAssessment risk,
            String expandMigrationId) {
        return new MigrationProposed(
                DB,
                migrationId,
                version,
                "adds a column",
                "alice",
                "alice",
                checksum,
                null,
                "alter table t drop column c",
                category,
                breaking,
                !breaking && !"contract".equals(category),
                risk,
                List.of("select 1"),
                expandMigrationId,
                null,
                List.of(),
                null);
    }

    static MigrationApproved approved(String migrationId, String approver, String role, String checksum) {
        return new MigrationApproved(DB, migrationId, approver, role, checksum, null, 1, true);
    }

    static MigrationApplied applied(String migrationId, String environment, String checksum) {
        return new MigrationApplied(DB, migrationId, environment, checksum, null, 100L, "flyway", null, List.of());
    }

    static MigrationApplied applied(String migrationId, String environment, String checksum, List<PolicyViolation> v) {
        return new MigrationApplied(DB, migrationId, environment, checksum, null, 100L, "flyway", null, v);
    }

    static RecordApply apply(String migrationId, String environment, String checksum) {
        return new RecordApply(
                DB, migrationId, environment, null, checksum, true, null, 100L, null, null, "flyway", null, "ci");
    }

    static ReleaseDeployed release(String environment, String release) {
        return new ReleaseDeployed(DB, environment, release, "1.0.0");
    }
}
