package org.migrationledger.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The one fresh database a run measures in: created at the start, dropped at the end unless kept. */
final class ScratchDatabase implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;
    private final boolean keep;

    private ScratchDatabase(String serverUrl, String user, String password, String name, boolean keep) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
        this.keep = keep;
    }

    /** @param serverUrl a JDBC URL of the server without a database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/} */
    static ScratchDatabase create(String serverUrl, String user, String password, boolean keep) throws SQLException {
        return create(serverUrl, user, password, keep, "");
    }

    /** @param suffix appended to the name, for a second database of the same run */
    static ScratchDatabase create(String serverUrl, String user, String password, boolean keep, String suffix)
            throws SQLException {
        String name =
                "ledger_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + suffix;
        ScratchDatabase database = new ScratchDatabase(serverUrl, user, password, name, keep);
        database.onServer("create database " + name);
        // A run stopped with Ctrl-C leaves no database behind either (dropping twice is harmless).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                database.close();
            } catch (SQLException e) {
                System.err.println("Could not drop " + name + ": " + e.getMessage());
            }
        }));
        return database;
    }

    String name() {
        return name;
    }

    String jdbcUrl() {
        return serverUrl + name;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** The server's version and whether it runs autovacuum, which decides who keeps the planner's statistics. */
    String serverVersion() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "select current_setting('server_version'), current_setting('autovacuum')")) {
            rows.next();
            return rows.getString(1) + " (autovacuum " + rows.getString(2) + ")";
        }
    }

    private void onServer(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        if (!keep) {
            onServer("drop database if exists " + name + " with (force)");
        }
    }
}
