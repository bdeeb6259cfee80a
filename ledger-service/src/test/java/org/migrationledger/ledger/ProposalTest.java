package org.migrationledger.ledger;

import static org.hamcrest.Matchers.containsString;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_1;
import static org.migrationledger.ledger.LedgerFixtures.CHECKSUM_2;
import static org.migrationledger.ledger.LedgerFixtures.DB;
import static org.migrationledger.ledger.LedgerFixtures.LOW_RISK;
import static org.migrationledger.ledger.LedgerFixtures.fixture;
import static org.migrationledger.ledger.LedgerFixtures.propose;
import static org.migrationledger.ledger.LedgerFixtures.proposed;
import static org.migrationledger.ledger.LedgerFixtures.registered;

import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.migrationledger.api.events.ClassificationWaiver;
import org.migrationledger.api.events.MigrationAnalysis;
import org.migrationledger.api.events.MigrationProposed;

class ProposalTest {

    private AggregateTestFixture<SchemaLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void recordsAProposalWithItsDeclaredClassification() {
        fixture.given(registered())
                .when(propose("0001_add_email", "1.0.0", CHECKSUM_1))
                .expectEvents(new MigrationProposed(
                        DB,
                        "0001_add_email",
                        "1.0.0",
                        "adds a column",
                        "alice",
                        "alice",
                        CHECKSUM_1,
                        null,
                        "alter table t drop column c",
                        "expand",
                        false,
                        true,
                        LOW_RISK,
                        List.of("select 1"),
                        null,
                        null,
                        List.of(),
                        null));
    }

    @Test
    void refusesAProposalForAnUnregisteredDatabase() {
        fixture.givenNoPriorActivity()
                .when(propose("0001_add_email", "1.0.0", CHECKSUM_1))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void refusesAMigrationIdTakenByAnotherMigration() {
        fixture.given(registered(), proposed("0001_add_email", "1.0.0", CHECKSUM_1))
                .when(propose("0001_add_email", "1.1.0", CHECKSUM_2))
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("with another script"));
    }

    @Test
    void anEditedScriptProposedAgainIsPointedToARevision() {
        fixture.given(registered(), proposed("0001_add_email", "1.0.0", CHECKSUM_1))
                .when(propose("0001_add_email", "1.0.0", CHECKSUM_2))
                .expectNoEvents()
                .expectExceptionMessage(containsString("post a revision instead"));
    }

    @Test
    void theSameScriptProposedAgainIsATakenId() {
        fixture.given(registered(), proposed("0001_add_email", "1.0.0", CHECKSUM_1))
                .when(propose("0001_add_email", "1.1.0", CHECKSUM_1))
                .expectNoEvents()
                .expectExceptionMessage(containsString("already taken"));
    }

    @Test
    void refusesAVersionTakenByAnotherMigration() {
        fixture.given(registered(), proposed("0001_add_email", "1.0.0", CHECKSUM_1))
                .when(propose("0002_add_phone", "1.0.0", CHECKSUM_2))
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("already used by migration 0001_add_email"));
    }

    @Test
    void refusesAProposalWithoutScriptOrCategory() {
        fixture.given(registered())
                .when(withClassification(propose("0001_a", "1.0.0", CHECKSUM_1), null, null, null, null))
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("cannot be inferred"));
    }

    @Test
    void infersTheClassificationFromTheAnalysisWhenNothingIsDeclared() {
        fixture.given(registered())
                .when(withClassification(propose("0001_a", "1.0.0", CHECKSUM_1), null, null, breakingContract(), null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(proposedWith("contract", true, false));
    }

    @Test
    void refusesADeclarationWeakerThanTheAnalysisWithoutAWaiver() {
        fixture.given(registered())
                .when(withClassification(
                        propose("0001_a", "1.0.0", CHECKSUM_1), "expand", false, breakingContract(), null))
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("declared category 'expand' but the analysis found 'contract'"));
    }

    @Test
    void recordsTheWaiverWhenADeclarationIsWeakerThanTheAnalysis() {
        ClassificationWaiver waiver = new ClassificationWaiver("the column was never read", "alice");
        fixture.given(registered())
                .when(withClassification(
                        propose("0001_a", "1.0.0", CHECKSUM_1), "expand", false, breakingContract(), waiver))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<MigrationProposed>("the waiver") {
                    @Override
                    protected boolean matchesSafely(MigrationProposed item) {
                        return waiver.equals(item.waiver()) && "expand".equals(item.category()) && item.breaking();
                    }
                });
    }

    @Test
    void refusesAnExpandCounterpartThatIsNotAnExpandMigration() {
        ProposeMigration contract = withExpand(propose("0002_drop_old", "1.1.0", CHECKSUM_2), "0001_unknown");
        fixture.given(registered(), proposed("0001_add_email", "1.0.0", CHECKSUM_1))
                .when(contract)
                .expectNoEvents()
                .expectException(LedgerRuleViolation.class)
                .expectExceptionMessage(containsString("not a proposed expand migration"));
    }

    static MigrationAnalysis breakingContract() {
        return new MigrationAnalysis(
                true,
                "ACCESS EXCLUSIVE",
                List.of("t"),
                false,
                "contract",
                List.of(new MigrationAnalysis.Finding(
                        "drop-column", "ERROR", 0, "alter table t drop column c", "drops column c of t", true)),
                1,
                0,
                "a".repeat(64));
    }

    private static Matcher<MigrationProposed> proposedWith(String category, boolean breaking, boolean rollbackSafe) {
        return new CustomTypeSafeMatcher<>(
                "proposal with category " + category + ", breaking " + breaking + ", rollbackSafe " + rollbackSafe) {
            @Override
            protected boolean matchesSafely(MigrationProposed item) {
                return category.equals(item.category())
                        && item.breaking() == breaking
                        && item.rollbackSafe() == rollbackSafe;
            }
        };
    }

    private static ProposeMigration withClassification(
            ProposeMigration p,
            String category,
            Boolean breaking,
            MigrationAnalysis analysis,
            ClassificationWaiver waiver) {
        return new ProposeMigration(
                p.database(),
                p.migrationId(),
                p.version(),
                p.description(),
                p.author(),
                p.proposedBy(),
                p.checksum(),
                p.script(),
                p.downScript(),
                category,
                breaking,
                null,
                p.risk(),
                p.verificationQueries(),
                p.expandMigrationId(),
                analysis,
                p.linterEvidence(),
                waiver);
    }

    private static ProposeMigration withExpand(ProposeMigration p, String expandMigrationId) {
        return new ProposeMigration(
                p.database(),
                p.migrationId(),
                p.version(),
                p.description(),
                p.author(),
                p.proposedBy(),
                p.checksum(),
                p.script(),
                p.downScript(),
                "contract",
                true,
                null,
                p.risk(),
                p.verificationQueries(),
                expandMigrationId,
                p.analysis(),
                p.linterEvidence(),
                p.waiver());
    }
}
