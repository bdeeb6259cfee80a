package org.migrationledger.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the fleet as a table (any role): each database's environments in promotion order with their"
                    + " current version, whether each is behind or ahead of the one before it, failed migrations,"
                    + " open drift by severity (high/medium/low) and migrations awaiting approval.",
            "With DATABASE, that database only, and the migrations awaiting approval by name."
        })
final class StatusCommand extends LedgerCommand {

    private static final int PAGE = 500;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATABASE", description = "One database; all when omitted.")
    String database;

    @Option(names = "--name", paramLabel = "PART", description = "Only databases whose name contains PART.")
    String name;

    @Override
    public Integer call() {
        LedgerClient client = ledger.client();
        List<JsonNode> databases = new ArrayList<>();
        if (database != null) {
            LedgerAnswer answer = client.get(LedgerClient.databasePath(database));
            if (!answer.succeeded()) {
                return problem("Reading " + database + " failed", answer);
            }
            databases.add(answer.body());
        } else {
            for (int offset = 0; ; offset += PAGE) {
                LedgerAnswer answer = client.get("/api/v1/databases?limit=" + PAGE + "&offset=" + offset
                        + (name == null ? "" : "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)));
                if (!answer.succeeded()) {
                    return problem("Reading the fleet failed", answer);
                }
                answer.body().path("databases").forEach(databases::add);
                if (offset + PAGE >= answer.body().path("total").asLong()) {
                    break;
                }
            }
        }
        out().print(FleetTable.of(databases));
        if (database != null) {
            databases
                    .get(0)
                    .path("awaitingApproval")
                    .forEach(m -> out().println(
                                    "AWAITING APPROVAL " + m.path("version").asText() + " "
                                            + m.path("migrationId").asText()));
        }
        return ExitCodes.OK;
    }
}
