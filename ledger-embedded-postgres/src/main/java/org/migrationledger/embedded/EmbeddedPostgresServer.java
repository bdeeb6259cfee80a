package org.migrationledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A real PostgreSQL server on 127.0.0.1, run from the binaries on the classpath with its data in a folder of its own.
 * Its data survives {@link #close()} and the next start finds it again. It stops with its JVM: {@link #close()} stops
 * it fast, and a JVM killed outright takes it along through the parent-death signal; a server or a
 * {@code postmaster.pid} a killed JVM still left behind is cleared at the next start (see {@link StaleServer}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgresSettings settings;
    private final FolderLock folderLock;
    private final ServerProcess process;

    private EmbeddedPostgresServer(EmbeddedPostgresSettings settings, FolderLock folderLock, ServerProcess process) {
        this.settings = settings;
        this.folderLock = folderLock;
        this.process = process;
    }

    /** Starts the server, creating the cluster on first use; returns once it accepts connections. */
    public static EmbeddedPostgresServer start(EmbeddedPostgresSettings settings) {
        try {
            Files.createDirectories(settings.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + settings.dataDirectory(), e);
        }
        FolderLock folderLock = FolderLock.acquire(settings);
        try {
            return startLocked(settings, folderLock);
        } catch (RuntimeException e) {
            folderLock.close();
            throw e;
        }
    }

    private static EmbeddedPostgresServer startLocked(EmbeddedPostgresSettings settings, FolderLock folderLock) {
        ServerAccount account = ServerAccount.choose(settings.rootAccount(), settings.systemUser());
        account.own(settings.dataDirectory());
        PostgresBinaries binaries = PostgresBinaries.unpackedInto(PostgresBinaries.defaultCache());
        if (!Files.exists(settings.cluster().resolve("PG_VERSION"))) {
            ServerProcess.initdb(binaries, account, settings);
        }
        new StaleServer(settings.cluster()).clear();
        int port = settings.port() == 0 ? FreePort.find() : settings.port();
        ServerProcess process = ServerProcess.start(binaries, account, settings, port);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(settings, folderLock, process);
        process.awaitReady(server::canConnect);
        return server;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + process.port() + "/" + database;
    }

    public String user() {
        return SUPERUSER;
    }

    public int port() {
        return process.port();
    }

    public EmbeddedPostgresSettings settings() {
        return settings;
    }

    public ServerAccount account() {
        return process.account();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** The server's version, e.g. {@code 17.7}. */
    public String version() {
        return process.version();
    }

    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    /** Creates the database unless it exists; the service's own database on first start. */
    public void createDatabaseIfMissing(String database) {
        try (Connection connection = connect("postgres");
                PreparedStatement existing =
                        connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            existing.setString(1, database);
            try (ResultSet rows = existing.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " on the embedded PostgreSQL", e);
        }
    }

    /** Stops the server (fast shutdown: open sessions are ended) and lets another process use the data folder. */
    @Override
    public synchronized void close() {
        try {
            process.stop();
        } finally {
            folderLock.close();
        }
    }

    /** What a killed JVM leaves: the data folder free for another process, the server still running. */
    void abandon() {
        folderLock.close();
    }

    private boolean canConnect() {
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on 127.0.0.1:" + process.port() + ", data in " + settings.dataDirectory();
    }
}
