package org.migrationledger.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerWrite;
import org.migrationledger.client.importing.HistoryTables;
import org.migrationledger.client.importing.ImportedRun;
import org.migrationledger.client.migrations.MigrationDirectory;
import org.migrationledger.client.migrations.ScriptChecksum;
import org.migrationledger.client.migrations.VersionScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Turns an existing history table of a database (Flyway's flyway_schema_history, or the seeds'"
                    + " schema_versions) into ledger events, marked as imported (role pipeline).",
            "Runs the ledger already recorded are left out, so importing again is safe; migrations the ledger never"
                    + " knew become known as IMPORTED (never approved)."
        })
final class ImportCommand extends LedgerCommand {

    /** One request carries at most this many rows, well inside the ledger's body limit. */
    private static final int BATCH = 500;

    @Parameters(index = "0", paramLabel = "DATABASE", description = "The database's name in the ledger.")
    String database;

    @Parameters(index = "1", paramLabel = "ENVIRONMENT", description = "The environment this database stands for.")
    String environment;

    @Mixin
    TargetDatabaseOptions target;

    @Option(
            names = "--source",
            defaultValue = HistoryTables.FLYWAY,
            description = "flyway_schema_history or schema_versions (default ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--table", description = "The history table, optionally schema-qualified (default: --source).")
    String table;

    @Option(
            names = "--migrations-dir",
            paramLabel = "PATH",
            description = "The migration files, to record each run with the SHA-256 of its script; without it the"
                    + " ledger records the tool's own checksum and flags later applies of those migrations.")
    Path migrationsDirectory;

    @Option(names = "--dialect", defaultValue = "postgres", description = "With --migrations-dir: the dialect.")
    String dialect;

    @Option(
            names = "--version-scheme",
            defaultValue = "AUTO",
            description = "flyway_schema_history: how versions of migrations new to the ledger are derived, as in"
                    + " 'propose' (default ${DEFAULT-VALUE}).")
    VersionScheme versionScheme;

    @Option(names = "--start-version", defaultValue = "1.0.0", description = "SEQUENCE: the first version.")
    String startVersion;

    @Override
    public Integer call() throws SQLException {
        Map<String, String> scripts = migrationsDirectory == null
                ? Map.of()
                : HistoryTables.checksums(
                        MigrationDirectory.read(migrationsDirectory, dialect).migrations());
        List<ImportedRun> runs;
        try (Connection connection = target.connect()) {
            runs = switch (source) {
                case HistoryTables.FLYWAY ->
                    HistoryTables.flyway(
                            connection, table == null ? source : table, versionScheme, startVersion, scripts);
                case HistoryTables.SCHEMA_VERSIONS ->
                    HistoryTables.schemaVersions(connection, table == null ? source : table, scripts);
                default ->
                    throw new IllegalArgumentException(
                            "--source must be " + HistoryTables.FLYWAY + " or " + HistoryTables.SCHEMA_VERSIONS + ".");
            };
        }
        if (runs.isEmpty()) {
            out().println("Nothing to import: the " + source + " table holds no migration runs.");
            return ExitCodes.OK;
        }
        return send(ledger.client(), runs);
    }

    private int send(LedgerClient client, List<ImportedRun> runs) {
        ProgressBar progress = progress("Importing", runs.size());
        int imported = 0;
        int already = 0;
        for (int from = 0; from < runs.size(); from += BATCH) {
            List<ImportedRun> batch = runs.subList(from, Math.min(runs.size(), from + BATCH));
            ObjectNode body = LedgerClient.JSON.createObjectNode().put("source", source);
            body.set("entries", LedgerClient.JSON.valueToTree(batch));
            LedgerAnswer answer = client.send(new LedgerWrite(
                    "POST",
                    LedgerClient.databasePath(database, "environments", environment, "history-imports"),
                    body,
                    "import-"
                            + ScriptChecksum.of(database + "|" + environment + "|" + body)
                                    .substring(0, 40),
                    "import " + batch.size() + " runs into " + environment));
            if (!answer.succeeded()) {
                return problem("Importing into " + environment + " failed", answer);
            }
            if (answer.replayed()) {
                already += batch.size();
            } else {
                imported += answer.body().path("imported").asInt();
                already += answer.body().path("alreadyRecorded").asInt();
            }
            progress.step(from + batch.size(), batch.get(batch.size() - 1).migrationId());
        }
        out().println("Imported " + imported + " run(s) into " + environment + ", already recorded " + already + " (of "
                + runs.size() + ").");
        return ExitCodes.OK;
    }
}
