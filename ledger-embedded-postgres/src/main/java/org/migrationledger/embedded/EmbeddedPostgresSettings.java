package org.migrationledger.embedded;

import java.nio.file.Path;

/**
 * How to run an embedded PostgreSQL.
 *
 * @param dataDirectory the folder that holds the cluster ({@code postgresql/}), its log and the lock that keeps a
 *     second process out; created when missing, kept between starts
 * @param port the TCP port on 127.0.0.1, or 0 for a free one
 * @param systemUser the account the server runs as when the JVM is root and user namespaces are not allowed
 * @param durable false for throw-away test servers: no fsync, so tests do not wait for the disk
 * @param rootAccount how to run the server when the JVM is root; null chooses (see {@link ServerAccount#choose})
 */
public record EmbeddedPostgresSettings(
        Path dataDirectory, int port, String systemUser, boolean durable, ServerAccount.Kind rootAccount) {

    public EmbeddedPostgresSettings {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, not " + port);
        }
        if (systemUser == null || systemUser.isBlank()) {
            systemUser = ServerAccount.DEFAULT_SYSTEM_USER;
        }
    }

    /** A server that keeps its data: the service's development default. */
    public static EmbeddedPostgresSettings durable(Path dataDirectory, int port) {
        return new EmbeddedPostgresSettings(dataDirectory, port, null, true, null);
    }

    /** A server for one test JVM, on a free port, without fsync. */
    public static EmbeddedPostgresSettings forTests(Path dataDirectory) {
        return new EmbeddedPostgresSettings(dataDirectory, 0, null, false, null);
    }

    /** The same settings with another account for a root JVM where no user namespace is allowed. */
    public EmbeddedPostgresSettings withSystemUser(String user) {
        return new EmbeddedPostgresSettings(dataDirectory, port, user, durable, rootAccount);
    }

    /** The same settings with the root account chosen instead of detected. */
    public EmbeddedPostgresSettings asRoot(ServerAccount.Kind account) {
        return new EmbeddedPostgresSettings(dataDirectory, port, systemUser, durable, account);
    }

    Path cluster() {
        return dataDirectory.resolve("postgresql");
    }

    Path log() {
        return dataDirectory.resolve("postgresql.log");
    }

    Path lock() {
        return dataDirectory.resolve("embedded.lock");
    }
}
