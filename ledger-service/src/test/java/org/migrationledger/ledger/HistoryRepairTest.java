package org.migrationledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_1;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_2;
import static org.migrationledger.ledger.LedgerFixtures.DB;
import static org.migrationledger.ledger.LedgerFixtures.applied;
import static org.migrationledger.ledger.LedgerFixtures.fixture;
import static org.migrationledger.ledger.LedgerFixtures.proposed;
import static org.migrationledger.ledger.LedgerFixtures.registered;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationHistoryRepaired;
import org.migrationledger.api.events.MigrationHistoryRepaired.RepairedEntry;

/** A repair of an environment's history is recorded as its own fact, and a failure it removed is no longer held. */
class HistoryRepairTest {

    private static final String FIRST = "0001_add_email";
    private static final String SECOND = "0002_add_phone";

    private AggregateTestFixture<SchemaLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void namesEachRepairedEntryByTheLedgersMigrationId() {
        fixture.given(registered())
                .when(new RecordHistoryRepair(
                        DB,
                        "ci",
                        "flyway",
                        List.of(entry(null, "2", "add phone", "V2__add_phone.sql")),
                        List.of(entry(null, null, "refresh views", "R__refresh_views.sql")),
                        List.of(entry(null, "1", "add email", "V1__add_email.sql"))))
                .expectEvents(new MigrationHistoryRepaired(
                        DB,
                        "ci",
                        "flyway",
                        List.of(entry(SECOND, "2", "add phone", "V2__add_phone.sql")),
                        List.of(entry(null, null, "refresh views", "R__refresh_views.sql")),
                        List.of(entry(FIRST, "1", "add email", "V1__add_email.sql"))));
    }

    @Test
    void aFailureTheRepairRemovedIsNoLongerHeld() {
        fixture.given(
                        registered(),
                        proposed(FIRST, "1.0.0", CHECKSUM_1),
                        proposed(SECOND, "1.1.0", CHECKSUM_2),
                        applied(FIRST, "ci", CHECKSUM_1),
                        failed(SECOND, "ci"),
                        failed(SECOND, "local"))
                .when(new RecordHistoryRepair(
                        DB,
                        "ci",
                        "flyway",
                        List.of(
                                entry(null, "1", "add email", "V1__add_email.sql"),
                                entry(null, "2", "add phone", "V2__add_phone.sql")),
                        List.of(),
                        List.of()))
                .expectSuccessfulHandlerExecution()
                .expectState(ledger -> {
                    var second = environments(ledger, SECOND);
                    assertThat(second).extracting(f -> f.environment()).containsExactly("local");
                    // The repair named a migration applied in ci: only a failure is forgotten, never an apply.
                    assertThat(environments(ledger, FIRST))
                            .extracting(f -> f.environment() + "=" + f.status())
                            .containsExactly("ci=APPLIED");
                });
    }

    @Test
    void refusesAnEnvironmentOutsideThePath() {
        fixture.given(registered())
                .when(new RecordHistoryRepair(
                        DB, "qa", "flyway", List.of(entry(null, "1", "add email", null)), List.of(), List.of()))
                .expectException(LedgerRuleViolation.class);
    }

    private static List<SchemaLedgerSnapshot.EnvironmentFact> environments(SchemaLedger ledger, String migrationId) {
        return ledger.snapshot().migrations().stream()
                .filter(m -> m.migrationId().equals(migrationId))
                .findFirst()
                .orElseThrow()
                .environments();
    }

    private static MigrationApplyFailed failed(String migrationId, String environment) {
        return new MigrationApplyFailed(
                DB, migrationId, environment, CHECKSUM_2, null, 10L, "ERROR: boom", null, "flyway", null, List.of());
    }

    private static RepairedEntry entry(String migrationId, String version, String description, String script) {
        return new RepairedEntry(migrationId, version, description, script);
    }
}
