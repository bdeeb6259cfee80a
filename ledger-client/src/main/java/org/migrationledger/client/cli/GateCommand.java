package org.migrationledger.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerWrite;
import org.migrationledger.client.migrations.Migration;
import org.migrationledger.client.migrations.MigrationDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        description = {
            "Asks the ledger whether migrations may be applied to an environment now (role pipeline).",
            "Exit 0 when every one is allowed; exit 1 with every reason printed when any is not."
        })
final class GateCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "DATABASE", description = "The database's name in the ledger.")
    String database;

    @Parameters(index = "1", paramLabel = "ENVIRONMENT", description = "The environment about to be migrated.")
    String environment;

    @Parameters(index = "2..*", paramLabel = "MIGRATION", description = "Migration ids to ask about.")
    List<String> migrationIds = new ArrayList<>();

    @Option(
            names = "--file",
            paramLabel = "PATH",
            description = "Ask about this up file, or every migration of this directory, with the checksum of the"
                    + " script on disk: a script changed since approval is refused.")
    Path file;

    @Option(names = "--dialect", defaultValue = "postgres", description = "With --file: the dialect to read.")
    String dialect;

    @Override
    public Integer call() {
        List<Question> questions = new ArrayList<>();
        migrationIds.forEach(id -> questions.add(new Question(id, null)));
        if (file != null) {
            for (Migration migration : MigrationDirectory.read(file, dialect).migrations()) {
                questions.add(new Question(migration.migrationId(), migration.checksum()));
            }
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("Name the migrations to ask about, or pass --file.");
        }
        LedgerClient client = ledger.client();
        int exit = ExitCodes.OK;
        for (Question question : questions) {
            exit = ExitCodes.worst(exit, ask(client, question));
        }
        return exit;
    }

    private int ask(LedgerClient client, Question question) {
        ObjectNode body = LedgerClient.JSON.createObjectNode().put("migrationId", question.migrationId());
        if (question.checksum() != null) {
            body.put("checksum", question.checksum());
        }
        LedgerAnswer answer = client.send(new LedgerWrite(
                "POST",
                LedgerClient.databasePath(database, "environments", environment, "gate"),
                body,
                UUID.randomUUID().toString(),
                "gate " + question.migrationId()));
        if (!answer.succeeded()) {
            return problem("Asking the gate about " + question.migrationId() + " failed", answer);
        }
        if (answer.body().path("allowed").asBoolean()) {
            out().println("ALLOWED " + question.migrationId() + " in " + environment);
            return ExitCodes.OK;
        }
        out().println("REFUSED " + question.migrationId() + " in " + environment + ":");
        for (JsonNode reason : answer.body().path("reasons")) {
            out().println("  " + reason.path("code").asText() + ": "
                    + reason.path("detail").asText());
        }
        return ExitCodes.REFUSED;
    }

    private record Question(String migrationId, String checksum) {}
}
