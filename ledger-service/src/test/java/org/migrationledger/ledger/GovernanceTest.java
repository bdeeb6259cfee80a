package org.migrationledger.ledger;

import static org.hamcrest.Matchers.containsString;
import static org.migrationledger.ledger.ApplyTest.codes;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_1;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_2;
import static org.migrationledger.ledger.LedgerFixtures.DB;
import static org.migrationledger.ledger.LedgerFixtures.applied;
import static org.migrationledger.ledger.LedgerFixtures.apply;
import static org.migrationledger.ledger.LedgerFixtures.approved;
import static org.migrationledger.ledger.LedgerFixtures.fixture;
import static org.migrationledger.ledger.LedgerFixtures.propose;
import static org.migrationledger.ledger.LedgerFixtures.proposed;
import static org.migrationledger.ledger.LedgerFixtures.registered;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.DriftAcknowledged;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.MigrationSuperseded;
import org.migrationledger.api.events.MigrationWithdrawn;
import org.migrationledger.api.events.PolicyViolation;
import org.migrationledger.api.events.UnproposedMigrationNoticed;

/** Unproposed facts, decisions that end a migration, acknowledgements of drift and what a failure keeps. */
class GovernanceTest {

    private static final String FIRST = "0001_add_email";
    private static final String SECOND = "0002_add_phone";
    private static final PolicyViolation NOT_PROPOSED = new PolicyViolation(
            "NOT_PROPOSED",
            "Migration " + FIRST
                    + " was never proposed in the ledger; propose it (same id and checksum) to put it under"
                    + " review.");

    private AggregateTestFixture<SchemaLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RecordApply unknownApply(String environment, String version) {
        return new RecordApply(
                DB, FIRST, environment, version, CHECKSUM_1, true, null, 100L, null, null, "flyway", null, "ci");
    }

    private static UnproposedMigrationNoticed noticed(String environment) {
        return new UnproposedMigrationNoticed(DB, FIRST, "1.0.0", CHECKSUM_1, environment);
    }

    @Nested
    class UnproposedFacts {

        @Test
        void recordsAnApplyOfAMigrationNeverProposedAndFlagsIt() {
            fixture.given(registered())
                    .when(unknownApply("local", "1.0.0"))
                    .expectEvents(noticed("local"), applied(FIRST, "local", CHECKSUM_1, List.of(NOT_PROPOSED)))
                    .expectResultMessagePayload(List.of(NOT_PROPOSED));
        }

        @Test
        void recordsAFailureAndARollbackOfAMigrationNeverProposed() {
            RecordApply failed = new RecordApply(
                    DB, FIRST, "local", "1.0.0", CHECKSUM_1, false, null, 5L, "boom", "select 1", "flyway", null, "ci");
            fixture.given(registered())
                    .when(failed)
                    .expectEvents(
                            noticed("local"),
                            new MigrationApplyFailed(
                                    DB,
                                    FIRST,
                                    "local",
                                    CHECKSUM_1,
                                    null,
                                    5L,
                                    "boom",
                                    "select 1",
                                    "flyway",
                                    null,
                                    List.of(NOT_PROPOSED)));
            fixture.given(registered())
                    .when(new RecordRollback(DB, FIRST, "ci", "1.0.0", "RESTORE", "restored", null, null))
                    .expectEvents(
                            new UnproposedMigrationNoticed(DB, FIRST, "1.0.0", null, "ci"),
                            new MigrationRolledBack(
                                    DB,
                                    FIRST,
                                    "ci",
                                    "RESTORE",
                                    "restored",
                                    null,
                                    null,
                                    List.of(
                                            NOT_PROPOSED,
                                            new PolicyViolation(
                                                    "NOT_APPLIED",
                                                    "Migration " + FIRST + " is not applied in ci, so there is nothing"
                                                            + " to roll back."))));
        }

        @Test
        void aLaterFactFlagsItAgainButNoticesItOnce() {
            fixture.given(registered(), noticed("local"), applied(FIRST, "local", CHECKSUM_1, List.of(NOT_PROPOSED)))
                    .when(unknownApply("ci", "1.0.0"))
                    .expectResultMessagePayloadMatching(codes("NOT_PROPOSED"))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    org.hamcrest.Matchers.instanceOf(MigrationApplied.class),
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
        }

        @Test
        void recordsAnUnproposedMigrationEvenWhenItsVersionIsTaken() {
            fixture.given(registered(), proposed(SECOND, "1.0.0", CHECKSUM_2))
                    .when(unknownApply("local", "1.0.0"))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    org.hamcrest.Matchers.instanceOf(UnproposedMigrationNoticed.class),
                                    org.hamcrest.Matchers.instanceOf(MigrationApplied.class),
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
        }

