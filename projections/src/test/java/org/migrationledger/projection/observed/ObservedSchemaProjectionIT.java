package org.migrationledger.projection.observed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.migrationledger.projection.LedgerEvents.DB;
import static org.migrationledger.projection.LedgerEvents.applied;
import static org.migrationledger.projection.LedgerEvents.expand;
import static org.migrationledger.projection.LedgerEvents.rolledBack;
import static org.migrationledger.projection.ReadModelDatabase.twice;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.api.events.DatabaseRegistered;
import org.migrationledger.api.events.SchemaSnapshotObserved;
import org.migrationledger.api.events.SchemaSnapshotObserved.Column;
import org.migrationledger.api.events.SchemaSnapshotObserved.EnumType;
import org.migrationledger.api.events.SchemaSnapshotObserved.HistoryRow;
import org.migrationledger.api.events.SchemaSnapshotObserved.Index;
import org.migrationledger.api.events.SchemaSnapshotObserved.Schema;
import org.migrationledger.api.events.SchemaSnapshotObserved.Table;
import org.migrationledger.api.queries.CompareSchemas;
import org.migrationledger.api.queries.DriftFindingView;
import org.migrationledger.api.queries.SchemaComparisonView;
import org.migrationledger.api.queries.SchemaDifferenceView;
import org.migrationledger.projection.ReadModelDatabase;
import org.migrationledger.testsupport.FreshPostgresDatabase;

/**
 * Observations of three target databases fed as the processor would (each event twice): ci and staging hold what the
 * migrations made; production was changed by hand; staging ran a migration the ledger never saw, and production's
 * history lacks one the ledger recorded.
 */
class ObservedSchemaProjectionIT {

    @RegisterExtension
    static final FreshPostgresDatabase POSTGRES = new FreshPostgresDatabase();

    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
    private static final List<String> PATH = List.of("ci", "staging", "production");
    private static final Schema MIGRATED = schema(
            List.of(new Column("id", "bigint", false, null), new Column("name", "text", true, null)),
            List.of(
                    new Index("items_pkey", "CREATE UNIQUE INDEX items_pkey ON public.items USING btree (id)", true),
                    new Index(
                            "items_name_idx", "CREATE INDEX items_name_idx ON public.items USING btree (name)", false)),
            List.of("open", "done"));
    private static final Schema CHANGED_BY_HAND = schema(
            List.of(
                    new Column("id", "bigint", false, null),
                    new Column("name", "text", true, null),
                    new Column("nickname", "text", true, null)),
            List.of(new Index("items_pkey", "CREATE UNIQUE INDEX items_pkey ON public.items USING btree (id)", true)),
            List.of("open", "done", "archived"));

    private static ObservedSchemaQueryHandler queries;
    private static long sequence;

    @BeforeAll
    static void observe() {
        ReadModelDatabase database = ReadModelDatabase.migrate(POSTGRES.database());
        database.generations().registerFirst(ObservedSchemaReadModel.NAME);
        ObservedSchemaProjection projection = new ObservedSchemaProjection(database.jdbc(), 1);
        queries = new ObservedSchemaQueryHandler(database.jdbc(), database.generations());

        twice(() -> projection.on(new DatabaseRegistered(DB, PATH)));
        twice(() -> projection.on(expand("0001_items", "1.0.0")));
        twice(() -> projection.on(expand("0002_rollback_me", "1.1.0")));
        for (String env : PATH) {
            long seq = ++sequence;
            twice(() -> projection.on(applied("0001_items", env, T), seq));
        }
        long appliedInCi = ++sequence;
        twice(() -> projection.on(applied("0002_rollback_me", "ci", T), appliedInCi));
        long rolledBackInCi = ++sequence;
        twice(() -> projection.on(rolledBack("0002_rollback_me", "ci"), rolledBackInCi));

        observe(projection, "ci", MIGRATED, List.of(row(1, "1", "items", true)));
        observe(projection, "staging", MIGRATED, List.of(row(1, "1", "items", true), row(2, "3", "hotfix", true)));
        observe(projection, "production", MIGRATED, List.of(row(1, "1", "items", false)));
        observe(projection, "production", CHANGED_BY_HAND, List.of(row(1, "1", "items", false)));
    }

