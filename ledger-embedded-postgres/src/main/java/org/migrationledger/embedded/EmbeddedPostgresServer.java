package org.migrationledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
    private final ServerAccount account;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final int port;
    private final ServerProcess process;

    private EmbeddedPostgresServer(
            EmbeddedPostgresSettings settings,
            ServerAccount account,
            FileChannel lockChannel,
            FileLock lock,
            int port,
            ServerProcess process) {
        this.settings = settings;
        this.account = account;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.port = port;
        this.process = process;
    }

    /** Starts the server, creating the cluster on first use; returns once it accepts connections. */
    public static EmbeddedPostgresServer start(EmbeddedPostgresSettings settings) {
        try {
            Files.createDirectories(settings.dataDirectory());
            FileChannel channel =
                    FileChannel.open(settings.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another process runs the embedded PostgreSQL in "
                        + settings.dataDirectory() + ": stop it, or choose another data folder");
            }
            try {
                return startLocked(settings, channel, lock);
            } catch (RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + settings.dataDirectory(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static EmbeddedPostgresServer startLocked(
            EmbeddedPostgresSettings settings, FileChannel channel, FileLock lock) {
        ServerAccount account = ServerAccount.choose(settings.rootAccount(), settings.systemUser());
        account.own(settings.dataDirectory());
        PostgresBinaries binaries = PostgresBinaries.unpackedInto(PostgresBinaries.defaultCache());
        if (!Files.exists(settings.cluster().resolve("PG_VERSION"))) {
            ServerProcess.initdb(binaries, account, settings);
        }
        new StaleServer(settings.cluster()).clear();
        int port = settings.port() == 0 ? FreePort.find() : settings.port();
        ServerProcess process = ServerProcess.start(binaries, account, settings, serverOptions(settings, port));
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(settings, account, channel, lock, port, process);
        process.awaitReady(server::canConnect);
        return server;
    }

    private static List<String> serverOptions(EmbeddedPostgresSettings settings, int port) {
        List<String> options = new ArrayList<>(List.of(
                "-p",
                String.valueOf(port),
                "-c",
                "listen_addresses=127.0.0.1",
                // TCP only: the default socket folder (/var/run/postgresql) may not exist or not be ours.
                "-c",
                "unix_socket_directories=",
                "-c",
                "max_connections=200"));
        if (!settings.durable()) {
            options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        return options;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return SUPERUSER;
    }

    public int port() {
        return port;
    }

    public EmbeddedPostgresSettings settings() {
        return settings;
    }

    public ServerAccount account() {
        return account;
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
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What a killed JVM leaves: the data folder free for another process, the server still running. */
    void abandon() throws IOException {
        lock.release();
        lockChannel.close();
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
        return "embedded PostgreSQL on 127.0.0.1:" + port + ", data in " + settings.dataDirectory();
    }
}
