package org.migrationledger.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerWrite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "record-rollback",
        mixinStandardHelpOptions = true,
        description = {
            "Reports that a migration was rolled back in an environment (role pipeline).",
            "Exit 1 when the ledger recorded policy violations with it (e.g. rolling back a contract migration)."
        })
final class RecordRollbackCommand extends FactCommand {

    @Parameters(index = "0", paramLabel = "DATABASE", description = "The database's name in the ledger.")
    String database;

    @Parameters(index = "1", paramLabel = "ENVIRONMENT", description = "Where it was rolled back.")
    String environment;

    @Parameters(index = "2", paramLabel = "MIGRATION", description = "The migration id.")
    String migrationId;

    @Option(names = "--reason", required = true, description = "Why it was rolled back.")
    String reason;

    @Option(
            names = "--method",
            defaultValue = "DOWN_SCRIPT",
            description = "DOWN_SCRIPT, RESTORE (from backup) or FORWARD_FIX (default ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--tool",
            defaultValue = "ledger-cli",
            description = "The tool that did it (default ${DEFAULT-VALUE}).")
    String tool;

    @Override
    public Integer call() {
        ObjectNode body = LedgerClient.JSON
                .createObjectNode()
                .put("migrationId", migrationId)
                .put("reason", reason)
                .put("method", method)
                .put("tool", tool);
        if (ledger.runUrl != null) {
            body.put("runUrl", ledger.runUrl);
        }
        return report(LedgerWrite.post(
                LedgerClient.databasePath(database, "environments", environment, "rollbacks"),
                body,
                "rolled back " + migrationId + " in " + environment));
    }
}