    @Test
    void handMadeChangesShowUpAsStructuralDriftAgainstTheExpectedSchema() {
        assertThat(queries.findings(DB))
                .filteredOn(f -> f.kind().equals("STRUCTURAL"))
                .extracting(DriftFindingView::environment, DriftFindingView::severity)
                .containsExactlyInAnyOrder(
                        tuple("production", "MEDIUM"), tuple("production", "MEDIUM"), tuple("production", "MEDIUM"));
        assertThat(queries.findings(DB))
                .filteredOn(f -> f.kind().equals("STRUCTURAL"))
                .extracting(DriftFindingView::detail)
                .allMatch(detail -> detail.startsWith(
                        "production differs from the schema expected at 1.0.0 (as first observed in ci at "))
                .anyMatch(detail -> detail.contains("column public.items.nickname (text) is extra"))
                .anyMatch(detail -> detail.contains("index items_name_idx on public.items is missing"))
                .anyMatch(detail -> detail.contains("enum public.item_status has extra value(s) [archived]"));
    }

    @Test
    void historiesAreReconciledWithTheLedger() {
        assertThat(queries.findings(DB))
                .filteredOn(f -> !f.kind().equals("STRUCTURAL"))
                .extracting(DriftFindingView::kind, DriftFindingView::environment, DriftFindingView::migrationId)
                .containsExactlyInAnyOrder(
                        tuple("UNRECORDED_MIGRATION", "staging", "0003_hotfix"),
                        tuple("MISSING_IN_TARGET", "production", "0001_items"));
        assertThat(queries.findings(DB))
                .filteredOn(f -> f.kind().equals("UNRECORDED_MIGRATION"))
                .singleElement()
                .extracting(DriftFindingView::detail)
                .asString()
                .contains("V3__hotfix.sql ran in staging")
                .endsWith("never saw it: it was not even proposed.");
    }

    @Test
    void anyTwoEnvironmentsCompareSideBySideWithBreakingDifferencesMarked() {
        SchemaComparisonView comparison =
                queries.handle(new CompareSchemas(DB, "production", "staging")).orElseThrow();

        assertThat(comparison.from().environment()).isEqualTo("production");
        assertThat(comparison.to().environment()).isEqualTo("staging");
        assertThat(comparison.identical()).isFalse();
        assertThat(comparison.breaking()).isTrue();
        assertThat(comparison.differences())
                .extracting(
                        SchemaDifferenceView::objectType,
                        SchemaDifferenceView::change,
                        SchemaDifferenceView::from,
                        SchemaDifferenceView::to,
                        SchemaDifferenceView::breaking)
                .containsExactly(
                        tuple("COLUMN", "REMOVED", "text", null, true),
                        tuple(
                                "INDEX",
                                "ADDED",
                                null,
                                "CREATE INDEX items_name_idx ON public.items USING btree (name)",
                                false),
                        tuple("ENUM", "CHANGED", "('open', 'done', 'archived')", "('open', 'done')", true));
    }

    @Test
    void withoutAReferenceEnvironmentTheExpectedSchemaIsTheReference() {
        SchemaComparisonView comparison =
                queries.handle(new CompareSchemas(DB, null, "staging")).orElseThrow();

        assertThat(comparison.from().environment()).isEqualTo("ci");
        assertThat(comparison.from().expected()).isTrue();
        assertThat(comparison.from().schemaVersion()).isEqualTo("1.0.0");
        assertThat(comparison.identical()).isTrue();
        assertThat(queries.handle(new CompareSchemas(DB, "nowhere", "staging"))).isEmpty();
    }

    private static void observe(ObservedSchemaProjection projection, String env, Schema schema, List<HistoryRow> rows) {
        long seq = ++sequence;
        SchemaSnapshotObserved event = new SchemaSnapshotObserved(DB, env, T, "MIGRATE", "1.0.0", schema, rows);
        twice(() -> projection.on(event, seq));
    }

    private static HistoryRow row(int rank, String version, String description, boolean withMigrationId) {
        String script = "V" + version + "__" + description + ".sql";
        String id = "000" + version + "_" + description;
        return new HistoryRow(
                rank, version, description, "SQL", script, 42, "deploy", T, 12, true, withMigrationId ? id : null);
    }

    private static Schema schema(List<Column> columns, List<Index> indexes, List<String> statuses) {
        return new Schema(
                "15.10",
                List.of(new Table("public", "items", columns, indexes, List.of())),
                List.of(new EnumType("public", "item_status", statuses)));
    }
}
