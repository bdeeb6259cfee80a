package org.migrationledger.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.migrationledger.analysis.change.AddColumn;
import org.migrationledger.analysis.change.AddConstraint;
import org.migrationledger.analysis.change.AddEnumValue;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.ChangeColumnType;
import org.migrationledger.analysis.change.ConstraintKind;
import org.migrationledger.analysis.change.CreateIndex;
import org.migrationledger.analysis.change.CreateType;
import org.migrationledger.analysis.change.DropColumn;
import org.migrationledger.analysis.change.DropIndex;
import org.migrationledger.analysis.change.OtherStatement;
import org.migrationledger.analysis.change.RenameColumn;
import org.migrationledger.analysis.change.SetSetting;
import org.migrationledger.analysis.change.Truncate;
import org.migrationledger.analysis.change.Unrecognised;
import org.migrationledger.analysis.change.WriteRows;

/** What the readers make of statements, in particular those JSqlParser rejects and the keyword classifier reads. */
class StatementReaderTest {

    private static List<Change> changes(String statement) {
        return StatementReader.read(statement).parts().stream()
                .flatMap(p -> p.changes().stream())
                .toList();
    }

    @Test
    void parsedAlterTableKeepsEverySubCommand() {
        StatementReading reading = StatementReader.read("ALTER TABLE \"Users\" ADD \"nick\" VARCHAR (32),"
                + " DROP COLUMN legacy, ALTER COLUMN age TYPE bigint USING age::bigint, RENAME COLUMN a TO b");

        assertThat(reading.parsed()).isTrue();
        assertThat(changes(reading.parts().get(0).text()))
                .containsExactly(
                        new AddColumn("Users", "nick", "varchar(32)", false, false, false, null),
                        new DropColumn("Users", "legacy"),
                        new ChangeColumnType("Users", "age", "bigint"),
                        new RenameColumn("Users", "a", "b"));
    }

    @Test
    void notValidConstraintsFallBackToTheKeywordClassifier() {
        StatementReading reading = StatementReader.read("alter table auth.sessions add constraint s_fk foreign key"
                + " (client_id) references auth.clients(id) on delete cascade not valid");

        assertThat(reading.parsed()).isFalse();
        assertThat(reading.parserMessage()).isNotBlank();
        assertThat(reading.parts().get(0).changes())
                .containsExactly(new AddConstraint(
                        "auth.sessions", "s_fk", ConstraintKind.FOREIGN_KEY, true, false, "auth.clients"));
    }

    @Test
    void keywordClassifierReadsWhatJSqlParserRejects() {
        assertThat(changes("DROP INDEX CONCURRENTLY IF EXISTS a_idx, b_idx"))
                .containsExactly(new DropIndex("a_idx", true), new DropIndex("b_idx", true));
        assertThat(changes("SET LOCAL lock_timeout TO '5s'")).containsExactly(new SetSetting("lock_timeout", "'5s'"));
        assertThat(changes("TRUNCATE TABLE ONLY sessions, tokens RESTART IDENTITY CASCADE"))
                .containsExactly(new Truncate("sessions"), new Truncate("tokens"));
        assertThat(changes("ALTER TABLE IF EXISTS ONLY s.t DROP COLUMN IF EXISTS c"))
                .containsExactly(new DropColumn("s.t", "c"));
        assertThat(changes("ALTER TABLE t ALTER COLUMN c SET DATA TYPE varchar(20)"))
                .containsExactly(new ChangeColumnType("t", "c", "varchar(20)"));
        assertThat(changes("DROP TYPE IF EXISTS mood")).hasSize(1);
    }

    @Test
    void keywordClassifierSeesPerRowDefaultsAndInlineReferences() {
        List<Change> changes = KeywordChangeReader.read(
                "ALTER TABLE t ADD COLUMN IF NOT EXISTS id uuid NOT NULL DEFAULT gen_random_uuid() REFERENCES o (id)");

        assertThat(changes).containsExactly(new AddColumn("t", "id", "uuid", true, true, true, "o"));
    }

    @Test
    void doBlocksYieldTheStatementsInsideThem() {
        StatementReading reading = StatementReader.read("""
                do $$ begin
                    create type auth.factor_type as enum('totp', 'webauthn');
                exception
                    when duplicate_object then null;
                end $$""");

        assertThat(reading.parsed()).isFalse();
        assertThat(reading.parts()).singleElement().satisfies(part -> {
            assertThat(part.text()).startsWith("create type auth.factor_type");
            assertThat(part.changes()).containsExactly(new CreateType("auth.factor_type", List.of("totp", "webauthn")));
        });
    }

    @Test
    void doBlocksFindStatementsAfterThenAndElseAndUnwrapLiteralExecute() {
        List<Change> changes = changes("""
                DO $body$
                BEGIN
                  IF EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
                    ALTER TYPE mood ADD VALUE IF NOT EXISTS 'calm';
                  ELSE
                    EXECUTE 'CREATE INDEX moods_idx ON people (mood)';
                  END IF;
                  PERFORM pg_sleep(0);
                  EXECUTE format('DROP TABLE %I', 'x');
                END
                $body$""");

        assertThat(changes)
                .containsExactly(
                        new AddEnumValue("mood", "calm"),
                        new CreateIndex("people", "moods_idx", false, false),
                        new OtherStatement("EXECUTE (dynamic SQL, not inspected)", List.of()));
    }

    @Test
    void backfillsKnowWhetherTheyAreBounded() {
        assertThat(changes("UPDATE t SET a = (SELECT max(b) FROM u WHERE u.id = t.id)"))
                .containsExactly(new WriteRows(WriteRows.Kind.UPDATE, "t", false));
        assertThat(KeywordChangeReader.read(
                        "WITH x AS (SELECT id FROM u WHERE flag) DELETE FROM t WHERE id IN (SELECT id FROM x)"))
                .containsExactly(new WriteRows(WriteRows.Kind.DELETE, "t", true));
    }

    @Test
    void somethingNobodyKnowsIsUnrecognisedNotAnError() {
        assertThat(changes("FROBNICATE the database")).singleElement().isInstanceOf(Unrecognised.class);
    }
}
