package org.migrationledger.ledger;

import static org.migrationledger.ledger.ApplyTest.codes;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_1;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_2;
import static org.migrationledger.ledger.LedgerFixtures.DB;
import static org.migrationledger.ledger.LedgerFixtures.applied;
import static org.migrationledger.ledger.LedgerFixtures.apply;
import static org.migrationledger.ledger.LedgerFixtures.fixture;
import static org.migrationledger.ledger.LedgerFixtures.proposed;
import static org.migrationledger.ledger.LedgerFixtures.registered;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.api.events.SchemaSnapshotObserved;
import org.migrationledger.api.events.SchemaSnapshotObserved.HistoryRow;

class ImportAndObservationTest {

    private static final Instant RAN_AT = Instant.parse("2024-05-01T10:00:00Z");
    private static final String FIRST = "0001_add_email";
    private static final String SECOND = "0002_add_phone";

    private AggregateTestFixture<SchemaLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Nested
    class Importing {

        @Test
        void makesMigrationsTheLedgerNeverSawKnownAsImported() {
            fixture.given(registered())
                    .when(importing("production", row("V1__add_email", "1.0.0", CHECKSUM_1)))
                    .expectEvents(run("production", FIRST, "V1__add_email.sql", "1.0.0", CHECKSUM_1, true));
        }

        @Test
        void leavesOutRunsTheLedgerAlreadyRecorded() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), applied(FIRST, "local", CHECKSUM_1))
                    .when(importing("local", row(FIRST, "9.9.9", CHECKSUM_1), row(SECOND, "1.1.0", CHECKSUM_2)))
                    .expectEvents(run("local", SECOND, SECOND + ".sql", "1.1.0", CHECKSUM_2, true));
        }

        @Test
        void importingTheSameHistoryAgainRecordsNothingNotEvenItsFailedAttempts() {
            ImportHistory.Entry failedFirst = new ImportHistory.Entry(
                    FIRST, "1.0.0", "add email", FIRST + ".sql", CHECKSUM_1, "deploy", RAN_AT, 3L, false, false);
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                    .andGiven(
                            failedRun("local", FIRST), run("local", FIRST, FIRST + ".sql", "1.0.0", CHECKSUM_1, false))
                    .when(importing("local", failedFirst, row(FIRST, "1.0.0", CHECKSUM_1)))
                    .expectNoEvents();
        }

        @Test
        void aFirstImportRecordsAFailedAttemptAndItsSuccessInOrder() {
            ImportHistory.Entry failedFirst = new ImportHistory.Entry(
                    FIRST, "1.0.0", "add email", FIRST + ".sql", CHECKSUM_1, "deploy", RAN_AT, 3L, false, false);
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                    .when(importing("local", failedFirst, row(FIRST, "1.0.0", CHECKSUM_1)))
                    .expectEvents(
                            failedRun("local", FIRST), run("local", FIRST, FIRST + ".sql", "1.0.0", CHECKSUM_1, false));
        }

        @Test
        void recordsAKnownMigrationUnderItsOwnVersion() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                    .when(importing("staging", row(FIRST, "7.0.0", CHECKSUM_1)))
                    .expectEvents(run("staging", FIRST, FIRST + ".sql", "1.0.0", CHECKSUM_1, false));
        }

        @Test
        void refusesAVersionAnotherMigrationHas() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                    .when(importing("staging", row(SECOND, "1.0.0", CHECKSUM_2)))
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage("Version 1.0.0 of imported 0002_add_phone is already used by migration"
                            + " 0001_add_email in this database.");
        }

        @Test
        void refusesAnUnknownEnvironment() {
            fixture.given(registered())
                    .when(importing("qa", row(FIRST, "1.0.0", CHECKSUM_1)))
                    .expectException(LedgerRuleViolation.class);
        }

        @Test
        void anImportedMigrationCountsAsAppliedButWasNeverApproved() {
            fixture.given(registered(), run("local", FIRST, FIRST + ".sql", "1.0.0", CHECKSUM_1, true))
                    .andGiven(run("ci", FIRST, FIRST + ".sql", "1.0.0", CHECKSUM_1, false))
                    .when(apply(FIRST, "staging", CHECKSUM_1))
                    .expectResultMessagePayloadMatching(codes("NOT_APPROVED"));
        }
    }

    @Nested
    class Observing {

        @Test
        void stampsTheLedgersVersionAndGivesVersionedHistoryRowsTheirIds() {
            HistoryRow marker = new HistoryRow(
                    0,
                    null,
                    "<< Flyway Schema Creation >>",
                    "SCHEMA",
                    "\"public\"",
                    null,
                    "deploy",
                    RAN_AT,
                    0,
                    true,
                    null);
            HistoryRow row = new HistoryRow(
                    1, "1", "add email", "SQL", "V1__add_email.sql", 42, "deploy", RAN_AT, 5, true, null);
            HistoryRow withId = new HistoryRow(
                    1, "1", "add email", "SQL", "V1__add_email.sql", 42, "deploy", RAN_AT, 5, true, FIRST);

            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), applied(FIRST, "local", CHECKSUM_1))
                    .when(new RecordSchemaSnapshot(DB, "local", RAN_AT, "MIGRATE", null, List.of(marker, row)))
                    .expectEvents(new SchemaSnapshotObserved(
                            DB, "local", RAN_AT, "MIGRATE", "1.0.0", null, List.of(marker, withId)));
        }

        @Test
        void refusesAnUnknownEnvironment() {
            fixture.given(registered())
                    .when(new RecordSchemaSnapshot(DB, "qa", RAN_AT, "MANUAL", null, List.of()))
                    .expectException(LedgerRuleViolation.class);
        }
    }

    private static ImportHistory importing(String env, ImportHistory.Entry... rows) {
        return new ImportHistory(DB, env, "flyway_schema_history", List.of(rows));
    }

    private static ImportHistory.Entry row(String id, String version, String checksum) {
        return new ImportHistory.Entry(
                id, version, "add email", id + ".sql", checksum, "deploy", RAN_AT, 12L, true, false);
    }

    private static MigrationRunImported failedRun(String env, String id) {
        return new MigrationRunImported(
                DB,
                env,
                "flyway_schema_history",
                id,
                "1.0.0",
                "add email",
                id + ".sql",
                CHECKSUM_1,
                "deploy",
                RAN_AT,
                3L,
                false,
                false,
                false);
    }

    private static MigrationRunImported run(
            String env, String id, String script, String version, String checksum, boolean isNew) {
        return new MigrationRunImported(
                DB,
                env,
                "flyway_schema_history",
                id,
                version,
                "add email",
                script,
                checksum,
                "deploy",
                RAN_AT,
                12L,
                true,
                false,
                isNew);
    }
}
