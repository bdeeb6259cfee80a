package org.migrationledger.projection.observed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.expand;
import static org.migrationledger.projection.ReadModelDatabase.twice;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.events.DatabaseRegistered;
import org.migrationledger.api.events.SchemaSnapshotObserved;
import org.migrationledger.api.events.SchemaSnapshotObserved.Column;
import org.migrationledger.api.events.SchemaSnapshotObserved.Schema;
import org.migrationledger.api.events.SchemaSnapshotObserved.Table;
import org.migrationledger.api.queries.FindKnownColumnTypes;
import org.migrationledger.api.queries.KnownColumnTypesView;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;

/**
 * The column types a migration meets are those observed at the highest version below its own, preferring the
 * environment furthest along the path; schemas observed at or above its version already hold its changes.
 */
class KnownColumnTypesIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

    private static KnownColumnTypesQueryHandler queries;
    private static long sequence;

    @BeforeAll
    static void observe() {
        ReadModelDatabase database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(ObservedSchemaReadModel.NAME);
        ObservedSchemaProjection projection = new ObservedSchemaProjection(database.jdbc(), 1);
        queries = new KnownColumnTypesQueryHandler(database.jdbc(), database.generations());

        twice(() -> projection.on(new DatabaseRegistered(DB, List.of("ci", "staging", "production"))));
        twice(() -> projection.on(expand("0003_widen_token", "1.2.0")));
        observe(projection, "ci", null, "character varying(8)");
        observe(projection, "ci", "1.1.0", "character varying(16)");
        observe(projection, "staging", "1.1.0", "character varying(24)");
        observe(projection, "production", "1.0.0", "character varying(32)");
        observe(projection, "ci", "1.2.0", "text");
        observe(projection, "qa-not-in-path", "1.1.5", "character varying(99)");
    }

    @Test
    void takesTheHighestVersionBelowAndTheEnvironmentFurthestAlong() {
        KnownColumnTypesView known = queries.handle(new FindKnownColumnTypes(DB, "0003_widen_token", "1.2.0"));

        assertThat(known.environment()).isEqualTo("staging");
        assertThat(known.schemaVersion()).isEqualTo("1.1.0");
        assertThat(known.capturedAt()).isEqualTo(T);
        assertThat(known.columnTypes())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                        "public.sessions.id", "bigint", "public.sessions.token", "character varying(24)"));
    }

    @Test
    void looksUpTheVersionOfAProposedMigration() {
        assertThat(queries.handle(new FindKnownColumnTypes(DB, "0003_widen_token", null))
                        .columnTypes())
                .containsEntry("public.sessions.token", "character varying(24)");
    }

    @Test
    void aSchemaObservedBeforeAnyApplyCountsAsTheLowestVersion() {
        KnownColumnTypesView known = queries.handle(new FindKnownColumnTypes(DB, "0001_first", "0.1.0"));

        assertThat(known.environment()).isEqualTo("ci");
        assertThat(known.schemaVersion()).isNull();
        assertThat(known.columnTypes()).containsEntry("public.sessions.token", "character varying(8)");
    }

    @Test
    void knowsNothingForAnUnknownMigrationOrDatabase() {
        assertThat(queries.handle(new FindKnownColumnTypes(DB, "0009_unknown", null))
                        .known())
                .isFalse();
        assertThat(queries.handle(new FindKnownColumnTypes("elsewhere", "0001_x", "1.0.0"))
                        .known())
                .isFalse();
    }

    private static void observe(ObservedSchemaProjection projection, String env, String version, String tokenType) {
        long seq = ++sequence;
        Schema schema = new Schema(
                "15.10",
                List.of(new Table(
                        "public",
                        "sessions",
                        List.of(new Column("id", "bigint", false, null), new Column("token", tokenType, false, null)),
                        List.of(),
                        List.of())),
                List.of());
        SchemaSnapshotObserved event = new SchemaSnapshotObserved(DB, env, T, "MANUAL", version, schema, null);
        twice(() -> projection.on(event, seq));
    }
}
