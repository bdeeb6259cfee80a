package org.migrationledger.projection.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.expand;
import static org.migrationledger.projection.ReadModelDatabase.NOW;
import static org.migrationledger.projection.ReadModelDatabase.twice;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.events.DriftAcknowledged;
import org.migrationledger.api.events.DriftAcknowledgementWithdrawn;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationSuperseded;
import org.migrationledger.api.events.PolicyViolation;
import org.migrationledger.api.queries.DriftAcknowledgementView;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.api.queries.FindDriftAcknowledgements;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;

/**
 * The governance read model fed as the processor would (each event twice): migrations that ran unproposed, one
 * adopted by its proposal, a superseded one, and acknowledgements in force, expired and withdrawn.
 */
class GovernanceProjectionIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final PolicyViolation NOT_PROPOSED = new PolicyViolation("NOT_PROPOSED", "never proposed");
    private static final String STRUCTURAL = "production differs: column nickname added.";

    private static GovernanceQueryHandler queries;
    private static long sequence;

    @BeforeAll
    static void project() {
        ReadModelDatabase database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(GovernanceReadModel.NAME);
        GovernanceProjection projection = new GovernanceProjection(database.jdbc(), 1);
        queries = new GovernanceQueryHandler(database.jdbc(), database.generations(), Clock.fixed(NOW, ZoneOffset.UTC));

        apply(projection, unproposedApply("0001_hotfix", "ci"));
        apply(projection, unproposedApply("0002_adopted", "ci"));
        twice(() -> projection.on(expand("0002_adopted", "2.0.0")));
        twice(() -> projection.on(new MigrationSuperseded(DB, "0003_old", "0004_new", "alice", "collision")));
        acknowledge(projection, "in-force", "STRUCTURAL", STRUCTURAL, null);
        acknowledge(projection, "expired", "CHECKSUM_MISMATCH", "checksum differs", NOW.minusSeconds(60));
        acknowledge(projection, "withdrawn", "FAILED_UNRESOLVED", "0005 failed", null);
        twice(() -> projection.on(new DriftAcknowledgementWithdrawn(DB, "withdrawn", "dora"), NOW));
    }

    private static MigrationApplied unproposedApply(String migrationId, String environment) {
        return new MigrationApplied(DB, migrationId, environment, "c", null, 1L, "flyway", null, List.of(NOT_PROPOSED));
    }

    private static void apply(GovernanceProjection projection, MigrationApplied event) {
        long seq = ++sequence;
        twice(() -> projection.on(event, seq, NOW));
    }

    private static void acknowledge(
            GovernanceProjection projection, String id, String kind, String detail, Instant expiresAt) {
        long seq = ++sequence;
        twice(() -> projection.on(
                new DriftAcknowledged(
                        DB, id, kind, "production", null, null, List.of(detail), "known", "dora", expiresAt),
                seq,
                NOW.minusSeconds(3600)));
    }

    @Test
    void reportsEachUnproposedMigrationUntilItsProposalAdoptsIt() {
        assertThat(queries.findings(DB))
                .extracting(DriftFindingView::kind, DriftFindingView::migrationId, DriftFindingView::environment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NOT_PROPOSED", "0001_hotfix", "ci"));
    }

    @Test
    void marksOnlyFindingsAnAcknowledgementInForceCoversAsTheyStood() {
        List<DriftFindingView> reviewed = queries.review(
                DB,
                List.of(
                        new DriftFindingView("STRUCTURAL", "HIGH", "production", null, STRUCTURAL),
                        new DriftFindingView("STRUCTURAL", "HIGH", "production", null, "production differs: grown."),
                        new DriftFindingView("CHECKSUM_MISMATCH", "HIGH", "production", null, "checksum differs"),
                        new DriftFindingView("FAILED_UNRESOLVED", "HIGH", "production", null, "0005 failed"),
                        new DriftFindingView("PENDING_TOO_LONG", "LOW", "production", "0003_old", "waiting"),
                        new DriftFindingView("PENDING_TOO_LONG", "LOW", "production", "0004_new", "waiting")),
                NOW);

        assertThat(reviewed)
                .extracting(f -> f.kind() + " " + f.detail() + " "
                        + (f.acknowledgement() == null
                                ? "open"
                                : f.acknowledgement().acknowledgementId()))
                .containsExactly(
                        "STRUCTURAL " + STRUCTURAL + " in-force",
                        "STRUCTURAL production differs: grown. open",
                        "CHECKSUM_MISMATCH checksum differs open",
                        "FAILED_UNRESOLVED 0005 failed open",
                        "PENDING_TOO_LONG waiting open");
        assertThat(reviewed.get(4).migrationId()).isEqualTo("0004_new");
    }

    @Test
    void listsEveryAcknowledgementNewestFirstWithWhetherItIsInForce() {
        assertThat(queries.handle(new FindDriftAcknowledgements(DB)).acknowledgements())
                .extracting(DriftAcknowledgementView::acknowledgementId, DriftAcknowledgementView::inForce)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("withdrawn", false),
                        org.assertj.core.groups.Tuple.tuple("expired", false),
                        org.assertj.core.groups.Tuple.tuple("in-force", true));
    }
}
