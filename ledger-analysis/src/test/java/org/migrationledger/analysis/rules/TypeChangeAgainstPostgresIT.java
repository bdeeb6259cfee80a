package org.migrationledger.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.migrationledger.analysis.rules.TypeChange.Verdict;
import org.migrationledger.testsupport.FreshPostgresDatabase;

/** The pairs TypeChangeTest judges, run on PostgreSQL: a rewrite gives the table a new file node. */
class TypeChangeAgainstPostgresIT {

    @RegisterExtension
    static FreshPostgresDatabase db = new FreshPostgresDatabase();

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvFileSource(resources = "/type-changes/postgresql-pairs.csv", delimiter = '|')
    void postgresqlRewritesExactlyWhenTheVerdictSaysSo(String from, String to, Verdict expected) throws SQLException {
        try (Connection connection = db.database().connect();
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists typed; create table typed (c %s); insert into typed values (null)"
                    .formatted(from));
            long before = fileNode(statement);
            statement.execute("alter table typed alter column c type " + to);

            boolean rewritten = fileNode(statement) != before;

            assertThat(rewritten).isEqualTo(expected == Verdict.REWRITE);
        }
    }

    private static long fileNode(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("select pg_relation_filenode('typed')")) {
            row.next();
            return row.getLong(1);
        }
    }
}