        @Test
        void anUnknownEnvironmentIsStillRefused() {
            fixture.given(registered())
                    .when(unknownApply("prod", "1.0.0"))
                    .expectNoEvents()
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage(containsString("not in the promotion path"));
        }

        @Test
        void aProposalWithTheScriptThatRanAdoptsIt() {
            fixture.given(registered(), noticed("local"), applied(FIRST, "local", CHECKSUM_1, List.of(NOT_PROPOSED)))
                    .when(propose(FIRST, "1.0.0", CHECKSUM_1))
                    .expectEvents(proposed(FIRST, "1.0.0", CHECKSUM_1));
        }

        @Test
        void anAdoptedMigrationKeepsItsFactsAndIsDecidedOnLikeAnyOther() {
            fixture.given(
                            registered(),
                            noticed("local"),
                            applied(FIRST, "local", CHECKSUM_1, List.of(NOT_PROPOSED)),
                            proposed(FIRST, "1.0.0", CHECKSUM_1),
                            approved(FIRST, "bob", "approver", CHECKSUM_1))
                    .when(apply(FIRST, "ci", CHECKSUM_1))
                    .expectResultMessagePayload(List.of());
        }

        @Test
        void refusesAProposalOfAnotherScriptUnderTheIdThatRan() {
            fixture.given(registered(), noticed("local"))
                    .when(propose(FIRST, "1.0.0", CHECKSUM_2))
                    .expectNoEvents()
                    .expectException(LedgerRuleViolation.class)
                    .expectExceptionMessage(containsString("already ran unproposed"));
        }

        @Test
        void refusesApprovingAMigrationThatWasNeverProposed() {
            fixture.given(registered(), noticed("local"))
                    .when(new ApproveMigration(DB, FIRST, "bob", "approver", null, null))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("ran without being proposed"));
        }

