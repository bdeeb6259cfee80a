package org.migrationledger.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerWrite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "register",
        mixinStandardHelpOptions = true,
        description = "Puts a database under change control with its promotion path, or changes the path (role admin).")
final class RegisterCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "DATABASE", description = "The database's name in the ledger, e.g. wishlist.")
    String database;

    @Option(
            names = "--environments",
            split = ",",
            paramLabel = "ENV",
            description = "The promotion path in order (default local,ci,staging,production).")
    List<String> environments;

    @Override
    public Integer call() {
        ObjectNode body = LedgerClient.JSON.createObjectNode();
        if (environments != null) {
            environments.forEach(body.putArray("environments")::add);
        }
        LedgerAnswer answer = ledger.client()
                .send(new LedgerWrite(
                        "PUT",
                        LedgerClient.databasePath(database),
                        body,
                        UUID.randomUUID().toString(),
                        "register " + database));
        if (!answer.succeeded()) {
            return problem("Registering " + database + " failed", answer);
        }
        List<String> path = LedgerClient.JSON.convertValue(
                answer.body().path("environments"),
                LedgerClient.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        out().println((answer.status() == 201 ? "Registered " : "Already registered: ") + database + " ("
                + String.join(" → ", path) + ")");
        return ExitCodes.OK;
    }
}
