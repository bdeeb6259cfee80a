package org.migrationledger.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.migrationledger.embedded.EmbeddedPostgresServer;
import org.migrationledger.embedded.EmbeddedPostgresSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostgreSQL server that integration tests create their databases on, chosen once per JVM: a JDBC URL from the
 * environment, else a PostgreSQL on localhost, else a Testcontainers PostgreSQL where Docker exists, else one
 * embedded PostgreSQL for the whole test JVM (a machine with nothing but a JDK). {@code LEDGER_TEST_POSTGRES=embedded}
 * skips straight to the embedded one, so CI proves that path on a machine that has the others too.
 */
public record PostgresServer(String adminJdbcUrl, String user, String password, String origin) {

    /** Connection URL of the server's maintenance database, e.g. {@code jdbc:postgresql://host:5432/postgres}. */
    public static final String URL_VARIABLE = "LEDGER_TEST_JDBC_URL";

    public static final String USER_VARIABLE = "LEDGER_TEST_JDBC_USER";
    public static final String PASSWORD_VARIABLE = "LEDGER_TEST_JDBC_PASSWORD";

    /** {@code embedded} forces the embedded server; unset, the first server found in the order above is used. */
    public static final String CHOICE_VARIABLE = "LEDGER_TEST_POSTGRES";

    public static final String EMBEDDED = "embedded";

    /** Kept in step with docker-compose.yml. */
    public static final String IMAGE = "postgres:15.10-alpine";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final String LOCALHOST_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private static PostgresServer chosen;

    public static synchronized PostgresServer get() {
        if (chosen == null) {
            chosen = choose();
            LOG.info("Integration tests use PostgreSQL from {}: {}", chosen.origin(), chosen.adminJdbcUrl());
        }
        return chosen;
    }

    public Connection connect() throws SQLException {
        return connect(adminJdbcUrl);
    }

    Connection connect(String jdbcUrl) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** The same server's URL for another database name. */
    public String jdbcUrlFor(String database) {
        int slash = adminJdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminJdbcUrl.indexOf('?', slash);
        String suffix = query < 0 ? "" : adminJdbcUrl.substring(query);
        return adminJdbcUrl.substring(0, slash + 1) + database + suffix;
    }

    /** The embedded server goes away with the test JVM, and all its databases with it. */
    public boolean endsWithTheJvm() {
        return origin.equals(EMBEDDED);
    }

    private static PostgresServer choose() {
        String choice = System.getenv().getOrDefault(CHOICE_VARIABLE, "");
        if (choice.equals(EMBEDDED)) {
            return startEmbedded();
        }
        if (!choice.isBlank()) {
            throw new IllegalStateException(CHOICE_VARIABLE + "=" + choice + " is not a choice: set it to " + EMBEDDED
                    + ", or leave it unset to take the first PostgreSQL found");
        }
        String fromEnvironment = System.getenv(URL_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            PostgresServer server = new PostgresServer(
                    fromEnvironment,
                    System.getenv().getOrDefault(USER_VARIABLE, "postgres"),
                    System.getenv(PASSWORD_VARIABLE),
                    "$" + URL_VARIABLE);
            server.requireReachable();
            return server;
        }
        PostgresServer local = new PostgresServer(LOCALHOST_URL, "postgres", null, "localhost");
        if (local.isReachable()) {
            return local;
        }
        if (dockerAvailable()) {
            return startContainer();
        }
        return startEmbedded();
    }

    private boolean isReachable() {
        try (Connection ignored = connect()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void requireReachable() {
        try (Connection ignored = connect()) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException(URL_VARIABLE + " points at " + adminJdbcUrl + " but it is unreachable", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static PostgresServer startEmbedded() {
        try {
            Path data = Files.createTempDirectory("ledger-test-postgres");
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(EmbeddedPostgresSettings.forTests(data));
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> stopAndDelete(server, data), "stop-embedded-postgres"));
            return new PostgresServer(server.jdbcUrl("postgres"), server.user(), null, EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a data folder for the embedded PostgreSQL", e);
        }
    }

    private static void stopAndDelete(EmbeddedPostgresServer server, Path data) {
        server.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete the embedded PostgreSQL's data in " + data + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("resource") // lives for the whole test JVM; Testcontainers' reaper stops it
    private static PostgresServer startContainer() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(IMAGE));
        container.start();
        String adminUrl = container.getJdbcUrl().replace("/" + container.getDatabaseName(), "/postgres");
        return new PostgresServer(adminUrl, container.getUsername(), container.getPassword(), "Testcontainers");
    }
}
