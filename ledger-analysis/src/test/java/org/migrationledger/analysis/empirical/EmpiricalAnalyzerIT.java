package org.migrationledger.analysis.empirical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.migrationledger.analysis.LockRisk;
import org.migrationledger.analysis.MigrationAnalyzer;
import org.migrationledger.analysis.change.LockLevel;
import org.migrationledger.analysis.empirical.CatalogChange.Kind;
import org.migrationledger.analysis.empirical.CatalogChange.ObjectType;
import org.migrationledger.analysis.empirical.StatementOutcome.Status;
import org.migrationledger.testsupport.FreshPostgresDatabase;
import org.migrationledger.testsupport.MigrationCorpus;

/**
 * Kratos' first migrations (up to, not including, 20191100000010000000) are applied in MANIFEST order, then the
 * following ones are analysed empirically against that schema.
 */
class EmpiricalAnalyzerIT {

    @RegisterExtension
    static FreshPostgresDatabase db = new FreshPostgresDatabase();

    private static final String FIRST_ANALYSED = "20191100000010000000_errors.postgres.up.sql";

    private static List<Path> kratos;
    private static EmpiricalAnalyzer analyzer;

    @BeforeAll
    static void applyKratosBaseline() throws SQLException {
        kratos = MigrationCorpus.locate().upMigrations("kratos");
        List<Path> baseline = kratos.subList(0, indexOf(FIRST_ANALYSED));
        try (Connection connection = db.database().connect();
                Statement statement = connection.createStatement()) {
            for (Path up : baseline) {
                String sql = MigrationCorpus.raw(up);
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        analyzer = new EmpiricalAnalyzer(
                db.database().jdbcUrl(), db.database().user(), db.database().password());
    }

    @Test
    void reportsTheColumnChangeAndTheAccessExclusiveLockOfTheNextKratosMigration() {
        String script = kratosScript(FIRST_ANALYSED);

        EmpiricalReport report = analyzer.analyze(script);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.statements()).extracting(StatementOutcome::status).containsOnly(Status.EXECUTED);
        assertThat(report.catalogChanges())
                .containsExactly(new CatalogChange(
                        Kind.CHANGED,
                        ObjectType.COLUMN,
                        "public.selfservice_errors.seen_at",
                        "timestamp without time zone NOT NULL",
                        "timestamp without time zone NULL"));
        assertThat(report.rewrittenTables())
                .as("same type re-declared: no rewrite")
                .isEmpty();
        assertThat(report.lockRisk()).isEqualTo(new LockRisk("ACCESS EXCLUSIVE", List.of("public.selfservice_errors")));
        assertThat(new MigrationAnalyzer().analyze(script, null).lockRisk().strongestLock())
                .as("the static analysis predicts the lock the server took")
                .isEqualTo(report.lockRisk().strongestLock());
    }

    @Test
    void varcharToTextChangesTheTypeWithoutRewritingTheTable() {
        EmpiricalReport report =
                analyzer.analyze(kratosScript("20191100000011000000_courier_body_type.postgres.up.sql"));

        assertThat(report.catalogChanges())
                .containsExactly(new CatalogChange(
                        Kind.CHANGED,
                        ObjectType.COLUMN,
                        "public.courier_messages.body",
                        "character varying(255) NOT NULL",
                        "text NOT NULL"));
        assertThat(report.rewrittenTables()).isEmpty();
    }

    @Test
    void intToBigintRewritesTheTable() {
        EmpiricalReport report = analyzer.analyze("ALTER TABLE courier_messages ALTER COLUMN type TYPE bigint;");

        assertThat(report.rewrittenTables()).containsExactly("public.courier_messages");
        assertThat(report.catalogChanges())
                .extracting(CatalogChange::name, CatalogChange::after)
                .contains(org.assertj.core.groups.Tuple.tuple("public.courier_messages.type", "bigint NOT NULL"));
    }

    @Test
    void addingAColumnWithAConstantDefaultNeedsNoRewrite() {
        EmpiricalReport report =
                analyzer.analyze(kratosScript("20191100000012000000_login_request_forced.postgres.up.sql"));

        assertThat(report.catalogChanges())
                .containsExactly(new CatalogChange(
                        Kind.ADDED,
                        ObjectType.COLUMN,
                        "public.selfservice_login_requests.forced",
                        null,
                        "boolean NOT NULL DEFAULT false"));
        assertThat(report.rewrittenTables()).isEmpty();
        assertThat(report.lockRisk().strongestLock()).isEqualTo("ACCESS EXCLUSIVE");
    }

    @Test
    void createIndexHoldsAShareLockOnItsTable() {
        EmpiricalReport report = analyzer.analyze("CREATE INDEX identities_created_at_idx ON identities (created_at);");

        assertThat(report.catalogChanges()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(Kind.ADDED);
            assertThat(change.name()).isEqualTo("public.identities_created_at_idx");
        });
        assertThat(report.locks()).contains(new HeldLock("public.identities", "table", LockLevel.SHARE, true, true));
        assertThat(report.lockRisk()).isEqualTo(new LockRisk("SHARE", List.of("public.identities")));
    }

