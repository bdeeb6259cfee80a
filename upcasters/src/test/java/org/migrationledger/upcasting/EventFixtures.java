package org.migrationledger.upcasting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.migrationledger.api.events.ClassificationWaiver;
import org.migrationledger.api.events.DatabaseRegistered;
import org.migrationledger.api.events.DriftAcknowledged;
import org.migrationledger.api.events.DriftAcknowledgementWithdrawn;
import org.migrationledger.api.events.LedgerEvent;
import org.migrationledger.api.events.LinterEvidence;
import org.migrationledger.api.events.MigrationAnalysis;
import org.migrationledger.api.events.MigrationApplied;
import org.migrationledger.api.events.MigrationApplyFailed;
import org.migrationledger.api.events.MigrationApproved;
import org.migrationledger.api.events.MigrationHistoryRepaired;
import org.migrationledger.api.events.MigrationProposed;
import org.migrationledger.api.events.MigrationRejected;
import org.migrationledger.api.events.MigrationRevised;
import org.migrationledger.api.events.MigrationRolledBack;
import org.migrationledger.api.events.MigrationRunImported;
import org.migrationledger.api.events.MigrationSuperseded;
import org.migrationledger.api.events.MigrationWithdrawn;
import org.migrationledger.api.events.PolicyViolation;
import org.migrationledger.api.events.PromotionPathChanged;
import org.migrationledger.api.events.ReleaseDeployed;
import org.migrationledger.api.events.RiskAssessment;
import org.migrationledger.api.events.SchemaSnapshotObserved;
import org.migrationledger.api.events.UnproposedMigrationNoticed;

/** One sample of every current event with fixed values (the golden files), and what the stored fixtures read as. */
final class EventFixtures {

    static final String DATABASE = "wishlist";
    static final String CHECKSUM = "3b5d5c3712955042212316173ccf37be80000000000000000000000000000001";
    static final String OTHER_CHECKSUM = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final Instant STARTED_AT = Instant.parse("2025-03-03T14:00:00Z");
    static final String RUN_URL = "https://ci.example.org/wishlist/pipelines/812";
    static final List<String> DEFAULT_PATH = List.of("local", "ci", "staging", "production");

    private EventFixtures() {}

    /** The sample each current golden file {@code events/<Event>/v<revision>.json} holds. */
    static Map<Class<? extends LedgerEvent>, LedgerEvent> currentSamples() {
        return Map.ofEntries(
                Map.entry(DatabaseRegistered.class, new DatabaseRegistered(DATABASE, DEFAULT_PATH)),
                Map.entry(
                        PromotionPathChanged.class,
                        new PromotionPathChanged(
                                DATABASE, List.of("local", "ci", "qa", "staging", "production"), DEFAULT_PATH)),
                Map.entry(MigrationProposed.class, migrationProposed()),
                Map.entry(
                        MigrationApproved.class,
                        new MigrationApproved(
                                DATABASE,
                                "0002_drop_legacy_note",
                                "dora",
                                "dba",
                                CHECKSUM,
                                "Expand has been in production for three releases.",
                                2,
                                false)),
                Map.entry(
                        MigrationRejected.class,
                        new MigrationRejected(
                                DATABASE, "0003_rename_wish", "carol", "Renames break the mobile app still on 4.2.")),
                Map.entry(
                        MigrationApplied.class,
                        new MigrationApplied(
                                DATABASE,
                                "0002_drop_legacy_note",
                                "staging",
                                CHECKSUM,
                                STARTED_AT,
                                840L,
                                "flyway",
                                RUN_URL,
                                List.of(new PolicyViolation(
                                        "NOT_APPROVED",
                                        "Migration 0002_drop_legacy_note is not approved for staging.")))),
                Map.entry(
                        MigrationApplyFailed.class,
                        new MigrationApplyFailed(
                                DATABASE,
                                "0002_drop_legacy_note",
                                "production",
                                CHECKSUM,
                                STARTED_AT,
                                12_500L,
                                "ERROR: canceling statement due to lock timeout",
                                "ALTER TABLE wish DROP COLUMN legacy_note",
                                "flyway",
                                RUN_URL,
                                List.of())),
                Map.entry(
                        MigrationRolledBack.class,
                        new MigrationRolledBack(
                                DATABASE,
                                "0002_drop_legacy_note",
                                "staging",
                                "DOWN_SCRIPT",
                                "Reports still read legacy_note.",
                                "ledger-cli",
                                RUN_URL,
                                List.of())),
                Map.entry(ReleaseDeployed.class, new ReleaseDeployed(DATABASE, "production", "2.14.0", "1.1.0")),
                Map.entry(SchemaSnapshotObserved.class, schemaSnapshotObserved()),
                Map.entry(MigrationRevised.class, migrationRevised()),
                Map.entry(MigrationRunImported.class, migrationRunImported()),
                Map.entry(MigrationHistoryRepaired.class, migrationHistoryRepaired()),
                Map.entry(
                        UnproposedMigrationNoticed.class,
                        new UnproposedMigrationNoticed(DATABASE, "0004_add_wish_index", "4.0.0", CHECKSUM, "ci")),
                Map.entry(
                        MigrationWithdrawn.class,
                        new MigrationWithdrawn(
                                DATABASE, "0005_add_wish_tag", "alice", "Superfluous: the tags go in 0006 instead.")),
                Map.entry(
                        MigrationSuperseded.class,
                        new MigrationSuperseded(
                                DATABASE,
                                "0007_add_price",
                                "0008_add_price_cents",
                                "bob",
                                "Numbering collision with Alice's 0007; renumbered.")),
                Map.entry(DriftAcknowledged.class, driftAcknowledged()),
                Map.entry(
                        DriftAcknowledgementWithdrawn.class,
                        new DriftAcknowledgementWithdrawn(DATABASE, "6f1c0d1e-2b55-4c8e-9b7a-0f1e2d3c4b5a", "dora")));
    }

