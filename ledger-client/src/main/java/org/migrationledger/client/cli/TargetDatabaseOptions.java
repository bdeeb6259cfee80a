package org.migrationledger.client.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import picocli.CommandLine.Option;

/** The PostgreSQL database a command reads from (a target environment, or a disposable one for analysis). */
final class TargetDatabaseOptions {

    @Option(
            names = "--jdbc-url",
            required = true,
            description = "JDBC URL of the database, e.g. jdbc:postgresql://db:5432/app (env FLYWAY_URL).")
    String jdbcUrl;

    @Option(names = "--jdbc-user", description = "Database user (env FLYWAY_USER).")
    String user;

    @Option(
            names = "--jdbc-password",
            description = "Database password (env FLYWAY_PASSWORD). Prefer the variable: flags show up in process"
                    + " lists.")
    String password;

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "migration-ledger client");
        Connection connection = DriverManager.getConnection(jdbcUrl, properties);
        connection.setReadOnly(true);
        return connection;
    }
}
