package org.migrationledger.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** A database created for one test class on the chosen {@link PostgresServer}, dropped when the class is done. */
public record FreshDatabase(PostgresServer server, String name) implements AutoCloseable {

    private static final int MAX_IDENTIFIER_LENGTH = 63;

    /** Creates a database whose name starts with the given label (usually the test class's simple name). */
    public static FreshDatabase create(String label) {
        PostgresServer server = PostgresServer.get();
        String name = uniqueName(label);
        execute(server, "CREATE DATABASE " + name);
        return new FreshDatabase(server, name);
    }

    public String jdbcUrl() {
        return server.jdbcUrlFor(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public Connection connect() throws SQLException {
        return server.connect(jdbcUrl());
    }

    /** Drops the database, ending any connection a pool left open. */
    @Override
    public void close() {
        execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static String uniqueName(String label) {
        String suffix = "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String cleaned = ("lt_" + label).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        int room = MAX_IDENTIFIER_LENGTH - suffix.length();
        return (cleaned.length() > room ? cleaned.substring(0, room) : cleaned) + suffix;
    }

    private static void execute(PostgresServer server, String sql) {
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + server.adminJdbcUrl(), e);
        }
    }
}