    static DriftAcknowledged driftAcknowledged() {
        return new DriftAcknowledged(
                DATABASE,
                "6f1c0d1e-2b55-4c8e-9b7a-0f1e2d3c4b5a",
                "STRUCTURAL",
                "production",
                null,
                "public.wish",
                List.of("production differs from the schema expected at 1.1.0: index wish_note_ix added."),
                "Hot-fix index added by hand during the incident of 3 March; it goes into 0009.",
                "dora",
                Instant.parse("2025-04-01T00:00:00Z"));
    }

    static MigrationRevised migrationRevised() {
        return new MigrationRevised(
                DATABASE,
                "0002_drop_legacy_note",
                "alice",
                CHECKSUM,
                OTHER_CHECKSUM,
                "-- drops the note nobody reads\nALTER TABLE wish DROP COLUMN legacy_note;",
                null,
                "COSMETIC",
                "Explains the drop in a comment.",
                "contract",
                true,
                false,
                null);
    }

    static MigrationHistoryRepaired migrationHistoryRepaired() {
        return new MigrationHistoryRepaired(
                DATABASE,
                "staging",
                "flyway",
                List.of(new MigrationHistoryRepaired.RepairedEntry(
                        "0002_drop_legacy_note", "2", "drop legacy note", "V2__drop_legacy_note.sql")),
                List.of(),
                List.of(new MigrationHistoryRepaired.RepairedEntry(
                        "0001_add_wish_note", "1", "add wish note", "V1__add_wish_note.sql")));
    }

    static MigrationRunImported migrationRunImported() {
        return new MigrationRunImported(
                DATABASE,
                "production",
                "schema_versions",
                "0001_add_wish_note",
                "1.1.0",
                "Add a note to wishes",
                "0001_add_wish_note.sql",
                CHECKSUM,
                "deploy-bot",
                STARTED_AT,
                null,
                true,
                true,
                true);
    }