        @Test
        void theGateNamesWhatIsMissing() {
            fixture.given(registered(), noticed("local"))
                    .when(new CheckGate(DB, FIRST, "ci", CHECKSUM_1))
                    .expectResultMessagePayloadMatching(
                            new org.hamcrest.CustomTypeSafeMatcher<GateDecision>("a refusal naming NOT_PROPOSED") {
                                @Override
                                protected boolean matchesSafely(GateDecision decision) {
                                    return !decision.allowed()
                                            && decision.reasons().stream()
                                                    .anyMatch(r -> r.code().equals("NOT_PROPOSED"));
                                }
                            });
        }
    }

    @Nested
    class Withdrawal {

        @Test
        void theProposerWithdrawsAMigrationThatNeverRan() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                    .when(new WithdrawMigration(DB, FIRST, "alice", false, "not needed"))
                    .expectEvents(new MigrationWithdrawn(DB, FIRST, "alice", "not needed"));
        }

        @Test
        void anAdminWithdrawsAnyonesMigration() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                    .when(new WithdrawMigration(DB, FIRST, "root", true, "abandoned"))
                    .expectEvents(new MigrationWithdrawn(DB, FIRST, "root", "abandoned"));
        }

        @Test
        void refusesAnyoneElse() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                    .when(new WithdrawMigration(DB, FIRST, "mallory", false, "mine now"))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("only the proposer or an admin"));
        }

        @Test
        void refusesAMigrationThatAlreadyRan() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), applied(FIRST, "local", CHECKSUM_1))
                    .when(new WithdrawMigration(DB, FIRST, "alice", false, "too late"))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("already ran"));
        }

        @Test
        void refusesWithdrawingTwiceAndDecidingAfterwards() {
            MigrationWithdrawn withdrawn = new MigrationWithdrawn(DB, FIRST, "alice", "not needed");
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), withdrawn)
                    .when(new WithdrawMigration(DB, FIRST, "alice", false, "again"))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("already withdrawn"));
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), withdrawn)
                    .when(new ApproveMigration(DB, FIRST, "bob", "approver", null, null))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("already withdrawn"));
        }

        @Test
        void theGateRefusesAWithdrawnMigrationAndLaterOnesNoLongerWaitForIt() {
            fixture.given(
                            registered(),
                            proposed(FIRST, "1.0.0", CHECKSUM_1),
                            proposed(SECOND, "1.1.0", CHECKSUM_2),
                            new MigrationWithdrawn(DB, FIRST, "alice", "not needed"))
                    .when(new CheckGate(DB, SECOND, "local", CHECKSUM_2))
                    .expectResultMessagePayload(GateDecision.of(List.of()));
            fixture.given(
                            registered(),
                            proposed(FIRST, "1.0.0", CHECKSUM_1),
                            new MigrationWithdrawn(DB, FIRST, "alice", "not needed"))
                    .when(new CheckGate(DB, FIRST, "local", CHECKSUM_1))
                    .expectResultMessagePayload(GateDecision.of(List.of(new PolicyViolation(
                            "WITHDRAWN", "Migration " + FIRST + " was withdrawn and must not run in local."))));
        }
    }

    @Nested
    class Supersession {

        @Test
        void theProposerOfTheReplacementSupersedesAfterANumberingCollision() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), proposed(SECOND, "1.1.0", CHECKSUM_2))
                    .when(new SupersedeMigration(DB, FIRST, SECOND, "alice", false, "collision"))
                    .expectEvents(new MigrationSuperseded(DB, FIRST, SECOND, "alice", "collision"));
        }

        @Test
        void aMigrationThatRanCanBeSupersededAndItsFactsStay() {
            fixture.given(
                            registered(),
                            proposed(FIRST, "1.0.0", CHECKSUM_1),
                            proposed(SECOND, "1.1.0", CHECKSUM_2),
                            applied(FIRST, "local", CHECKSUM_1),
                            new MigrationSuperseded(DB, FIRST, SECOND, "alice", "replaced"))
                    .when(new CheckGate(DB, FIRST, "ci", CHECKSUM_1))
                    .expectResultMessagePayloadMatching(
                            new org.hamcrest.CustomTypeSafeMatcher<GateDecision>("a refusal naming SUPERSEDED") {
                                @Override
                                protected boolean matchesSafely(GateDecision decision) {
                                    return !decision.allowed()
                                            && decision.reasons().get(0).code().equals("SUPERSEDED");
                                }
                            });
        }

        @Test
        void refusesAnUnknownOrEndedReplacementAndItself() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                    .when(new SupersedeMigration(DB, FIRST, "0009_nothing", "alice", false, "x"))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("not known"));
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                    .when(new SupersedeMigration(DB, FIRST, FIRST, "alice", false, "x"))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("cannot replace"));
            fixture.given(
                            registered(),
                            proposed(FIRST, "1.0.0", CHECKSUM_1),
                            proposed(SECOND, "1.1.0", CHECKSUM_2),
                            new MigrationWithdrawn(DB, SECOND, "alice", "gone"))
                    .when(new SupersedeMigration(DB, FIRST, SECOND, "alice", false, "x"))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("cannot replace"));
        }

        @Test
        void refusesSomeoneWhoProposedNeither() {
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), proposed(SECOND, "1.1.0", CHECKSUM_2))
                    .when(new SupersedeMigration(DB, FIRST, SECOND, "mallory", false, "x"))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("only the proposer or an admin"));
        }
    }

    @Nested
    class FailureDetail {

        @Test
        void masksSecretsAndCutsTheTextsOfAFailure() {
            String error =
                    "FATAL: password authentication failed; url postgresql://app:s3cret@db:5432/wish password=hunter2";
            String statement = "ALTER ROLE app PASSWORD 'hunter2';" + "x".repeat(FailureText.LIMIT);
            RecordApply failed = new RecordApply(
                    DB, FIRST, "local", null, CHECKSUM_1, false, null, 5L, error, statement, "flyway", null, "ci");
            fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                    .when(failed)
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    new org.hamcrest.CustomTypeSafeMatcher<MigrationApplyFailed>("masked and cut") {
                                        @Override
                                        protected boolean matchesSafely(MigrationApplyFailed event) {
                                            return event.error()
                                                            .equals("FATAL: password authentication failed; url"
                                                                    + " postgresql://app:***@db:5432/wish password=***")
                                                    && event.failedStatement()
                                                            .startsWith("ALTER ROLE app PASSWORD '***';xxx")
                                                    && !event.failedStatement().contains("hunter2")
                                                    && event.failedStatement()
                                                            .endsWith("[cut by the ledger: "
                                                                    + (statement.length() - "hunter2".length() + 3)
                                                                    + " characters in all]");
                                        }
                                    },
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
        }
    }

    @Nested
    class DriftAcknowledgement {

        private final Instant expiry = Instant.parse("2030-01-01T00:00:00Z");

        @Test
        void recordsTheAcceptedFindingsAsTheyStood() {
            fixture.given(registered())
                    .when(new AcknowledgeDrift(
                            DB,
                            "a1",
                            "STRUCTURAL",
                            "production",
                            null,
                            "public.wish",
                            List.of("d"),
                            "known",
                            "dora",
                            expiry))
                    .expectEvents(new DriftAcknowledged(
                            DB,
                            "a1",
                            "STRUCTURAL",
                            "production",
                            null,
                            "public.wish",
                            List.of("d"),
                            "known",
                            "dora",
                            expiry));
        }

        @Test
        void refusesAnEnvironmentOutsideThePath() {
            fixture.given(registered())
                    .when(new AcknowledgeDrift(
                            DB, "a1", "STRUCTURAL", "prod", null, null, List.of("d"), "known", "dora", null))
                    .expectNoEvents()
                    .expectExceptionMessage(containsString("not in the promotion path"));
        }
    }
}
