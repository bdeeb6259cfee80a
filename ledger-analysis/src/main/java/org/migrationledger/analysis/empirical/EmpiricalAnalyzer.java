package org.migrationledger.analysis.empirical;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.migrationledger.analysis.empirical.StatementOutcome.Status;
import org.migrationledger.analysis.split.SqlStatement;
import org.migrationledger.analysis.split.StatementSplitter;
import org.migrationledger.analysis.split.TransactionControl;

/**
 * Runs a migration inside one transaction on a disposable PostgreSQL database, records the catalog before and
 * after and the locks its backend holds, then rolls everything back. Refuses the ledger's own database.
 */
public final class EmpiricalAnalyzer {

    private static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(5);

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Duration statementTimeout;

    public EmpiricalAnalyzer(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, DEFAULT_STATEMENT_TIMEOUT);
    }

    public EmpiricalAnalyzer(String jdbcUrl, String user, String password, Duration statementTimeout) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.statementTimeout = statementTimeout;
    }

    /**
     * @throws LedgerDatabaseRefusedException when the database holds the ledger's event store
     * @throws EmpiricalAnalysisException when the database cannot be reached or read; failures of the migration's
     *     own statements are reported as {@link Status#FAILED} outcomes instead
     */
    public EmpiricalReport analyze(String script) {
        List<SqlStatement> statements = StatementSplitter.split(script);
        try (Connection connection = connect()) {
            LedgerTablesGuard.refuseLedgerDatabase(connection, redactedUrl());
            connection.setAutoCommit(false);
            try {
                return observe(connection, statements);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new EmpiricalAnalysisException("Empirical analysis on " + redactedUrl() + " failed: " + e, e);
        }
    }

    private EmpiricalReport observe(Connection connection, List<SqlStatement> statements) throws SQLException {
        applyTimeouts(connection);
        int major = connection.getMetaData().getDatabaseMajorVersion();
        CatalogSnapshot before = CatalogReader.read(connection);
        List<StatementOutcome> outcomes = run(connection, statements, major);
        List<HeldLock> locks = LockReader.read(connection, before);
        CatalogSnapshot after = CatalogReader.read(connection);
        return new EmpiricalReport(
                redactedUrl(),
                connection.getMetaData().getDatabaseProductVersion(),
                outcomes,
                CatalogDiff.between(before, after),
                CatalogDiff.rewrittenTables(before, after),
                locks,
                true);
    }

    private List<StatementOutcome> run(Connection connection, List<SqlStatement> statements, int major)
            throws SQLException {
        List<StatementOutcome> outcomes = new ArrayList<>();
        boolean failed = false;
        for (SqlStatement statement : statements) {
            String refusal = TransactionBlockRefusals.reason(statement.text(), major);
            if (statement.control() != TransactionControl.NONE) {
                outcomes.add(
                        skipped(statement, Status.SKIPPED_TRANSACTION_CONTROL, "the analyzer owns the transaction"));
            } else if (failed) {
                outcomes.add(skipped(statement, Status.NOT_REACHED, "an earlier statement failed"));
            } else if (refusal != null) {
                outcomes.add(skipped(statement, Status.SKIPPED_NOT_TRANSACTIONAL, refusal));
            } else {
                StatementOutcome outcome = execute(connection, statement);
                failed = outcome.status() == Status.FAILED;
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    /** A savepoint per statement keeps the transaction usable after a failure, so locks and catalog still read. */
    private static StatementOutcome execute(Connection connection, SqlStatement statement) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        long start = System.nanoTime();
        try (Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement.text());
            connection.releaseSavepoint(savepoint);
            return outcome(statement, Status.EXECUTED, null, start);
        } catch (SQLException e) {
            connection.rollback(savepoint);
            return outcome(statement, Status.FAILED, e.getSQLState() + ": " + e.getMessage(), start);
        }
    }

    private void applyTimeouts(Connection connection) throws SQLException {
        try (Statement jdbc = connection.createStatement()) {
            jdbc.execute("SET LOCAL lock_timeout = " + DEFAULT_LOCK_TIMEOUT.toMillis());
            jdbc.execute("SET LOCAL statement_timeout = " + statementTimeout.toMillis());
        }
    }

    private static StatementOutcome outcome(SqlStatement statement, Status status, String detail, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new StatementOutcome(statement.index(), statement.text(), status, detail, millis);
    }

    private static StatementOutcome skipped(SqlStatement statement, Status status, String detail) {
        return new StatementOutcome(statement.index(), statement.text(), status, detail, 0);
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "migration-ledger empirical analysis");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    private String redactedUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
