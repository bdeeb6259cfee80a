package org.migrationledger.client.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerWrite;
import org.migrationledger.client.snapshot.FlywayHistoryCapture;
import org.migrationledger.client.snapshot.SchemaSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "snapshot",
        mixinStandardHelpOptions = true,
        description = {
            "Captures a PostgreSQL database's schema (tables, columns, types, nullability, defaults, indexes,"
                    + " constraints, enum values) and its flyway_schema_history, and sends them (role pipeline).",
            "The ledger compares them with the other environments and with what it recorded: structural drift,"
                    + " unrecorded migrations, migrations missing in the target."
        })
final class SnapshotCommand extends FactCommand {

    @Parameters(index = "0", paramLabel = "DATABASE", description = "The database's name in the ledger.")
    String database;

    @Parameters(index = "1", paramLabel = "ENVIRONMENT", description = "The environment this database stands for.")
    String environment;

    @Mixin
    TargetDatabaseOptions target;

    @Option(
            names = "--schemas",
            split = ",",
            description = "Schemas to capture (default: every schema but PostgreSQL's own).")
    List<String> schemas = new ArrayList<>();

    @Option(
            names = "--history-table",
            defaultValue = FlywayHistoryCapture.DEFAULT_TABLE,
            description = "Flyway's history table, optionally schema-qualified (default ${DEFAULT-VALUE}).")
    String historyTable;

    @Option(names = "--no-schema", description = "Send only the history table.")
    boolean noSchema;

    @Option(names = "--no-history", description = "Send only the schema.")
    boolean noHistory;

    @Override
    public Integer call() throws SQLException {
        SchemaSnapshot snapshot;
        try (Connection connection = target.connect()) {
            snapshot = SchemaSnapshot.capture(connection, "MANUAL", !noSchema, !noHistory, schemas, historyTable);
        }
        String what =
                (snapshot.schema() == null ? "" : snapshot.schema().tables().size() + " tables")
                        + (snapshot.schema() != null && snapshot.flywayHistory() != null ? ", " : "")
                        + (snapshot.flywayHistory() == null
                                ? ""
                                : snapshot.flywayHistory().size() + " history rows");
        LedgerWrite write = LedgerWrite.post(
                LedgerClient.databasePath(database, "environments", environment, "schema-snapshots"),
                LedgerClient.JSON.valueToTree(snapshot),
                "snapshot of " + environment + " (" + what + ")");
        return report(write);
    }

    @Override
    int recorded(LedgerAnswer answer, LedgerWrite write) {
        out().println("RECORDED " + write.summary() + ", schema version "
                + answer.body().path("schemaVersion").asText("none"));
        return ExitCodes.OK;
    }
}
