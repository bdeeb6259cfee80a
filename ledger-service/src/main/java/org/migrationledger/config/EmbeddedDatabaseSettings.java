package org.migrationledger.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL the service starts when no datasource is configured (docs/adr/0018).
 *
 * @param dataDir the folder that keeps the cluster, its log and lock; relative to the working directory
 * @param port the server's port on 127.0.0.1; 0 picks a free one at every start
 * @param database the database the ledger uses on it, created on first start
 * @param systemUser the unprivileged account the server runs as when the service runs as root and the kernel allows no
 *     user namespace; created on first use
 */
@ConfigurationProperties("ledger.embedded")
public record EmbeddedDatabaseSettings(
        @DefaultValue("./ledger-data") Path dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("ledger") String database,
        @DefaultValue("ledger-postgres") String systemUser) {}
