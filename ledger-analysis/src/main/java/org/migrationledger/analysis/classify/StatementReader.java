package org.migrationledger.analysis.classify;

import java.util.List;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import org.migrationledger.analysis.change.Change;
import org.migrationledger.analysis.change.OtherStatement;
import org.migrationledger.analysis.change.Unrecognised;

/**
 * Reads one statement: JSqlParser first, the keyword classifier when the parser gives up, and the body of DO blocks
 * statement by statement. It never throws; what nobody understood comes back as {@link Unrecognised}.
 */
public final class StatementReader {

    private static final long PARSE_TIMEOUT_MILLIS = 3_000;

    private StatementReader() {}

    public static StatementReading read(String statement) {
        if (DoBlockReader.isDoBlock(statement)) {
            List<ReadPart> inner = DoBlockReader.embeddedStatements(statement).stream()
                    .map(StatementReader::readPart)
                    .toList();
            List<ReadPart> parts = inner.isEmpty()
                    ? List.of(new ReadPart(statement, false, List.of(new OtherStatement("DO", List.of()))))
                    : inner;
            return new StatementReading(false, "DO block: PL/pgSQL is outside the SQL grammar", parts);
        }
        Attempt attempt = parse(statement);
        ReadPart part = attempt.statement == null
                ? new ReadPart(statement, false, keywordReading(statement))
                : treeReading(statement, attempt.statement);
        return new StatementReading(part.parsed(), attempt.error, List.of(part));
    }

    private static ReadPart readPart(String statement) {
        Attempt attempt = parse(statement);
        return attempt.statement == null
                ? new ReadPart(statement, false, keywordReading(statement))
                : treeReading(statement, attempt.statement);
    }

    private static ReadPart treeReading(String text, Statement statement) {
        try {
            return new ReadPart(text, true, JsqlChangeReader.read(statement, text));
        } catch (RuntimeException unexpectedTreeShape) {
            return new ReadPart(text, false, keywordReading(text));
        }
    }

    private static List<Change> keywordReading(String text) {
        try {
            return KeywordChangeReader.read(text);
        } catch (RuntimeException unexpectedShape) {
            return List.of(new Unrecognised(text.strip().split("\\s+", 3)[0]));
        }
    }

    private static Attempt parse(String statement) {
        try {
            Statement parsed = CCJSqlParserUtil.parse(statement, parser -> parser.withTimeOut(PARSE_TIMEOUT_MILLIS));
            return parsed == null || parsed instanceof UnsupportedStatement
                    ? new Attempt(null, "not supported by JSqlParser")
                    : new Attempt(parsed, null);
        } catch (Exception | StackOverflowError e) {
            return new Attempt(null, firstLine(e.getMessage()));
        }
    }

    /** JSqlParser repeats the statement first; the line naming the unexpected token is the useful one. */
    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        String line = message.lines()
                .filter(l -> l.contains("Encountered"))
                .findFirst()
                .orElse(message.lines().findFirst().orElse("parse error"));
        String cause = line.substring(line.indexOf("Encountered") < 0 ? 0 : line.indexOf("Encountered"));
        return cause.length() > 200 ? cause.substring(0, 200) : cause;
    }

    private record Attempt(Statement statement, String error) {}
}
