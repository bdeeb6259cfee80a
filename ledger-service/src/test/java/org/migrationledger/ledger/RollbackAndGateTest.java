package org.migrationledger.ledger;

import static org.migrationledger.ledger.ApplyTest.codes;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_1;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_2;
import static org.migrationledger.ledger.LedgerFixtures.DB;
import static org.migrationledger.ledger.LedgerFixtures.LOW_RISK;
import static org.migrationledger.ledger.LedgerFixtures.OTHER_CHECKSUM;
import static org.migrationledger.ledger.LedgerFixtures.applied;
import static org.migrationledger.ledger.LedgerFixtures.approved;
import static org.migrationledger.ledger.LedgerFixtures.fixture;
import static org.migrationledger.ledger.LedgerFixtures.proposed;
import static org.migrationledger.ledger.LedgerFixtures.registered;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.PolicyViolation;
import org.migrationledger.api.events.ReleaseDeployed;

class RollbackAndGateTest {

    private static final String FIRST = "0001_add_email";
    private static final String SECOND = "0002_add_phone";

    private AggregateTestFixture<SchemaLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Nested
    class Rollback {

        @Test
        void recordsARollbackWithinPolicy() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), applied(FIRST, "local", CHECKSUM_1))
                    .when(new RecordRollback(DB, FIRST, "local", null, "DOWN_SCRIPT", "broke login", "flyway", null))
                    .expectEvents(new MigrationRolledBack(
                            DB, FIRST, "local", "DOWN_SCRIPT", "broke login", "flyway", null, List.of()));
        }

        @Test
        void recordsARollbackOfAMigrationThatIsNotApplied() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                    .when(new RecordRollback(DB, FIRST, "local", null, "RESTORE", "restored backup", null, null))
                    .expectResultMessagePayloadMatching(codes("NOT_APPLIED"));
        }

        @Test
        void recordsADownScriptRollbackOfABreakingMigration() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1, "contract", true, LOW_RISK, null))
                    .andGiven(applied(FIRST, "local", CHECKSUM_1))
                    .when(new RecordRollback(DB, FIRST, "local", null, "DOWN_SCRIPT", "oops", null, null))
                    .expectResultMessagePayloadMatching(codes("NOT_ROLLBACK_SAFE"));
        }

        @Test
        void recordsARollbackUnderneathLaterMigrations() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), proposed(SECOND, "1.1.0", CHECKSUM_2))
                    .andGiven(applied(FIRST, "local", CHECKSUM_1), applied(SECOND, "local", CHECKSUM_2))
                    .when(new RecordRollback(DB, FIRST, "local", null, "FORWARD_FIX", "fixed forward", null, null))
                    .expectResultMessagePayloadMatching(codes("LATER_MIGRATIONS_APPLIED"));
        }
    }

    @Nested
    class Gate {

        @Test
        void allowsWhatPolicyAllows() {
            fixture.given(
                            registered(),
                            proposed(FIRST, "1.0.0", CHECKSUM_1),
                            approved(FIRST, "bob", "approver", CHECKSUM_1))
                    .andGiven(applied(FIRST, "local", CHECKSUM_1))
                    .when(new CheckGate(DB, FIRST, "ci", null))
                    .expectNoEvents()
                    .expectResultMessagePayload(new GateDecision(true, List.of()));
        }

        @Test
        void refusesProductionBeforeStagingWithEveryReason() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                    .andGiven(applied(FIRST, "local", CHECKSUM_1), applied(FIRST, "ci", CHECKSUM_1))
                    .when(new CheckGate(DB, FIRST, "production", null))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<GateDecision>("refusal") {
                        @Override
                        protected boolean matchesSafely(GateDecision decision) {
                            return !decision.allowed()
                                    && decision.reasons().stream()
                                            .map(PolicyViolation::code)
                                            .toList()
                                            .equals(List.of("NOT_APPROVED", "PREVIOUS_ENVIRONMENT_SKIPPED"));
                        }
                    });
        }

        @Test
        void judgesTheChecksumAboutToRun() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), applied(FIRST, "local", CHECKSUM_1))
                    .andGiven(approved(FIRST, "bob", "approver", CHECKSUM_1))
                    .when(new CheckGate(DB, FIRST, "ci", OTHER_CHECKSUM))
                    .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<GateDecision>("checksum refusal") {
                        @Override
                        protected boolean matchesSafely(GateDecision decision) {
                            return decision.reasons().stream()
                                    .map(PolicyViolation::code)
                                    .toList()
                                    .equals(List.of("CHECKSUM_MISMATCH", "PREVIOUS_ENVIRONMENT_CHECKSUM_DIFFERS"));
                        }
                    });
        }
    }

    @Nested
    class Release {

        @Test
        void recordsTheCurrentVersionWhenNoneIsReported() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), applied(FIRST, "local", CHECKSUM_1))
                    .when(new RecordRelease(DB, "local", "2.4.0", null))
                    .expectEvents(new ReleaseDeployed(DB, "local", "2.4.0", "1.0.0"));
        }

        @Test
        void refusesAReleaseToAnUnknownEnvironment() {
            fixture.given(registered())
                    .when(new RecordRelease(DB, "qa", "2.4.0", null))
                    .expectNoEvents()
                    .expectException(LedgerRuleViolation.class);
        }
    }
}
