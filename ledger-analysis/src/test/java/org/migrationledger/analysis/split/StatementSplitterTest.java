package org.migrationledger.analysis.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<String> texts(String script) {
        return StatementSplitter.split(script).stream().map(SqlStatement::text).toList();
    }

    @Test
    void splitsAtTopLevelSemicolonsAndKeepsOriginalText() {
        assertThat(texts("CREATE TABLE a (id int);\n\nALTER TABLE a  ADD b text ;"))
                .containsExactly("CREATE TABLE a (id int)", "ALTER TABLE a  ADD b text");
    }

    @Test
    void ignoresSemicolonsInsideStringLiteralsWithDoubledQuotes() {
        assertThat(texts("INSERT INTO t VALUES ('it''s; fine'); SELECT 1"))
                .containsExactly("INSERT INTO t VALUES ('it''s; fine')", "SELECT 1");
    }

    @Test
    void escapeStringsMayHideAQuoteBehindABackslash() {
        assertThat(texts("SELECT E'a\\'; b'; SELECT 'c\\'; SELECT 2"))
                .containsExactly("SELECT E'a\\'; b'", "SELECT 'c\\'", "SELECT 2");
    }

    @Test
    void dollarQuotedBodiesWithAndWithoutTagsStayWhole() {
        String script = """
                DO $$ BEGIN CREATE TYPE mood AS ENUM ('a'); EXCEPTION WHEN duplicate_object THEN null; END $$;
                CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $inner$ ; $inner$ $body$ LANGUAGE sql;
                SELECT $1, a$b FROM t;
                """;
        List<String> texts = texts(script);
        assertThat(texts).hasSize(3);
        assertThat(texts.get(0)).endsWith("END $$");
        assertThat(texts.get(1)).endsWith("$body$ LANGUAGE sql");
        assertThat(texts.get(2)).isEqualTo("SELECT $1, a$b FROM t");
    }

    @Test
    void nestedBlockCommentsAndLineCommentsHideSemicolons() {
        String script = "/* outer; /* inner; */ still comment; */ SELECT 1; -- trailing; comment\nSELECT 2;";
        assertThat(texts(script)).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void commentOnlyPiecesAreNotStatements() {
        assertThat(StatementSplitter.split("-- nothing to do\n/* really */\n;\n"))
                .isEmpty();
        assertThat(StatementSplitter.split("")).isEmpty();
        assertThat(StatementSplitter.split(null)).isEmpty();
    }

    @Test
    void quotedIdentifiersMayContainSemicolonsAndDoubledQuotes() {
        assertThat(texts("CREATE TABLE \"a;\"\"b\" (id int); SELECT 1"))
                .containsExactly("CREATE TABLE \"a;\"\"b\" (id int)", "SELECT 1");
    }

    @Test
    void goTemplatePlaceholdersCountAsOneIdentifierEvenInsideQuotes() {
        String script = "ALTER TABLE {{ index .Options \"Namespace\" }}.users ADD x int;\n"
                + "ALTER TABLE \"{{ index .Options \"Namespace\" }}\".\"users\" RENAME a TO b;";
        assertThat(texts(script)).hasSize(2);
        List<Token> tokens = StatementSplitter.split(script).get(0).significantTokens();
        assertThat(tokens.get(2).kind()).isEqualTo(Token.Kind.PLACEHOLDER);
    }

    @Test
    void recognisesTransactionBlocks() {
        List<SqlStatement> statements = StatementSplitter.split(
                "SELECT 0; BEGIN; CREATE INDEX CONCURRENTLY i ON t (a); COMMIT; START TRANSACTION; ROLLBACK; SELECT 1");
        assertThat(statements)
                .extracting(SqlStatement::control)
                .containsExactly(
                        TransactionControl.NONE,
                        TransactionControl.BEGIN,
                        TransactionControl.NONE,
                        TransactionControl.COMMIT,
                        TransactionControl.BEGIN,
                        TransactionControl.ROLLBACK,
                        TransactionControl.NONE);
        assertThat(statements)
                .extracting(SqlStatement::inExplicitTransaction)
                .containsExactly(false, true, true, true, true, true, false);
    }

    @Test
    void sqlStandardFunctionBodiesKeepTheirInnerSemicolons() {
        String script =
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END;"
                        + " SELECT 3;";
        assertThat(texts(script)).hasSize(2).last().isEqualTo("SELECT 3");
    }

    @Test
    void reportsIndexAndStartingLine() {
        List<SqlStatement> statements = StatementSplitter.split("-- header\nSELECT 1;\n\n  SELECT\n 2;");
        assertThat(statements).extracting(SqlStatement::index).containsExactly(1, 2);
        assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 4);
    }

    @Test
    void unterminatedLiteralsRunToTheEndInsteadOfFailing() {
        assertThat(texts("SELECT 'open; SELECT 2")).containsExactly("SELECT 'open; SELECT 2");
        assertThat(texts("SELECT $$ open; SELECT 2")).containsExactly("SELECT $$ open; SELECT 2");
        assertThat(texts("SELECT 1 /* open; SELECT 2")).containsExactly("SELECT 1");
    }
}
