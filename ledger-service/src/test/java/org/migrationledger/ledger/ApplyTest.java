package org.migrationledger.ledger;

import static org.hamcrest.Matchers.containsString;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_1;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_2;
import static org.migrationledger.ledger.LedgerFixtures.DB;
import static org.migrationledger.ledger.LedgerFixtures.LOW_RISK;
import static org.migrationledger.ledger.LedgerFixtures.OTHER_CHECKSUM;
import static org.migrationledger.ledger.LedgerFixtures.applied;
import static org.migrationledger.ledger.LedgerFixtures.apply;
import static org.migrationledger.ledger.LedgerFixtures.approved;
import static org.migrationledger.ledger.LedgerFixtures.fixture;
import static org.migrationledger.ledger.LedgerFixtures.proposed;
import static org.migrationledger.ledger.LedgerFixtures.registered;
import static org.migrationledger.ledger.LedgerFixtures.release;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationRejected;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.PolicyViolation;

class ApplyTest {

    private static final String FIRST = "0001_add_email";
    private static final String SECOND = "0002_add_phone";

    private AggregateTestFixture<SchemaLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void recordsAnApplyWithinPolicyWithoutViolations() {
        fixture.given(
                        registered(),
                        proposed(FIRST, "1.0.0", CHECKSUM_1),
                        approved(FIRST, "bob", "approver", CHECKSUM_1))
                .andGiven(applied(FIRST, "local", CHECKSUM_1))
                .when(apply(FIRST, "ci", CHECKSUM_1))
                .expectEvents(applied(FIRST, "ci", CHECKSUM_1))
                .expectResultMessagePayload(List.of());
    }

    @Test
    void theFirstEnvironmentNeedsNoApproval() {
        fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                .when(apply(FIRST, "local", CHECKSUM_1))
                .expectEvents(applied(FIRST, "local", CHECKSUM_1));
    }

