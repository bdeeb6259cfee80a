package org.migrationledger.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.migrationledger.analysis.split.SqlStatement;
import org.migrationledger.analysis.split.StatementSplitter;

/**
 * The {@code sql} blocks of a document, run in order on one connection the way a person pastes them into psql: each
 * statement on its own (so that the blocks' own BEGIN and COMMIT, and statements that refuse a transaction block,
 * behave as written), a block stopping at its first error. A block whose first line is {@code -- fails with SQLSTATE
 * XXXXX} is the failure the document warns about: it must fail, with that code.
 */
record SqlExamples(Path document, List<Block> blocks) {

    private static final Pattern SQL_BLOCK =
            Pattern.compile("^( *)```sql\\n(.*?)^\\1```", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern EXPECTED_FAILURE = Pattern.compile("^-- fails with SQLSTATE ([0-9A-Z]{5})\\b");

    static SqlExamples of(Path document) throws IOException {
        String text = Files.readString(document);
        Matcher matcher = SQL_BLOCK.matcher(text);
        List<Block> blocks = new ArrayList<>();
        while (matcher.find()) {
            int line = text.substring(0, matcher.start()).split("\n", -1).length;
            String sql = matcher.group(2).replaceAll("(?m)^" + matcher.group(1), "");
            Matcher failure = EXPECTED_FAILURE.matcher(sql);
            blocks.add(new Block(line, sql, failure.find() ? failure.group(1) : null));
        }
        return new SqlExamples(document, List.copyOf(blocks));
    }

    /** Runs every block in order; fails naming the document, line and statement of the first surprise. */
    void runOn(Connection connection) throws SQLException {
        assertThat(blocks).as("sql blocks of " + document).isNotEmpty();
        connection.setAutoCommit(true);
        for (Block block : blocks) {
            run(connection, block);
        }
    }

    private void run(Connection connection, Block block) {
        String where = document.getFileName() + ", the sql block at line " + block.line();
        for (SqlStatement statement : StatementSplitter.split(block.sql())) {
            try (Statement jdbc = connection.createStatement()) {
                jdbc.execute(statement.text());
            } catch (SQLException e) {
                if (block.expectedSqlState() == null) {
                    fail(where + " fails at statement " + statement.index() + " (" + statement.text() + "): "
                            + e.getSQLState() + " " + e.getMessage());
                }
                assertThat(e.getSQLState())
                        .as(where + " fails as it says it does (" + e.getMessage() + ")")
                        .isEqualTo(block.expectedSqlState());
                return;
            }
        }
        if (block.expectedSqlState() != null) {
            fail(where + " should fail with SQLSTATE " + block.expectedSqlState() + " but ran through");
        }
    }

    /** @param line the line of the opening fence in the document, for failure messages */
    record Block(int line, String sql, String expectedSqlState) {}
}
