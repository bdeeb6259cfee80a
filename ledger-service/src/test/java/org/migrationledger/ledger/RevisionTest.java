package org.migrationledger.ledger;

import static org.hamcrest.Matchers.containsString;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_1;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_2;
import static org.migrationledger.ledger.LedgerFixtures.DB;
import static org.migrationledger.ledger.LedgerFixtures.HIGH_RISK;
import static org.migrationledger.ledger.LedgerFixtures.LOW_RISK;
import static org.migrationledger.ledger.LedgerFixtures.applied;
import static org.migrationledger.ledger.LedgerFixtures.apply;
import static org.migrationledger.ledger.LedgerFixtures.approved;
import static org.migrationledger.ledger.LedgerFixtures.fixture;
import static org.migrationledger.ledger.LedgerFixtures.proposed;
import static org.migrationledger.ledger.LedgerFixtures.registered;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.MigrationAnalysis;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRevised;

class RevisionTest {

    private static final String ID = "0001_add_email";
    private static final String HASH = "a".repeat(64);

    private AggregateTestFixture<SchemaLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void aCommentEditIsRecordedAsCosmetic() {
        fixture.given(registered(), proposedWithHash(HASH))
                .when(revise(CHECKSUM_2, analysis(HASH, "expand")))
                .expectEvents(new MigrationRevised(
                        DB,
                        ID,
                        "alice",
                        CHECKSUM_1,
                        CHECKSUM_2,
                        "-- why\nalter table t add column c int;",
                        null,
                        "COSMETIC",
                        "explains the change",
                        "expand",
                        false,
                        true,
                        analysis(HASH, "expand")));
    }

    @Test
    void aChangedStatementIsSemanticAndNeverLowersTheCategory() {
        fixture.given(registered(), proposedWithHash(HASH))
                .when(revise(CHECKSUM_2, analysis("b".repeat(64), "contract")))
                .expectEvents(new MigrationRevised(
                        DB,
                        ID,
                        "alice",
                        CHECKSUM_1,
                        CHECKSUM_2,
                        "-- why\nalter table t add column c int;",
                        null,
                        "SEMANTIC",
                        "explains the change",
                        "contract",
                        false,
                        true,
                        analysis("b".repeat(64), "contract")));
    }

    @Test
    void aRevisionWithoutAScriptKeepsTheClassificationNotTheImpact() {
        // Non-breaking but HIGH impact: it needs a dba and two approvers, and must still not read as breaking.
        fixture.given(registered(), proposed(ID, "1.0.0", CHECKSUM_1, "expand", false, HIGH_RISK, null))
                .when(new ReviseMigration(DB, ID, "alice", CHECKSUM_2, null, null, "new checksum only", null))
                .expectEvents(new MigrationRevised(
                        DB,
                        ID,
                        "alice",
                        CHECKSUM_1,
                        CHECKSUM_2,
                        null,
                        null,
                        "SEMANTIC",
                        "new checksum only",
                        "expand",
                        false,
                        true,
                        null));
    }

    @Test
    void aRevisedMigrationNeedsFreshApproval() {
        fixture.given(registered(), proposedWithHash(HASH), approved(ID, "bob", "approver", CHECKSUM_1))
                .andGiven(applied(ID, "local", CHECKSUM_2))
                .andGiven(new MigrationRevised(
                        DB,
                        ID,
                        "alice",
                        CHECKSUM_1,
                        CHECKSUM_2,
                        null,
                        null,
                        "SEMANTIC",
                        "fix",
                        "expand",
                        false,
                        true,
                        null))
                .when(apply(ID, "ci", CHECKSUM_2))
                .expectResultMessagePayloadMatching(ApplyTest.codes("NOT_APPROVED"));
    }

    @Test
    void refusesARevisionThatChangesNothing() {
        fixture.given(registered(), proposedWithHash(HASH))
                .when(revise(CHECKSUM_1, analysis(HASH, "expand")))
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("nothing to revise"));
    }

    private static ReviseMigration revise(String checksum, MigrationAnalysis analysis) {
        return new ReviseMigration(
                DB,
                ID,
                "alice",
                checksum,
                "-- why\nalter table t add column c int;",
                null,
                "explains the change",
                analysis);
    }

    private static MigrationProposed proposedWithHash(String hash) {
        return new MigrationProposed(
                DB,
                ID,
                "1.0.0",
                "adds a column",
                "alice",
                "alice",
                CHECKSUM_1,
                "alter table t add column c int;",
                "alter table t drop column c",
                "expand",
                false,
                true,
                LOW_RISK,
                List.of(),
                null,
                analysis(hash, "expand"),
                List.of(),
                null);
    }

    private static MigrationAnalysis analysis(String hash, String category) {
        return new MigrationAnalysis(false, "ACCESS EXCLUSIVE", List.of("t"), true, category, List.of(), 1, 0, hash);
    }
}
