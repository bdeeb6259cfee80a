package org.migrationledger.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerWrite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "supersede",
        mixinStandardHelpOptions = true,
        description = {
            "Records that a migration is replaced by another one of the database, e.g. after two developers picked the"
                    + " same number (the proposer of either, or an admin). Where it ran, its facts stay; elsewhere the"
                    + " gate refuses it and later migrations no longer wait for it."
        })
final class SupersedeCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "DATABASE", description = "The database's name in the ledger.")
    String database;

    @Parameters(index = "1", paramLabel = "MIGRATION", description = "The migration replaced.")
    String migrationId;

    @Parameters(index = "2", paramLabel = "REPLACEMENT", description = "The migration that replaces it.")
    String replacementMigrationId;

    @Option(names = "--reason", required = true, description = "Why it is replaced.")
    String reason;

    @Override
    public Integer call() {
        ObjectNode body = LedgerClient.JSON
                .createObjectNode()
                .put("replacementMigrationId", replacementMigrationId)
                .put("reason", reason);
        LedgerAnswer answer = ledger.client()
                .send(new LedgerWrite(
                        "POST",
                        LedgerClient.databasePath(database, "migrations", migrationId, "supersession"),
                        body,
                        UUID.randomUUID().toString(),
                        "supersede " + migrationId));
        if (!answer.succeeded()) {
            return problem("Superseding " + migrationId + " failed", answer);
        }
        out().println("Superseded " + migrationId + " by " + replacementMigrationId + ".");
        return ExitCodes.OK;
    }
}
