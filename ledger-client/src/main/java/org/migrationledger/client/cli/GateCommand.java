package org.migrationledger.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            "Several migrations are asked about as one run applies them, in order: an earlier one of the same run"
                    + " that is allowed counts as applied first; ones already applied there are skipped.",
            "Exit 0 when every one is allowed; exit 1 with every reason printed when any is not."
        })
final class GateCommand extends LedgerCommand {

    private static final String ALREADY_APPLIED = "ALREADY_APPLIED";
    private static final String EARLIER_MISSING = "EARLIER_MIGRATION_MISSING";
    private static final Pattern MISSING_COUNT = Pattern.compile("^(\\d+) earlier");

    @Parameters(index = "0", paramLabel = "DATABASE", description = "The database's name in the ledger.")
    String database;

    @Parameters(index = "1", paramLabel = "ENVIRONMENT", description = "The environment about to be migrated.")
    String environment;

    @Parameters(index = "2..*", paramLabel = "MIGRATION", description = "Migration ids to ask about, in apply order.")
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
            for (Migration migration : MigrationDirectory.read(file, dialect).requireMigrations(file, dialect)) {
                questions.add(new Question(migration.migrationId(), migration.checksum()));
            }
        }
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("Name the migrations to ask about, or pass --file.");
        }
        LedgerClient client = ledger.client();
        int exit = ExitCodes.OK;
        int allowedBefore = 0;
        for (Question question : questions) {
            Verdict verdict = ask(client, question, allowedBefore);
            exit = ExitCodes.worst(exit, verdict.exit());
            if (verdict.allowedInThisRun()) {
                allowedBefore++;
            }
        }
        return exit;
    }

    private Verdict ask(LedgerClient client, Question question, int allowedBefore) {
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
            return new Verdict(problem("Asking the gate about " + question.migrationId() + " failed", answer), false);
        }
        List<JsonNode> reasons = new ArrayList<>();
        answer.body().path("reasons").forEach(reasons::add);
        if (reasons.size() == 1 && code(reasons.get(0)).equals(ALREADY_APPLIED)) {
            if (!quiet) {
                out().println("APPLIED " + question.migrationId() + " in " + environment + " already");
            }
            return new Verdict(ExitCodes.OK, false);
        }
        boolean tolerated = reasons.stream().allMatch(r -> satisfiedByThisRun(r, allowedBefore));
        if (answer.body().path("allowed").asBoolean() || (!reasons.isEmpty() && tolerated)) {
            out().println("ALLOWED " + question.migrationId() + " in " + environment
                    + (reasons.isEmpty() ? "" : " (after the " + allowedBefore + " before it in this run)"));
            return new Verdict(ExitCodes.OK, true);
        }
        out().println("REFUSED " + question.migrationId() + " in " + environment + ":");
        reasons.forEach(
                r -> out().println("  " + code(r) + ": " + r.path("detail").asText()));
        return new Verdict(ExitCodes.REFUSED, false);
    }

    /** Earlier migrations are missing only because this run applies them first: they were all allowed above. */
    private static boolean satisfiedByThisRun(JsonNode reason, int allowedBefore) {
        if (!code(reason).equals(EARLIER_MISSING)) {
            return false;
        }
        Matcher count = MISSING_COUNT.matcher(reason.path("detail").asText());
        return count.find() && Integer.parseInt(count.group(1)) <= allowedBefore;
    }

    private static String code(JsonNode reason) {
        return reason.path("code").asText();
    }

    private record Question(String migrationId, String checksum) {}

    private record Verdict(int exit, boolean allowedInThisRun) {}
}
