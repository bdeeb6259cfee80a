package org.migrationledger.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule with one script that triggers it and a near miss that must not. Tables not created in the script
 * (accounts, orders, sessions) stand for tables that already hold data.
 */
class RuleCatalogueTest {

    private final MigrationAnalyzer analyzer = new MigrationAnalyzer();

    static Stream<Arguments> rules() {
        return Stream.of(
                rule(
                        "drop-table",
                        Severity.ERROR,
                        "DROP TABLE accounts",
                        "CREATE TABLE scratch (id int); DROP TABLE scratch"),
                rule(
                        "drop-column",
                        Severity.ERROR,
                        "ALTER TABLE accounts DROP COLUMN legacy",
                        "ALTER TABLE accounts DROP CONSTRAINT legacy_check"),
                rule(
                        "rename-table",
                        Severity.ERROR,
                        "ALTER TABLE accounts RENAME TO customers",
                        "ALTER INDEX accounts_pkey RENAME TO customers_pkey"),
                rule(
                        "rename-column",
                        Severity.ERROR,
                        "ALTER TABLE accounts RENAME COLUMN email TO mail",
                        "ALTER TABLE accounts RENAME CONSTRAINT accounts_email_check TO accounts_mail_check"),
                rule(
                        "change-column-type",
                        Severity.ERROR,
                        "ALTER TABLE accounts ALTER COLUMN id TYPE bigint",
                        "ALTER TABLE accounts ALTER COLUMN id SET DEFAULT 0"),
                rule(
                        "add-not-null-column-without-default",
                        Severity.ERROR,
                        "ALTER TABLE accounts ADD COLUMN tier int NOT NULL",
                        "ALTER TABLE accounts ADD COLUMN tier int NOT NULL DEFAULT 0"),
                rule(
                        "add-column-with-volatile-default",
                        Severity.WARNING,
                        "ALTER TABLE accounts ADD COLUMN token uuid DEFAULT gen_random_uuid()",
                        "ALTER TABLE accounts ADD COLUMN token text DEFAULT 'none'"),
                rule(
                        "set-not-null",
                        Severity.WARNING,
                        "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL",
                        "ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL"),
                rule(
                        "add-constraint-without-not-valid",
                        Severity.WARNING,
                        "ALTER TABLE accounts ADD CONSTRAINT positive CHECK (balance >= 0)",
                        "ALTER TABLE accounts ADD CONSTRAINT positive CHECK (balance >= 0) NOT VALID"),
                rule(
                        "add-foreign-key",
                        Severity.WARNING,
                        "ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)",
                        "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0) NOT VALID"),
                rule(
                        "add-unique-constraint",
                        Severity.WARNING,
                        "ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email)",
                        "ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_idx"),
                rule(
                        "create-index-without-concurrently",
                        Severity.WARNING,
                        "CREATE INDEX accounts_email_idx ON accounts (email)",
                        "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email)"),
                rule(
                        "drop-index-without-concurrently",
                        Severity.WARNING,
                        "DROP INDEX accounts_email_idx",
                        "DROP INDEX CONCURRENTLY accounts_email_idx"),
                rule(
                        "concurrently-in-transaction",
                        Severity.WARNING,
                        "BEGIN; CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email); COMMIT;",
                        "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);"),
                rule(
                        "enum-add-value",
                        Severity.INFO,
                        "ALTER TYPE mood ADD VALUE 'calm'",
                        "CREATE TYPE mood AS ENUM ('calm')"),
                rule(
                        "enum-rename-value",
                        Severity.ERROR,
                        "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'",
                        "ALTER TYPE mood ADD VALUE 'blue'"),
                rule(
                        "enum-remove-value",
                        Severity.ERROR,
                        "DELETE FROM pg_enum WHERE enumlabel = 'sad' AND enumtypid = 'mood'::regtype",
                        "DELETE FROM moods WHERE label = 'sad'"),
                rule(
                        "drop-type",
                        Severity.ERROR,
                        "DROP TYPE mood",
                        "CREATE TYPE scratch AS ENUM ('a'); DROP TYPE scratch"),
                rule(
                        "rename-type",
                        Severity.ERROR,
                        "ALTER TYPE mood RENAME TO feeling",
                        "ALTER TYPE mood ADD VALUE 'feeling'"),
                rule(
                        "unbounded-update",
                        Severity.WARNING,
                        "UPDATE accounts SET tier = 0",
                        "UPDATE accounts SET tier = 0 WHERE id < 1000"),
                rule(
                        "unbounded-delete",
                        Severity.WARNING,
                        "DELETE FROM sessions",
                        "DELETE FROM sessions WHERE expires_at < now()"),
                rule("truncate", Severity.WARNING, "TRUNCATE sessions", "DELETE FROM sessions WHERE id = 1"),
                rule(
                        "missing-lock-timeout",
                        Severity.WARNING,
                        "ALTER TABLE accounts ADD COLUMN note text",
                        "SET lock_timeout = '5s'; ALTER TABLE accounts ADD COLUMN note text"),
                rule(
                        "unparsed-statement",
                        Severity.INFO,
                        "DROP INDEX CONCURRENTLY IF EXISTS accounts_email_idx",
                        "DROP INDEX IF EXISTS accounts_email_idx"));
    }

    private static Arguments rule(String id, Severity severity, String triggering, String nearMiss) {
        return Arguments.of(id, severity, triggering, nearMiss);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void triggersOnItsStatementOnly(String rule, Severity severity, String triggering, String nearMiss) {
        assertThat(analyzer.analyze(triggering, null).findingsOf(rule))
                .as("%s on: %s", rule, triggering)
                .isNotEmpty()
                .allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(severity));
        assertThat(analyzer.analyze(nearMiss, null).findingsOf(rule))
                .as("%s must stay silent on the near miss: %s", rule, nearMiss)
                .isEmpty();
    }
}