    @Test
    void recordsAnUnapprovedApplyWithItsViolation() {
        fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), applied(FIRST, "local", CHECKSUM_1))
                .when(apply(FIRST, "ci", CHECKSUM_1))
                .expectResultMessagePayloadMatching(codes("NOT_APPROVED"))
                .expectEventsMatching(singleEventWith("NOT_APPROVED"));
    }

    @Test
    void recordsAnApplyOfARejectedMigration() {
        fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), applied(FIRST, "local", CHECKSUM_1))
                .andGiven(new MigrationRejected(DB, FIRST, "carol", "no"))
                .when(apply(FIRST, "ci", CHECKSUM_1))
                .expectResultMessagePayloadMatching(codes("REJECTED"));
    }

    @Test
    void recordsAChecksumThatDiffersFromTheApprovedOne() {
        fixture.given(approvedFirst())
                .andGiven(applied(FIRST, "local", OTHER_CHECKSUM))
                .when(apply(FIRST, "ci", OTHER_CHECKSUM))
                .expectResultMessagePayloadMatching(codes("CHECKSUM_MISMATCH"));
    }

    @Test
    void recordsASkippedPreviousEnvironment() {
        fixture.given(approvedFirst())
                .andGiven(applied(FIRST, "local", CHECKSUM_1), applied(FIRST, "ci", CHECKSUM_1))
                .when(apply(FIRST, "production", CHECKSUM_1))
                .expectResultMessagePayloadMatching(codes("PREVIOUS_ENVIRONMENT_SKIPPED"))
                .expectEventsMatching(singleEventWith("PREVIOUS_ENVIRONMENT_SKIPPED"));
    }

    @Test
    void recordsAPreviousEnvironmentThatRanAnotherChecksum() {
        fixture.given(approvedFirst())
                .andGiven(applied(FIRST, "local", OTHER_CHECKSUM))
                .when(apply(FIRST, "ci", CHECKSUM_1))
                .expectResultMessagePayloadMatching(codes("PREVIOUS_ENVIRONMENT_CHECKSUM_DIFFERS"));
    }

    @Test
    void recordsAnEarlierMigrationMissingInTheEnvironment() {
        fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), proposed(SECOND, "1.1.0", CHECKSUM_2))
                .when(apply(SECOND, "local", CHECKSUM_2))
                .expectResultMessagePayloadMatching(codes("EARLIER_MIGRATION_MISSING"));
    }

    @Test
    void recordsAMigrationAppliedTwice() {
        fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), applied(FIRST, "local", CHECKSUM_1))
                .when(apply(FIRST, "local", CHECKSUM_1))
                .expectResultMessagePayloadMatching(codes("ALREADY_APPLIED"));
    }

    @Test
    void recordsAnApplyAfterARollbackElsewhere() {
        fixture.given(approvedFirst())
                .andGiven(applied(FIRST, "local", CHECKSUM_1), applied(FIRST, "ci", CHECKSUM_1))
                .andGiven(new MigrationRolledBack(DB, FIRST, "ci", "DOWN_SCRIPT", "broke ci", null, null, List.of()))
                .when(apply(FIRST, "staging", CHECKSUM_1))
                .expectResultMessagePayloadMatching(codes("PREVIOUS_ENVIRONMENT_SKIPPED", "ROLLED_BACK_ELSEWHERE"));
    }

    @Test
    void recordsAContractMigrationBeforeTheStabilityWindow() {
        fixture.given(
                        registered(),
                        proposed(FIRST, "1.0.0", CHECKSUM_1),
                        approved(FIRST, "bob", "approver", CHECKSUM_1))
                .andGiven(appliedEverywhere(FIRST, CHECKSUM_1))
                .andGiven(release("production", "2.0.0"))
                .andGiven(contract(), approved(SECOND, "bob", "approver", CHECKSUM_2))
                .andGiven(applied(SECOND, "local", CHECKSUM_2), applied(SECOND, "ci", CHECKSUM_2))
                .andGiven(applied(SECOND, "staging", CHECKSUM_2))
                .when(apply(SECOND, "production", CHECKSUM_2))
                .expectResultMessagePayloadMatching(codes("CONTRACT_BEFORE_STABILITY_WINDOW"));
    }

    @Test
    void aContractMigrationFollowsAfterTheStabilityWindow() {
        fixture.given(
                        registered(),
                        proposed(FIRST, "1.0.0", CHECKSUM_1),
                        approved(FIRST, "bob", "approver", CHECKSUM_1))
                .andGiven(appliedEverywhere(FIRST, CHECKSUM_1))
                .andGiven(release("production", "2.0.0"), release("production", "2.1.0"))
                .andGiven(contract(), approved(SECOND, "bob", "approver", CHECKSUM_2))
                .andGiven(applied(SECOND, "local", CHECKSUM_2), applied(SECOND, "ci", CHECKSUM_2))
                .andGiven(applied(SECOND, "staging", CHECKSUM_2))
                .when(apply(SECOND, "production", CHECKSUM_2))
                .expectResultMessagePayload(List.of());
    }

    @Test
    void recordsAFailedApplyWithItsError() {
        RecordApply failed = new RecordApply(
                DB, FIRST, "local", null, CHECKSUM_1, false, null, 12L, "lock timeout", null, "flyway", null, "ci");
        fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                .when(failed)
                .expectEvents(new MigrationApplyFailed(
                        DB, FIRST, "local", CHECKSUM_1, null, 12L, "lock timeout", null, "flyway", null, List.of()));
    }

    @Test
    void refusesAFactAboutAnEnvironmentOutsideThePath() {
        fixture.given(registered(), proposed(FIRST, "1.0.0", CHECKSUM_1))
                .when(apply(FIRST, "qa", CHECKSUM_1))
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("not in the promotion path"));
    }

    @Test
    void recordsAProductionDeployByTheApproverOrProposerAsASegregationOfDutiesViolation() {
        for (String decider : List.of("bob", "alice")) {
            fixture.given(approvedFirst())
                    .andGiven(appliedEverywhere(FIRST, CHECKSUM_1).subList(0, 3).toArray())
                    .when(deployedBy(decider, "production"))
                    .expectResultMessagePayloadMatching(codes("SEGREGATION_OF_DUTIES"))
                    .expectEventsMatching(singleEventWith("SEGREGATION_OF_DUTIES"));
        }
    }

    @Test
    void segregationOfDutiesBindsOnlyProductionAndOnlyThoseWhoDecided() {
        fixture.given(approvedFirst())
                .andGiven(appliedEverywhere(FIRST, CHECKSUM_1).subList(0, 3).toArray())
                .when(deployedBy("ci", "production"))
                .expectResultMessagePayload(List.of());
        fixture.given(approvedFirst())
                .andGiven(appliedEverywhere(FIRST, CHECKSUM_1).subList(0, 2).toArray())
                .when(deployedBy("bob", "staging"))
                .expectResultMessagePayload(List.of());
    }

    private static RecordApply deployedBy(String principal, String environment) {
        return new RecordApply(
                DB, FIRST, environment, null, CHECKSUM_1, true, null, 100L, null, null, "flyway", null, principal);
    }

    private static Object[] approvedFirst() {
        return new Object[] {
            registered(), proposed(FIRST, "1.0.0", CHECKSUM_1), approved(FIRST, "bob", "approver", CHECKSUM_1)
        };
    }

    private static List<Object> appliedEverywhere(String id, String checksum) {
        return List.of(
                applied(id, "local", checksum),
                applied(id, "ci", checksum),
                applied(id, "staging", checksum),
                applied(id, "production", checksum));
    }

    private static Object contract() {
        return proposed(SECOND, "2.0.0", CHECKSUM_2, "contract", false, LOW_RISK, FIRST);
    }

    static Matcher<List<PolicyViolation>> codes(String... expected) {
        return new CustomTypeSafeMatcher<>("violations " + List.of(expected)) {
            @Override
            protected boolean matchesSafely(List<PolicyViolation> violations) {
                return violations.stream().map(PolicyViolation::code).toList().equals(List.of(expected));
            }
        };
    }

    private static Matcher<List<? super org.axonframework.eventhandling.EventMessage<?>>> singleEventWith(String code) {
        return new CustomTypeSafeMatcher<>("one MigrationApplied carrying " + code) {
            @Override
            protected boolean matchesSafely(List<? super org.axonframework.eventhandling.EventMessage<?>> events) {
                return events.size() == 1
                        && events.get(0) instanceof org.axonframework.eventhandling.EventMessage<?> message
                        && message.getPayload() instanceof MigrationApplied applied
                        && applied.violations().stream().anyMatch(v -> v.code().equals(code));
            }
        };
    }
}