    @Test
    void statementsThatCannotRunInATransactionAreReportedNotRun() {
        EmpiricalReport report = analyzer.analyze(
                "BEGIN; CREATE INDEX CONCURRENTLY identities_updated_at_idx ON identities (updated_at);"
                        + " ALTER TABLE identities ADD COLUMN note text; COMMIT;");

        assertThat(report.statements())
                .extracting(StatementOutcome::status)
                .containsExactly(
                        Status.SKIPPED_TRANSACTION_CONTROL,
                        Status.SKIPPED_NOT_TRANSACTIONAL,
                        Status.EXECUTED,
                        Status.SKIPPED_TRANSACTION_CONTROL);
        assertThat(report.statementsWith(Status.SKIPPED_NOT_TRANSACTIONAL)
                        .get(0)
                        .detail())
                .contains("CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
        assertThat(report.catalogChanges()).extracting(CatalogChange::name).containsExactly("public.identities.note");
    }

    @Test
    void aFailingStatementIsReportedAndTheRestIsNotReached() {
        EmpiricalReport report = analyzer.analyze("ALTER TABLE identities ADD COLUMN first_try text;"
                + " ALTER TABLE no_such_table ADD COLUMN x text; ALTER TABLE identities ADD COLUMN never text;");

        assertThat(report.succeeded()).isFalse();
        assertThat(report.statements())
                .extracting(StatementOutcome::status)
                .containsExactly(Status.EXECUTED, Status.FAILED, Status.NOT_REACHED);
        assertThat(report.statements().get(1).detail()).startsWith("42P01");
        assertThat(report.catalogChanges())
                .extracting(CatalogChange::name)
                .containsExactly("public.identities.first_try");
    }

    @Test
    void theDatabaseIsRolledBackToWhereItWas() throws SQLException {
        CatalogSnapshot before = snapshot();

        EmpiricalReport report = analyzer.analyze("DROP TABLE sessions; ALTER TABLE identities RENAME TO people;");

        assertThat(report.rolledBack()).isTrue();
        assertThat(report.catalogChanges())
                .extracting(CatalogChange::kind, CatalogChange::objectType, CatalogChange::name)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(Kind.REMOVED, ObjectType.TABLE, "public.sessions"),
                        org.assertj.core.groups.Tuple.tuple(Kind.REMOVED, ObjectType.TABLE, "public.identities"),
                        org.assertj.core.groups.Tuple.tuple(Kind.ADDED, ObjectType.TABLE, "public.people"));
        assertThat(snapshot()).isEqualTo(before);
    }

    private static CatalogSnapshot snapshot() throws SQLException {
        try (Connection connection = db.database().connect()) {
            return CatalogReader.read(connection);
        }
    }

    private static String kratosScript(String file) {
        return MigrationCorpus.raw(kratos.get(indexOf(file)));
    }

    private static int indexOf(String file) {
        for (int i = 0; i < kratos.size(); i++) {
            if (kratos.get(i).getFileName().toString().equals(file)) {
                return i;
            }
        }
        throw new IllegalStateException(file + " is not in the kratos MANIFEST");
    }
}
