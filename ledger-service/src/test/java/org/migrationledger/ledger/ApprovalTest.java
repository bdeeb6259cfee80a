package org.migrationledger.ledger;

import static org.hamcrest.Matchers.containsString;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_1;
import static org.migrationledger.ledger.LedgerFixtures.DB;
import static org.migrationledger.ledger.LedgerFixtures.HIGH_RISK;
import static org.migrationledger.ledger.LedgerFixtures.LOW_RISK;
import static org.migrationledger.ledger.LedgerFixtures.OTHER_CHECKSUM;
import static org.migrationledger.ledger.LedgerFixtures.approved;
import static org.migrationledger.ledger.LedgerFixtures.fixture;
import static org.migrationledger.ledger.LedgerFixtures.proposed;
import static org.migrationledger.ledger.LedgerFixtures.registered;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.MigrationApproved;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRejected;

class ApprovalTest {

    private static final String ID = "0001_add_email";

    private AggregateTestFixture<SchemaLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void oneApprovalCompletesAnOrdinaryMigration() {
        fixture.given(registered(), ordinary())
                .when(new ApproveMigration(DB, ID, "bob", "approver", null, "looks fine"))
                .expectEvents(new MigrationApproved(DB, ID, "bob", "approver", CHECKSUM_1, "looks fine", 1, true));
    }

    @Test
    void refusesSelfApproval() {
        fixture.given(registered(), ordinary())
                .when(new ApproveMigration(DB, ID, "alice", "approver", null, null))
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("proposer"));
    }

    @Test
    void aBreakingMigrationStaysOpenAfterOneApproval() {
        fixture.given(registered(), breaking())
                .when(new ApproveMigration(DB, ID, "bob", "approver", null, null))
                .expectEvents(new MigrationApproved(DB, ID, "bob", "approver", CHECKSUM_1, null, 2, false));
    }

    @Test
    void aBreakingMigrationIsApprovedBySecondApproverWhoIsADba() {
        fixture.given(registered(), breaking(), partial("bob", "approver"))
                .when(new ApproveMigration(DB, ID, "dora", "dba", null, null))
                .expectEvents(new MigrationApproved(DB, ID, "dora", "dba", CHECKSUM_1, null, 2, true));
    }

    @Test
    void twoApproversWithoutADbaDoNotCompleteABreakingMigration() {
        fixture.given(registered(), breaking(), partial("bob", "approver"))
                .when(new ApproveMigration(DB, ID, "carol", "approver", null, null))
                .expectEvents(new MigrationApproved(DB, ID, "carol", "approver", CHECKSUM_1, null, 2, false));
    }

    @Test
    void aHighImpactMigrationNeedsTheApprovalsOfABreakingOne() {
        MigrationProposed highImpact = proposed(ID, "1.0.0", CHECKSUM_1, "expand", false, HIGH_RISK, null);
        fixture.given(registered(), highImpact)
                .when(new ApproveMigration(DB, ID, "dora", "dba", null, null))
                .expectEvents(new MigrationApproved(DB, ID, "dora", "dba", CHECKSUM_1, null, 2, false));
    }

    @Test
    void refusesTheSameApproverTwice() {
        fixture.given(registered(), breaking(), partial("bob", "approver"))
                .when(new ApproveMigration(DB, ID, "bob", "approver", null, null))
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("already approved"));
    }

    @Test
    void refusesAnApprovalOfAnotherChecksum() {
        fixture.given(registered(), ordinary())
                .when(new ApproveMigration(DB, ID, "bob", "approver", OTHER_CHECKSUM, null))
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("review the current script"));
    }

    @Test
    void refusesApprovingARejectedMigration() {
        fixture.given(registered(), ordinary(), new MigrationRejected(DB, ID, "carol", "no down script"))
                .when(new ApproveMigration(DB, ID, "bob", "approver", null, null))
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("already rejected"));
    }

    @Test
    void refusesApprovingAnUnknownMigration() {
        fixture.given(registered())
                .when(new ApproveMigration(DB, "0009_unknown", "bob", "approver", null, null))
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("not proposed"));
    }

    @Test
    void refusesAFurtherApprovalOfAnApprovedMigration() {
        fixture.given(registered(), ordinary(), approved(ID, "bob", "approver", CHECKSUM_1))
                .when(new ApproveMigration(DB, ID, "carol", "approver", null, null))
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("every approval it needs"));
    }

    @Test
    void rejectsAProposedMigration() {
        fixture.given(registered(), ordinary())
                .when(new RejectMigration(DB, ID, "carol", "no rollback plan"))
                .expectEvents(new MigrationRejected(DB, ID, "carol", "no rollback plan"));
    }

    @Test
    void refusesRejectingAnApprovedMigration() {
        fixture.given(registered(), ordinary(), approved(ID, "bob", "approver", CHECKSUM_1))
                .when(new RejectMigration(DB, ID, "carol", "too late"))
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("already approved"));
    }

    private static MigrationProposed ordinary() {
        return proposed(ID, "1.0.0", CHECKSUM_1, "expand", false, LOW_RISK, null);
    }

    private static MigrationProposed breaking() {
        return proposed(ID, "1.0.0", CHECKSUM_1, "contract", true, LOW_RISK, null);
    }

    private static MigrationApproved partial(String approver, String role) {
        return new MigrationApproved(DB, ID, approver, role, CHECKSUM_1, null, 2, false);
    }
}
