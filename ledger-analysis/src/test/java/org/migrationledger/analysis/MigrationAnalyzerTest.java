package org.migrationledger.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MigrationAnalyzerTest {

    private final MigrationAnalyzer analyzer = new MigrationAnalyzer();

    @Test
    void addingANullableColumnAndATableIsAnExpandThatRollsBack() {
        Analysis analysis = analyzer.analyze(
                "SET lock_timeout = '3s'; ALTER TABLE accounts ADD COLUMN nickname text;"
                        + " CREATE TABLE badges (id int PRIMARY KEY, account_id int REFERENCES accounts (id));",
                "DROP TABLE badges; ALTER TABLE accounts DROP COLUMN nickname;");

        assertThat(analysis.breaking()).isFalse();
        assertThat(analysis.category()).isEqualTo(Category.EXPAND);
        assertThat(analysis.rollbackSafe()).isTrue();
        assertThat(analysis.findings()).isEmpty();
        assertThat(analysis.lockRisk()).isEqualTo(new LockRisk("ACCESS EXCLUSIVE", List.of("accounts")));
        assertThat(analysis.statementCount()).isEqualTo(3);
        assertThat(analysis.unparsedStatementCount()).isZero();
    }

    @Test
    void droppingAColumnIsABreakingContractThatCannotBeRolledBack() {
        Analysis analysis = analyzer.analyze("ALTER TABLE accounts DROP COLUMN legacy_code;", "SELECT 1;");

        assertThat(analysis.breaking()).isTrue();
        assertThat(analysis.category()).isEqualTo(Category.CONTRACT);
        assertThat(analysis.rollbackSafe()).isFalse();
        Finding finding = analysis.findingsOf("drop-column").get(0);
        assertThat(finding.statementIndex()).isEqualTo(1);
        assertThat(finding.statement()).isEqualTo("ALTER TABLE accounts DROP COLUMN legacy_code");
        assertThat(finding.reason()).contains("accounts.legacy_code");
        assertThat(finding.parsed()).isTrue();
    }

    @Test
    void aBackfillIsAMigrateStep() {
        Analysis analysis = analyzer.analyze("UPDATE accounts SET tier = 0 WHERE tier IS NULL;", "SELECT 1;");

        assertThat(analysis.category()).isEqualTo(Category.MIGRATE);
        assertThat(analysis.breaking()).isFalse();
        assertThat(analysis.lockRisk().strongestLock()).isEqualTo("ROW EXCLUSIVE");
    }

    @Test
    void withoutADownScriptNothingIsRollbackSafe() {
        String up = "ALTER TABLE accounts ADD COLUMN nickname text;";

        assertThat(analyzer.analyze(up, null).rollbackSafe()).isFalse();
        assertThat(analyzer.analyze(up, "  -- nothing to undo\n").rollbackSafe())
                .isFalse();
        assertThat(analyzer.analyze(up, "ALTER TABLE accounts DROP COLUMN nickname;")
                        .rollbackSafe())
                .isTrue();
    }

    @Test
    void deletingRowsIsNotRollbackSafeEvenWithADownScript() {
        Analysis analysis = analyzer.analyze("DELETE FROM sessions WHERE expired;", "SELECT 1;");

        assertThat(analysis.breaking()).isFalse();
        assertThat(analysis.rollbackSafe()).isFalse();
    }

    @Test
    void locksOnTablesTheScriptCreatesAreNoRisk() {
        Analysis analysis = analyzer.analyze(
                "CREATE TABLE badges (id int); CREATE INDEX badges_id_idx ON badges (id); DROP INDEX badges_id_idx;",
                null);

        assertThat(analysis.lockRisk()).isEqualTo(LockRisk.NONE);
        assertThat(analysis.findings()).isEmpty();
    }

    @Test
    void lockRiskNamesTheStrongestLockAndEveryTableItHits() {
        Analysis analysis = analyzer.analyze(
                "CREATE INDEX CONCURRENTLY a_idx ON a (x);"
                        + " ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id)"
                        + " REFERENCES accounts (id) NOT VALID;",
                null);

        assertThat(analysis.lockRisk()).isEqualTo(new LockRisk("SHARE ROW EXCLUSIVE", List.of("orders", "accounts")));
    }

    @Test
    void createIndexTakesShareAndConcurrentlyOnlyShareUpdateExclusive() {
        assertThat(analyzer.analyze("CREATE INDEX i ON accounts (email)", null)
                        .lockRisk()
                        .strongestLock())
                .isEqualTo("SHARE");
        assertThat(analyzer.analyze("CREATE INDEX CONCURRENTLY i ON accounts (email)", null)
                        .lockRisk()
                        .strongestLock())
                .isEqualTo("SHARE UPDATE EXCLUSIVE");
    }

    @Test
    void concurrentlyMixedWithOtherStatementsEndsUpInATransaction() {
        Analysis analysis = analyzer.analyze(
                "ALTER TABLE accounts ADD COLUMN nickname text; CREATE INDEX CONCURRENTLY i ON accounts (nickname);",
                null);

        assertThat(analysis.findingsOf("concurrently-in-transaction"))
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("runner"));
    }

    @Test
    void aRunnerThatWrapsEveryScriptMakesConcurrentlyFail() {
        MigrationAnalyzer wrapped = new MigrationAnalyzer(ScriptTransaction.WRAPPED_BY_RUNNER);

        assertThat(wrapped.analyze("CREATE INDEX CONCURRENTLY i ON accounts (email)", null)
                        .findingsOf("concurrently-in-transaction"))
                .hasSize(1);
    }

    @Test
    void usingANewEnumValueInTheSameTransactionIsFlagged() {
        Analysis analysis = analyzer.analyze(
                "ALTER TYPE mood ADD VALUE 'calm'; UPDATE people SET mood = 'calm' WHERE mood = 'ok';", null);

        assertThat(analysis.findingsOf("enum-add-value"))
                .extracting(Finding::severity, Finding::statementIndex)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Severity.INFO, 1),
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 2));
        assertThat(analysis.breaking()).isFalse();
    }

    @Test
    void swappingAnEnumForASmallerOneIsAValueRemoval() {
        Analysis analysis = analyzer.analyze(
                "ALTER TYPE mood RENAME TO mood_old; CREATE TYPE mood AS ENUM ('happy', 'ok');"
                        + " ALTER TABLE people ALTER COLUMN mood TYPE mood USING mood::text::mood; DROP TYPE mood_old;",
                null);

        assertThat(analysis.findings())
                .extracting(Finding::rule)
                .contains("rename-type", "enum-remove-value", "change-column-type", "drop-type");
        assertThat(analysis.category()).isEqualTo(Category.CONTRACT);
    }

    @Test
    void typeChangesKnownToWidenAVarcharDoNotRewrite() {
        Analysis analysis = analyzer.analyze(
                "ALTER TABLE accounts ADD COLUMN code varchar(10); ALTER TABLE accounts ALTER COLUMN code TYPE varchar(40);",
                "SELECT 1;");

        Finding finding = analysis.findingsOf("change-column-type").get(0);
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.reason()).contains("no table rewrite");
        assertThat(analysis.breaking()).isFalse();
        assertThat(analysis.category()).isEqualTo(Category.EXPAND);
    }

    @Test
    void typeChangesFromIntToBigintRewriteTheTable() {
        Analysis analysis = analyzer.analyze(
                "ALTER TABLE accounts ADD COLUMN visits int; ALTER TABLE accounts ALTER COLUMN visits TYPE bigint;",
                null);

        assertThat(analysis.findingsOf("change-column-type").get(0).reason()).contains("rewrites the table");
        assertThat(analysis.breaking()).isTrue();
    }

    @Test
    void doBlocksAreReadStatementByStatementAndReportedUnparsed() {
        Analysis analysis = analyzer.analyze("""
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = 'email_confirmed_at') THEN
                    ALTER TABLE "users" RENAME COLUMN "confirmed_at" TO "email_confirmed_at";
                  END IF;
                END $$;
                """, null);

        assertThat(analysis.unparsedStatementCount()).isEqualTo(1);
        assertThat(analysis.findingsOf("unparsed-statement"))
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("rename column users.confirmed_at"));
        assertThat(analysis.findingsOf("rename-column")).singleElement().satisfies(f -> {
            assertThat(f.statementIndex()).isEqualTo(1);
            assertThat(f.statement()).startsWith("ALTER TABLE \"users\" RENAME COLUMN");
        });
        assertThat(analysis.breaking()).isTrue();
    }

    @Test
    void templatePlaceholdersAreParsedAsANameAndReportedAsWritten() {
        String schema = "{{ index .Options \"Namespace\" }}";
        Analysis analysis = analyzer.analyze("ALTER TABLE " + schema + ".users DROP COLUMN phone;", null);

        assertThat(analysis.unparsedStatementCount()).isZero();
        assertThat(analysis.findingsOf("drop-column").get(0).reason()).contains(schema + ".users.phone");
        assertThat(analysis.lockRisk().tables()).containsExactly(schema + ".users");
    }

    @Test
    void neverThrowsOnGarbageOrEmptyInput() {
        Analysis garbage = analyzer.analyze("this is ) not ( sql ;; $$ unterminated", null);
        assertThat(garbage.statementCount()).isEqualTo(2);
        assertThat(garbage.unparsedStatementCount()).isEqualTo(2);
        assertThat(garbage.findingsOf("unparsed-statement")).hasSize(2);

        Analysis empty = analyzer.analyze(null, null);
        assertThat(empty.statementCount()).isZero();
        assertThat(empty.category()).isEqualTo(Category.EXPAND);
        assertThat(empty.lockRisk()).isEqualTo(LockRisk.NONE);
    }

    @Test
    void theNormalizedHashIgnoresCommentsLayoutAndKeywordCase() {
        String a = analyzer.analyze("ALTER TABLE accounts ADD COLUMN note text; -- why", null)
                .normalizedSqlHash();
        String b = analyzer.analyze("alter table accounts\n  add column note TEXT", null)
                .normalizedSqlHash();
        String c = analyzer.analyze("ALTER TABLE accounts ADD COLUMN memo text;", null)
                .normalizedSqlHash();

        assertThat(a).hasSize(64).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void oneInstanceServesManyThreadsAlike() {
        List<String> scripts = List.of(
                "ALTER TABLE a DROP COLUMN b;",
                "CREATE INDEX i ON a (b);",
                "DO $$ BEGIN ALTER TABLE a RENAME COLUMN b TO c; END $$;",
                "UPDATE a SET b = 1;");
        List<Analysis> sequential =
                scripts.stream().map(s -> analyzer.analyze(s, null)).toList();

        List<Analysis> parallel = IntStream.range(0, 40)
                .parallel()
                .mapToObj(i -> analyzer.analyze(scripts.get(i % scripts.size()), null))
                .toList();

        for (int i = 0; i < parallel.size(); i++) {
            assertThat(parallel.get(i)).isEqualTo(sequential.get(i % scripts.size()));
        }
    }

    @Test
    void columnTypesKnownFromASnapshotDecideWhetherATypeChangeRewrites() {
        KnownSchema snapshot = new KnownSchema(
                java.util.Map.of(
                        "public.sessions.token", "character varying(32)", "public.courier_messages.type", "integer"),
                "the schema observed in production at 1.3.0");

        Analysis widening =
                analyzer.analyze("ALTER TABLE sessions ALTER COLUMN token TYPE varchar(39);", null, snapshot);
        Analysis rewrite =
                analyzer.analyze("ALTER TABLE courier_messages ALTER COLUMN type TYPE bigint;", null, snapshot);

        assertThat(widening.findingsOf("change-column-type")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.reason())
                    .contains(
                            "from character varying(32) (the type in the schema observed in production at 1.3.0) to"
                                    + " varchar(39)",
                            "no table rewrite");
        });
        assertThat(widening.breaking()).isFalse();
        assertThat(rewrite.findingsOf("change-column-type").get(0).reason())
                .contains("from integer (the type in the schema observed in production at 1.3.0) to bigint");
        assertThat(rewrite.breaking()).isTrue();
    }
}
