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
        name = "withdraw",
        mixinStandardHelpOptions = true,
        description = {
            "Withdraws a migration that has not run anywhere (its proposer or an admin). The gate refuses it from then"
                    + " on; a migration that already ran is superseded instead (see 'supersede')."
        })
final class WithdrawCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "DATABASE", description = "The database's name in the ledger.")
    String database;

    @Parameters(index = "1", paramLabel = "MIGRATION", description = "Migration id (NNNN_name or V<ver>__<desc>).")
    String migrationId;

    @Option(names = "--reason", required = true, description = "Why it is withdrawn.")
    String reason;

    @Override
    public Integer call() {
        ObjectNode body = LedgerClient.JSON.createObjectNode().put("reason", reason);
        LedgerAnswer answer = ledger.client()
                .send(new LedgerWrite(
                        "POST",
                        LedgerClient.databasePath(database, "migrations", migrationId, "withdrawal"),
                        body,
                        UUID.randomUUID().toString(),
                        "withdraw " + migrationId));
        if (!answer.succeeded()) {
            return problem("Withdrawing " + migrationId + " failed", answer);
        }
        out().println("Withdrew " + migrationId + ".");
        return ExitCodes.OK;
    }
}
