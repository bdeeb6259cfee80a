package org.migrationledger.client.cli;

import org.migrationledger.client.reports.RollbackReport;
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
        RollbackReport report = new RollbackReport(migrationId, reason, method, tool, ledger.runUrl);
        return report(report.toWrite(database, environment, "rolled back " + migrationId + " in " + environment));
    }
}