    static SchemaSnapshotObserved schemaSnapshotObserved() {
        SchemaSnapshotObserved.Table wish = new SchemaSnapshotObserved.Table(
                "public",
                "wish",
                List.of(
                        new SchemaSnapshotObserved.Column("id", "bigint", false, null),
                        new SchemaSnapshotObserved.Column("status", "wish_status", false, "'open'::wish_status")),
                List.of(new SchemaSnapshotObserved.Index(
                        "wish_pkey", "CREATE UNIQUE INDEX wish_pkey ON public.wish USING btree (id)", true)),
                List.of(new SchemaSnapshotObserved.Constraint("wish_pkey", "PRIMARY KEY", "PRIMARY KEY (id)")));
        return new SchemaSnapshotObserved(
                DATABASE,
                "production",
                STARTED_AT,
                "MIGRATE",
                "1.1.0",
                new SchemaSnapshotObserved.Schema(
                        "15.10",
                        List.of(wish),
                        List.of(new SchemaSnapshotObserved.EnumType("public", "wish_status", List.of("open", "done")))),
                List.of(new SchemaSnapshotObserved.HistoryRow(
                        1,
                        "1",
                        "add wish note",
                        "SQL",
                        "V1__add_wish_note.sql",
                        -1245789012,
                        "deploy",
                        STARTED_AT,
                        840,
                        true,
                        "0001_add_wish_note")));
    }

    static MigrationProposed migrationProposed() {
        String script = "ALTER TABLE wish DROP COLUMN legacy_note;";
        MigrationAnalysis analysis = new MigrationAnalysis(
                true,
                "ACCESS EXCLUSIVE",
                List.of("wish"),
                false,
                "contract",
                List.of(new MigrationAnalysis.Finding(
                        "drop-column", "ERROR", 1, script, "Dropping a column breaks code that reads it.", true)),
                1,
                0,
                OTHER_CHECKSUM);
        return new MigrationProposed(
                DATABASE,
                "0002_drop_legacy_note",
                "2.0.0",
                "Drop the legacy note column",
                "alice",
                "alice",
                CHECKSUM,
                script,
                null,
                "contract",
                true,
                false,
                new RiskAssessment("HIGH", "Restore the column from the nightly backup.", "Ran on staging copy", 30L),
                List.of("SELECT count(*) FROM wish"),
                "0001_add_wish_note",
                analysis,
                List.of(new LinterEvidence("squawk", "json", "[]")),
                new ClassificationWaiver(
                        "Declared rollback-safe: a restore from the nightly backup is the plan.", "alice"));
    }

    /** What {@code stored/MigrationProposed/v1.json} reads as: the category inferred from its script. */
    static MigrationProposed migrationProposedFromV1() {
        return new MigrationProposed(
                DATABASE,
                "0004_backfill_priority",
                "2.1.0",
                "Backfill wish priority",
                "bob",
                "bob",
                OTHER_CHECKSUM,
                "-- nothing is dropped here\nUPDATE wish SET priority = 0 WHERE priority IS NULL;",
                "UPDATE wish SET priority = NULL WHERE priority = 0;",
                "migrate",
                false,
                true,
                new RiskAssessment("LOW", "Run the down script.", null, null),
                List.of(),
                null,
                null,
                List.of(),
                null);
    }

    /** What {@code stored/MigrationApplied/v1.json} reads as: environment normalised, no duration. */
    static MigrationApplied migrationAppliedFromV1() {
        return new MigrationApplied(
                DATABASE,
                "0001_add_wish_note",
                "production",
                CHECKSUM,
                STARTED_AT,
                null,
                "flyway",
                RUN_URL,
                List.of(new PolicyViolation("NOT_APPROVED", "Migration 0001_add_wish_note is not approved.")));
    }

    /** What {@code stored/MigrationExecuted/v1.json} (outcome SUCCESS) reads as after the whole chain. */
    static MigrationApplied migrationAppliedFromExecutedV1() {
        return new MigrationApplied(
                DATABASE, "0001_add_wish_note", "staging", CHECKSUM, STARTED_AT, null, "flyway", null, List.of());
    }

    /** What {@code stored/MigrationExecuted/v1-failure.json} (outcome FAILURE) reads as. */
    static MigrationApplyFailed migrationApplyFailedFromExecutedV1() {
        return new MigrationApplyFailed(
                DATABASE,
                "0001_add_wish_note",
                "production",
                CHECKSUM,
                STARTED_AT,
                null,
                "ERROR: relation \"wish\" does not exist",
                null,
                null,
                RUN_URL,
                List.of());
    }
}
